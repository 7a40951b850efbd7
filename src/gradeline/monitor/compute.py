"""Run the indicators on an engine and stratify them: integer counts per (indicator, stratifier, stratum).

The engine returns only integer sums; shares, Wilson intervals and means are computed afterwards in Python
(``results``), so DuckDB and Spark give identical results by construction once their counts agree.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
import pyarrow as pa  # type: ignore[import-untyped]
from ibis.backends import BaseBackend  # type: ignore[import-untyped]

from gradeline.monitor.codes import CodeLists, load_codes
from gradeline.monitor.config import COMBINED_STRATIFIERS, STRATIFIERS, MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.engines import Materialized
from gradeline.monitor.episodes import Window, all_episodes, episode_counts, in_population
from gradeline.monitor.indicators import RESULT_COLUMNS, Context, indicator_functions

COUNT_COLUMNS = ("population", "den", "excl", "num", "value_sum", "value_n")
Progress = Callable[[str], None]
STRATA = ("episode_id", "patient_id", *STRATIFIERS)


@dataclass
class Counts:
    """Engine output: one dict per (indicator, stratifier, stratum) with integer counts, sorted."""

    rows: list[dict[str, Any]]
    window: Window
    episodes: dict[str, int]
    skipped: dict[str, str] = field(default_factory=dict)
    """Indicators not computed and why (a table they need is absent)."""
    measured: Window | None = None
    """The window episode starts were measured in (look-back and follow-up complete)."""


def observation_window(encounters: ir.Table, cfg: MonitorConfig) -> Window:
    """The data period: from config, else the first and last encounter dates."""
    if cfg.observation_start and cfg.observation_end:
        return Window(cfg.observation_start, cfg.observation_end)
    row = encounters.aggregate(lo=encounters.enc_date.min(), hi=encounters.enc_date.max()).to_pyarrow()
    lo, hi = row["lo"][0].as_py(), row["hi"][0].as_py()
    if lo is None or hi is None:
        lo = hi = date(1970, 1, 1)
    return Window(cfg.observation_start or lo, cfg.observation_end or hi)


def _keyed(long: ir.Table) -> ir.Table:
    return long.mutate(**{s: long[s].cast("string").fill_null("unknown") for s in STRATIFIERS})


def base_counts(long: ir.Table) -> ir.Table:
    """One group-by on the engine: counts per indicator and full combination of strata (one shuffle on
    Spark)."""
    m = _keyed(long)
    return m.group_by(["indicator", *STRATIFIERS]).aggregate(
        population=m.count(),
        den=m.den.sum(),
        excl=m.excl.sum(),
        num=m.num.sum(),
        value_sum=m.value.sum().fill_null(0),
        value_n=m.value.count(),
    )


def repeat_patients(long: ir.Table, ep: ir.Table) -> ir.Table:
    """Per (indicator, stratifier, stratum): how many episodes each count holds beyond one per patient.

    Distinct patients = episodes minus these repeats. Only patients with more than one episode in the
    population can repeat, so the distinct counting runs on their few rows, not on every episode; distinct
    counts cannot be rolled up, so every stratifier is its own group-by (one union, one query)."""
    several = ep.group_by("patient_id").aggregate(n=ep.count()).filter(lambda t: t.n > 1).select("patient_id")
    m = _keyed(long).semi_join(several, "patient_id")
    counted = (m.den == 1) & (m.excl == 0)
    flags = {
        "population": ibis.literal(True),
        "den": counted,
        "num": counted & (m.num == 1),
        "not_num": counted & (m.num == 0),
        "excl": m.excl == 1,
        "value": m.value.notnull(),
    }
    m = m.mutate(**{f"f_{k}": v.cast("int64") for k, v in flags.items()})
    parts = []
    for s in stratifiers():
        keys = [] if s == "all" else s.split("×")
        per_patient = m.group_by(["indicator", *keys, "patient_id"]).aggregate(
            **{f"n_{k}": m[f"f_{k}"].sum() for k in flags}
        )
        stratum = ibis.literal("all") if not keys else ibis.literal("|").join([per_patient[k] for k in keys])
        per_patient = per_patient.mutate(stratifier=ibis.literal(s), stratum=stratum)
        parts.append(
            per_patient.group_by(["indicator", "stratifier", "stratum"]).aggregate(
                **{
                    f"repeat_{k}": ibis.greatest(per_patient[f"n_{k}"] - 1, 0).sum().cast("int64")
                    for k in flags
                }
            )
        )
    return ibis.union(*parts, distinct=False)


def add_patient_counts(rows: list[dict[str, Any]], repeats: list[dict[str, Any]]) -> None:
    """Distinct patients behind each count of ``rows`` (episodes minus repeats), as ``patients_*``."""
    index = {(r["indicator"], r["stratifier"], r["stratum"]): r for r in repeats}
    for r in rows:
        rep = index.get((r["indicator"], r["stratifier"], r["stratum"]), {})
        counted = r["den"] - r["excl"]
        episodes = {
            "population": r["population"],
            "den": counted,
            "num": r["num"],
            "not_num": counted - r["num"],
            "excl": r["excl"],
            "value": r["value_n"],
        }
        for k, n in episodes.items():
            r[f"patients_{k}"] = n - int(rep.get(f"repeat_{k}") or 0)


def stratifiers() -> list[str]:
    return ["all", *STRATIFIERS, *("×".join(pair) for pair in COMBINED_STRATIFIERS)]


def roll_up(base: pa.Table) -> list[dict[str, Any]]:
    """Sum the base counts per stratifier (exact integer sums, done locally with pyarrow)."""
    rows: list[dict[str, Any]] = []
    aggs = [(c, "sum") for c in COUNT_COLUMNS]
    for s in stratifiers():
        parts = [] if s == "all" else s.split("×")
        grouped = base.group_by(["indicator", *parts]).aggregate(aggs).to_pylist()
        for g in grouped:
            stratum = "|".join(str(g[p]) for p in parts) if parts else "all"
            row = {"indicator": g["indicator"], "stratifier": s, "stratum": stratum}
            row.update({c: int(g[f"{c}_sum"] or 0) for c in COUNT_COLUMNS})
            rows.append(row)
    return rows


def available(tables: dict[str, ir.Table]) -> tuple[list[str], dict[str, str]]:
    """Indicator ids that can run on these tables, and the others with the reason."""
    catalogue = load_catalogue()
    run, skipped = [], {}
    for ind in catalogue.indicators:
        missing = [t for t in ind.requires if t not in tables]
        if missing:
            skipped[ind.id] = f"no {', '.join(missing)} data"
        else:
            run.append(ind.id)
    return run, skipped


def compute(
    con: BaseBackend,
    tables: dict[str, ir.Table],
    cfg: MonitorConfig | None = None,
    codes: CodeLists | None = None,
    progress: Progress | None = None,
    only: list[str] | None = None,
) -> Counts:
    """Episodes, every available indicator and every stratifier, as integer counts (engine work happens
    here)."""
    cfg = cfg or MonitorConfig()
    codes = codes or load_codes()
    step = progress or (lambda _msg: None)
    enc, pat = tables["encounters"], tables["patients"]
    window = observation_window(enc, cfg)
    ids, skipped = available(tables)
    if only is not None:
        ids = [i for i in ids if i in only]
    step("episodes")
    kept: list[Materialized] = []
    rows: list[dict[str, Any]] = []
    try:
        every = Materialized(con, all_episodes(enc, pat, codes, cfg), "all_episodes")
        kept.append(every)
        summary = episode_counts(every.table, cfg, window).to_pyarrow().to_pylist()[0]
        ep = in_population(every.table, cfg, window)
        ctx = Context(episodes=ep, tables=tables, codes=codes, cfg=cfg)
        parts = []
        functions = indicator_functions()
        for ind_id in ids:
            step(ind_id)
            expr = functions[ind_id](ctx).select(*STRATA, *RESULT_COLUMNS)
            part = Materialized(con, expr.mutate(indicator=ibis.literal(ind_id)), "indicator")
            kept.append(part)
            parts.append(part.table)
        if parts:
            step("stratify")
            long = ibis.union(*parts, distinct=False)
            rows = roll_up(base_counts(long).to_pyarrow())
            add_patient_counts(rows, repeat_patients(long, ep).to_pyarrow().to_pylist())
    finally:
        for m in kept:
            m.release()
    rows.sort(key=lambda r: (r["indicator"], r["stratifier"], r["stratum"]))
    summary = {k: int(v or 0) for k, v in summary.items()}
    summary["in_population"] = (
        summary["all_episodes"]
        - summary["age_out_of_scope"]
        - summary["before_lookback_covered"]
        - summary["followup_incomplete"]
    )
    return Counts(
        rows=rows, window=window, episodes=summary, skipped=skipped, measured=measured_window(window, cfg)
    )


def measured_window(window: Window, cfg: MonitorConfig) -> Window:
    """Episode starts that count: ``lookback_days`` after the data begin to ``followup_days`` before they
    end (the MeasureReport's period)."""
    from datetime import timedelta

    return Window(
        window.start + timedelta(days=cfg.lookback_days), window.end - timedelta(days=cfg.followup_days)
    )
