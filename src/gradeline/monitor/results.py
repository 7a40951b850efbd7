"""Indicator results: counts from the engine plus share, Wilson interval and mean, one row per stratum."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.packs import pack_or_active
from gradeline.monitor.compute import Counts, measured_window
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.disclosure import DEFAULT_MIN_CELL, suppress
from gradeline.monitor.periods import is_partial
from gradeline.monitor.stats import CI_METHOD, wilson


def guideline_status(pack: Path | None = None) -> str:
    """The guideline's status as every result row states it: guideline.yaml ``status`` label (value), e.g.
    'ikke gældende (not in force)'."""
    return _status(pack_or_active(pack).resolve())


@lru_cache(maxsize=8)
def _status(pack: Path) -> str:
    raw = yaml.safe_load((pack / "guideline.yaml").read_text(encoding="utf-8")) or {}
    status = raw.get("status") or {}
    value = str(status.get("value") or "unknown").replace("_", " ")
    label = str(status.get("label") or "").strip()
    return f"{label[:1].lower()}{label[1:]} ({value})" if label else value


@dataclass
class MonitorResult:
    """Everything a run produced: result rows, run summary and the indicators that could not run."""

    rows: list[dict[str, Any]]
    summary: dict[str, Any]

    def select(self, indicator: str, stratifier: str = "all") -> list[dict[str, Any]]:
        return [r for r in self.rows if r["indicator"] == indicator and r["stratifier"] == stratifier]

    def overall(self, indicator: str) -> dict[str, Any]:
        return self.select(indicator)[0]


def _period_of(stratifier: str, stratum: str) -> str | None:
    parts = stratifier.split("×")
    return stratum.split("|")[parts.index("period")] if "period" in parts else None


def results(counts: Counts, min_cell: int = DEFAULT_MIN_CELL) -> MonitorResult:
    """Turn engine counts into result rows (denominator = den - exclusions), flag partial periods and
    suppress small cells (fewer than ``min_cell`` patients, with complements; 1 = no suppression)."""
    catalogue = load_catalogue()
    status = guideline_status()
    measured = counts.measured or measured_window(counts.window, MonitorConfig())
    rows = []
    for c in counts.rows:
        period = _period_of(c["stratifier"], c["stratum"])
        ind = catalogue.get(c["indicator"])
        denominator = c["den"] - c["excl"]
        ci = wilson(c["num"], denominator)
        rows.append(
            {
                "indicator": c["indicator"],
                "recommendation": ind.recommendation,
                "stratifier": c["stratifier"],
                "stratum": c["stratum"],
                "initial_population": c["population"],
                "denominator": denominator,
                "denominator_exclusions": c["excl"],
                "numerator": c["num"],
                "share": c["num"] / denominator if denominator else None,
                "ci_low": ci[0] if ci else None,
                "ci_high": ci[1] if ci else None,
                "ci_method": CI_METHOD,
                "value_mean_days": c["value_sum"] / c["value_n"] if c["value_n"] else None,
                "value_n": c["value_n"],
                "partial_period": period is not None and is_partial(period, measured),
                "guideline_status": status,
                **{k: v for k, v in c.items() if k.startswith("patients_")},
            }
        )
    suppress(rows, min_cell)
    summary = {
        "guideline_status": status,
        "notice": catalogue.notice,
        "notice_en": catalogue.notice_en,
        "observation_start": counts.window.start.isoformat(),
        "observation_end": counts.window.end.isoformat(),
        "measured_start": measured.start.isoformat(),
        "measured_end": measured.end.isoformat(),
        "min_cell_patients": min_cell,
        "suppressed_rows": sum(1 for r in rows if r["suppressed"]),
        "episodes": counts.episodes,
        "not_available": counts.skipped,
    }
    return MonitorResult(rows=rows, summary=summary)
