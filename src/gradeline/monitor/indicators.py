"""The indicators, each defined once as an Ibis expression over episodes and the internal schema.

Every indicator returns one row per episode (all episodes of the population) with the episode's strata and
four integer columns: ``den`` (in the denominator before exclusions, 0/1), ``excl`` (denominator exclusion,
0/1), ``num`` (numerator, 0/1; never 1 when excluded) and ``value`` (a whole number of days for
indicators that
also report a mean, else null). Meaning, rationale and caveats live in content/.../monitor/indicators.yaml.
"""

from collections.abc import Callable
from dataclasses import dataclass

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from gradeline.monitor.codes import CodeLists
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.episodes import code_in

LUMBAR_MODALITIES = ("MR", "RX", "CT")
RESULT_COLUMNS = ("den", "excl", "num", "value")


@dataclass(frozen=True)
class Context:
    """What an indicator may read: the episodes, the internal tables present, code lists and parameters."""

    episodes: ir.Table
    tables: dict[str, ir.Table]
    codes: CodeLists
    cfg: MonitorConfig


IndicatorFn = Callable[[Context], ir.Table]


def _hits(ep: ir.Table, events: ir.Table, date_col: str, first_day: int, last_day: int) -> ir.Table:
    """Episode ids with at least one event dated from ``first_day`` to ``last_day`` (days from day 0)."""
    e = ep.select(h_id=ep.episode_id, h_pid=ep.patient_id, h_start=ep.start_date)
    v = events.select(v_pid=events.patient_id, v_date=events[date_col])
    j = e.join(
        v,
        [
            e.h_pid == v.v_pid,
            v.v_date >= e.h_start + ibis.interval(days=first_day),
            v.v_date <= e.h_start + ibis.interval(days=last_day),
        ],
    )
    return j.select("h_id").distinct()


def _flagged(ep: ir.Table, hits: ir.Table, name: str) -> ir.Table:
    """Add a 0/1 column ``name``: the episode is among ``hits``."""
    h = hits.select(**{f"{name}_id": hits.h_id})
    j = ep.left_join(h, ep.episode_id == h[f"{name}_id"])
    return j.mutate(**{name: j[f"{name}_id"].notnull().cast("int64")}).drop(f"{name}_id")


def _result(
    t: ir.Table, den: ir.Value, excl: ir.Value, num: ir.Value, value: ir.Value | None = None
) -> ir.Table:
    val = value.cast("int64") if value is not None else ibis.null().cast("int64")
    return t.mutate(den=den.cast("int64"), excl=excl.cast("int64"), num=num.cast("int64"), value=val)


def _dispensed(ctx: Context, drug: str) -> ir.Table:
    rx = ctx.tables["prescriptions"]
    prefix: ir.BooleanValue = ibis.literal(False)
    for p in ctx.codes.drugs[drug]:
        prefix = prefix | rx.atc.startswith(p)
    return rx.filter(rx.on_prescription, prefix)


def imaging_without_red_flag(ctx: Context) -> ir.Table:
    ep, cfg = ctx.episodes, ctx.cfg
    img = ctx.tables["imaging"]
    img = img.filter(img.modality.isin(list(LUMBAR_MODALITIES)), img.body_site == "lumbar")
    enc = ctx.tables["encounters"]
    red = enc.filter(enc.red_flag.fill_null(False) | code_in(enc, ctx.codes.red_flag))
    t = _flagged(ep, _hits(ep, img, "imaging_date", 0, cfg.imaging_window_days), "imaged")
    t = _flagged(t, _hits(ep, red, "enc_date", 0, cfg.imaging_window_days), "red_flag")
    return _result(t, ibis.literal(1), t.red_flag, t.imaged * (1 - t.red_flag))


def _drug_dispensing(drug: str) -> IndicatorFn:
    def indicator(ctx: Context) -> ir.Table:
        ep = ctx.episodes
        t = _flagged(ep, _hits(ep, _dispensed(ctx, drug), "dispense_date", 0, ctx.cfg.followup_days), "hit")
        return _result(t, ibis.literal(1), ibis.literal(0), t.hit)

    indicator.__name__ = f"{drug}_dispensing"
    indicator.__doc__ = f"Episodes with a {drug} dispensing on prescription from day 0 to followup_days."
    return indicator


