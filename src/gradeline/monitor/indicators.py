"""The generic indicator kinds, each defined once as an Ibis expression over episodes and the internal schema.

A pack's monitor/indicators.yaml gives every indicator a ``compute`` block naming its kind (``KINDS``) and
the kind's arguments (a drug class of codes.yaml, a referral type, imaging modalities and body site);
:func:`indicator_functions` builds the executable definitions of a pack from it.

Every indicator returns one row per episode (all episodes of the population) with the episode's strata and
four integer columns: ``den`` (in the denominator before exclusions, 0/1), ``excl`` (denominator exclusion,
0/1), ``num`` (numerator, 0/1; never 1 when excluded) and ``value`` (a whole number of days for
indicators that
also report a mean, else null). Meaning, rationale and caveats live in content/<pack>/monitor/indicators.yaml.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from gradeline.monitor.codes import CodeLists
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.episodes import code_in

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


def imaging_without_red_flag(modalities: list[str], body_site: str) -> IndicatorFn:
    """Episodes with imaging of ``modalities`` at ``body_site`` from day 0 to imaging_window_days, a red flag
    (encounter field or red-flag code) in the same window excluding the episode."""

    def indicator(ctx: Context) -> ir.Table:
        ep, cfg = ctx.episodes, ctx.cfg
        img = ctx.tables["imaging"]
        img = img.filter(img.modality.isin(list(modalities)), img.body_site == body_site)
        enc = ctx.tables["encounters"]
        red = enc.filter(enc.red_flag.fill_null(False) | code_in(enc, ctx.codes.red_flag))
        t = _flagged(ep, _hits(ep, img, "imaging_date", 0, cfg.imaging_window_days), "imaged")
        t = _flagged(t, _hits(ep, red, "enc_date", 0, cfg.imaging_window_days), "red_flag")
        return _result(t, ibis.literal(1), t.red_flag, t.imaged * (1 - t.red_flag))

    return indicator


def dispensing(drug: str) -> IndicatorFn:
    def indicator(ctx: Context) -> ir.Table:
        ep = ctx.episodes
        t = _flagged(ep, _hits(ep, _dispensed(ctx, drug), "dispense_date", 0, ctx.cfg.followup_days), "hit")
        return _result(t, ibis.literal(1), ibis.literal(0), t.hit)

    indicator.__name__ = f"{drug}_dispensing"
    indicator.__doc__ = f"Episodes with a {drug} dispensing on prescription from day 0 to followup_days."
    return indicator


def course_longer_than(drug: str) -> IndicatorFn:
    """Among episodes with a ``drug`` dispensing from day 0 to followup_days: courses (last dispensing day +
    days supplied, minus the first dispensing day) longer than max_course_days; the value is the course."""

    def indicator(ctx: Context) -> ir.Table:
        return _course(ctx, drug)

    return indicator


def _course(ctx: Context, drug: str) -> ir.Table:
    ep, cfg = ctx.episodes, ctx.cfg
    rx = _dispensed(ctx, drug)
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
    too_long = has & (t.days > cfg.max_course_days)
    return _result(t, has.cast("int64"), ibis.literal(0), too_long.cast("int64"), t.days)


def referral(referral_type: str) -> IndicatorFn:
    def indicator(ctx: Context) -> ir.Table:
        ep = ctx.episodes
        ref = ctx.tables["referrals"]
        ref = ref.filter(ref.referral_type == referral_type)
        t = _flagged(ep, _hits(ep, ref, "referral_date", 0, ctx.cfg.followup_days), "hit")
        return _result(t, ibis.literal(1), ibis.literal(0), t.hit)

    indicator.__name__ = f"referral_{referral_type}"
    indicator.__doc__ = f"Episodes with a referral of type {referral_type} from day 0 to followup_days."
    return indicator


def contacts_beyond(ctx: Context) -> ir.Table:
    """Episodes whose last contact for the condition is more than long_lasting_days after day 0."""
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


KINDS: dict[str, Callable[..., IndicatorFn]] = {
    "imaging_without_red_flag": imaging_without_red_flag,
    "dispensing": dispensing,
    "course_longer_than": course_longer_than,
    "referral": referral,
    "contacts_beyond": lambda: contacts_beyond,
    "sick_leave": lambda: sick_leave,
    "back_to_work": lambda: back_to_work,
}
"""Indicator kind (``compute.kind`` in indicators.yaml) -> a builder taking the kind's arguments."""


class IndicatorDefinitionError(ValueError):
    """An indicator's ``compute`` block names no known kind or wrong arguments."""


def build(indicator_id: str, compute: dict[str, Any]) -> IndicatorFn:
    """The executable definition of one indicator from its ``compute`` block."""
    args = dict(compute)
    kind = str(args.pop("kind", ""))
    if kind not in KINDS:
        raise IndicatorDefinitionError(
            f"indicator {indicator_id}: compute.kind {kind!r} is not one of {', '.join(KINDS)}"
        )
    try:
        return KINDS[kind](**args)
    except TypeError as exc:
        message = f"indicator {indicator_id}: wrong arguments for {kind}: {exc}"
        raise IndicatorDefinitionError(message) from exc


def indicator_functions(pack: Path | None = None) -> dict[str, IndicatorFn]:
    """Indicator id -> its executable definition, for every indicator of the pack (default: active)."""
    return {ind.id: build(ind.id, ind.compute) for ind in load_catalogue(pack).indicators}
