"""New-onset episodes of the guideline's condition, as one Ibis expression that runs unchanged on DuckDB and
Spark.

An episode starts at a contact for the condition (the pack's code list ``condition_contact``) with no such
contact in the previous ``lookback_days``; every later contact within ``lookback_days`` of the previous one
belongs to the same episode. Contacts are ordered by (enc_date, encounter_id) - a total order, so the first
contact (its profession and clinic) and hence every stratum is the same on every engine. Episodes are kept
when the patient is over ``min_age_exclusive`` years at the start, the data cover ``lookback_days`` before
the start (no left censoring) and ``followup_days`` after it (complete follow-up).
"""

import itertools
from dataclasses import dataclass
from datetime import date

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]

from gradeline.monitor.codes import CodeLists
from gradeline.monitor.config import MonitorConfig


@dataclass(frozen=True)
class Window:
    """The observation period the episodes are checked against."""

    start: date
    end: date


def code_in(table: ir.Table, codes: dict[str, tuple[str, ...]]) -> ir.BooleanValue:
    """True where (code_system, code) falls under a code list given per system: a listed code or any of its
    subcodes (SKS/ICD-10 hierarchy by prefix: a listed code covers every code that starts with it)."""
    cond: ir.BooleanValue = ibis.literal(False)
    for system, values in codes.items():
        under: ir.BooleanValue = ibis.literal(False)
        for v in values:
            under = under | table.code.startswith(v)
        cond = cond | ((table.code_system == system) & under)
    return cond


def _yyyymmdd(d: ir.DateValue) -> ir.IntegerValue:
    return d.year() * 10000 + d.month() * 100 + d.day()


def age_at(birth: ir.DateValue, when: ir.DateValue) -> ir.IntegerValue:
    """Age in whole years (integer arithmetic, identical on every engine)."""
    return (_yyyymmdd(when) - _yyyymmdd(birth)) // 10000


def age_band(age: ir.IntegerValue, bounds: tuple[int, ...]) -> ir.StringValue:
    labels = [f"{lo}-{hi - 1}" for lo, hi in itertools.pairwise(bounds)] + [f"{bounds[-1]}+"]
    branches = [(age >= lo, label) for lo, label in reversed(list(zip(bounds, labels, strict=True)))]
    return ibis.cases(*branches, else_=f"<{bounds[0]}")


def period_of(d: ir.DateValue, grain: str) -> ir.StringValue:
    year = d.year().cast("string")
    if grain == "year":
        return year
    return year + ibis.literal("-Q") + d.quarter().cast("string")


def condition_contacts(encounters: ir.Table, codes: CodeLists, cfg: MonitorConfig) -> ir.Table:
    """Contacts for the condition with the episode sequence number per patient (``seq``) and a start marker
    (``is_start``)."""
    contacts = encounters.filter(code_in(encounters, codes.condition))
    order = [contacts.enc_date, contacts.encounter_id]
    w = ibis.window(group_by=contacts.patient_id, order_by=order)
    contacts = contacts.mutate(prev_date=contacts.enc_date.lag().over(w))
    gap = contacts.enc_date.delta(contacts.prev_date, unit="day")
    contacts = contacts.mutate(
        is_start=(contacts.prev_date.isnull() | (gap > cfg.lookback_days)).cast("int64")
    )
    cw = ibis.cumulative_window(
        group_by=contacts.patient_id, order_by=[contacts.enc_date, contacts.encounter_id]
    )
    return contacts.mutate(seq=contacts.is_start.sum().over(cw))


def all_episodes(encounters: ir.Table, patients: ir.Table, codes: CodeLists, cfg: MonitorConfig) -> ir.Table:
    """Every episode with its strata, before the scope and censoring filters (flags say which apply)."""
    contacts = condition_contacts(encounters, codes, cfg)
    first = contacts.filter(contacts.is_start == 1).select(
        "patient_id",
        "seq",
        start_date=contacts.enc_date,
        profession=contacts.profession,
        clinic=contacts.clinic_id,
    )
    span = contacts.group_by(["patient_id", "seq"]).aggregate(
        last_contact=contacts.enc_date.max(), contacts=contacts.encounter_id.count()
    )
    ep = first.join(span, ["patient_id", "seq"])
    pat = patients.select(
        pid=patients.patient_id, birth_date=patients.birth_date, sex=patients.sex, region=patients.region_code
    )
    ep = ep.join(pat, ep.patient_id == pat.pid).drop("pid")
    age = age_at(ep.birth_date, ep.start_date)
    return ep.mutate(
        episode_id=ep.patient_id.cast("string") + ibis.literal("#") + ep.seq.cast("string"),
        age=age,
        age_band=age_band(age, cfg.age_bands),
        period=period_of(ep.start_date, cfg.period),
    ).drop("birth_date")


def in_population(ep: ir.Table, cfg: MonitorConfig, window: Window) -> ir.Table:
    """Episodes in scope with complete look-back and follow-up: the population of every indicator."""
    first_ok = ibis.literal(window.start) + ibis.interval(days=cfg.lookback_days)
    last_ok = ibis.literal(window.end) - ibis.interval(days=cfg.followup_days)
    return ep.filter(ep.age > cfg.min_age_exclusive, ep.start_date >= first_ok, ep.start_date <= last_ok)


def episode_counts(ep: ir.Table, cfg: MonitorConfig, window: Window) -> ir.Table:
    """How many of ``ep`` (from :func:`all_episodes`) each filter removed, as one row for the run summary."""
    first_ok = ibis.literal(window.start) + ibis.interval(days=cfg.lookback_days)
    last_ok = ibis.literal(window.end) - ibis.interval(days=cfg.followup_days)
    young = ep.age <= cfg.min_age_exclusive
    left = ep.start_date < first_ok
    right = ep.start_date > last_ok
    return ep.aggregate(
        all_episodes=ep.count(),
        age_out_of_scope=young.cast("int64").sum(),
        before_lookback_covered=(left & ~young).cast("int64").sum(),
        followup_incomplete=(right & ~young & ~left).cast("int64").sum(),
    )