def opioid_course_too_long(ctx: Context) -> ir.Table:
    ep, cfg = ctx.episodes, ctx.cfg
    rx = _dispensed(ctx, "opioid")
    e = ep.select(c_id=ep.episode_id, c_pid=ep.patient_id, c_start=ep.start_date)
    v = rx.select(v_pid=rx.patient_id, v_date=rx.dispense_date, v_days=rx.days_supply)
    j = e.join(
        v,
        [
            e.c_pid == v.v_pid,
            v.v_date >= e.c_start,
            v.v_date <= e.c_start + ibis.interval(days=cfg.followup_days),
        ],
    )
    day = j.v_date.delta(j.c_start, unit="day")
    supplied = j.v_days.ceil().cast("int64").fill_null(1)
    course = j.group_by("c_id").aggregate(first=day.min(), end=(day + supplied).max())
    course = course.mutate(days=course.end - course.first)
    t = ep.left_join(course.select("c_id", "days"), ep.episode_id == course.c_id).drop("c_id")
    has = t.days.notnull()
    too_long = has & (t.days > cfg.max_opioid_days)
    return _result(t, has.cast("int64"), ibis.literal(0), too_long.cast("int64"), t.days)


def _referral(kind: str) -> IndicatorFn:
    def indicator(ctx: Context) -> ir.Table:
        ep = ctx.episodes
        ref = ctx.tables["referrals"]
        ref = ref.filter(ref.referral_type == kind)
        t = _flagged(ep, _hits(ep, ref, "referral_date", 0, ctx.cfg.followup_days), "hit")
        return _result(t, ibis.literal(1), ibis.literal(0), t.hit)

    indicator.__name__ = f"referral_{kind}"
    indicator.__doc__ = f"Episodes with a referral of type {kind} from day 0 to followup_days."
    return indicator


def long_lasting(ctx: Context) -> ir.Table:
    ep = ctx.episodes
    lasting = ep.last_contact.delta(ep.start_date, unit="day") > ctx.cfg.long_lasting_days
    return _result(ep, ibis.literal(1), ibis.literal(0), lasting.cast("int64"))


def _spells(ctx: Context) -> ir.Table:
    """Sick-leave spells starting in the episode window, joined to their episode."""
    ep, cfg = ctx.episodes, ctx.cfg
    sl = ctx.tables["sick_leave"]
    e = ep.select(s_id=ep.episode_id, s_pid=ep.patient_id, s_start=ep.start_date)
    v = sl.select(v_pid=sl.patient_id, v_start=sl.start_date, v_end=sl.end_date)
    return e.join(
        v,
        [
            e.s_pid == v.v_pid,
            v.v_start >= e.s_start - ibis.interval(days=cfg.sick_leave_lead_days),
            v.v_start <= e.s_start + ibis.interval(days=cfg.followup_days),
        ],
    )


def sick_leave(ctx: Context) -> ir.Table:
    ep = ctx.episodes
    spells = _spells(ctx)
    hits = spells.select(h_id=spells.s_id).distinct()
    t = _flagged(ep, hits, "hit")
    return _result(t, ibis.literal(1), ibis.literal(0), t.hit)


def back_to_work(ctx: Context) -> ir.Table:
    ep, cfg = ctx.episodes, ctx.cfg
    j = _spells(ctx)
    agg = j.group_by("s_id").aggregate(
        open_spells=j.v_end.isnull().cast("int64").sum(),
        last_end=j.v_end.delta(j.s_start, unit="day").max(),
    )
    t = ep.left_join(agg, ep.episode_id == agg.s_id).drop("s_id")
    has = t.open_spells.notnull()
    ended = has & (t.open_spells == 0)
    value = ibis.ifelse(ended, t.last_end, ibis.null().cast("int64"))
    back = ended & (t.last_end <= cfg.return_to_work_days)
    return _result(t, has.cast("int64"), ibis.literal(0), back.cast("int64"), value)


INDICATORS: dict[str, IndicatorFn] = {
    "billeddiagnostik-uden-roede-flag": imaging_without_red_flag,
    "opioid-udlevering": _drug_dispensing("opioid"),
    "opioid-laengere-forloeb": opioid_course_too_long,
    "nsaid-udlevering": _drug_dispensing("nsaid"),
    "paracetamol-udlevering": _drug_dispensing("paracetamol"),
    "henvisning-superviseret-traening": _referral("supervised_exercise"),
    "henvisning-patientuddannelse": _referral("patient_education"),
    "langvarigt-forloeb": long_lasting,
    "sygemelding": sick_leave,
    "tilbage-i-arbejde": back_to_work,
}
"""Indicator id -> its one executable definition (ids match indicators.yaml)."""
