"""Plain-data functions for a web monitoring page (no web framework imported here).

Typical use in a view: ``rows = load_rows(Path(settings.MONITOR_RESULTS) / "indicators.parquet")`` and then
``catalogue()``, ``over_time(rows, id, by="region")`` or ``by_stratum(rows, id, "profession")`` passed to a
plotting library. Every payload carries the guideline's not-in-force notice.
"""

from pathlib import Path
from typing import Any

from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.outputs.charts import indicator_by, indicator_over_time
from gradeline.monitor.outputs.tables import read_table


def catalogue(pack: Path | None = None) -> dict[str, Any]:
    """Indicator definitions (id, recommendation, title, numerator, denominator, caveat …) and the notice,
    of a pack (default: the first guideline's)."""
    cat = load_catalogue(pack) if pack is not None else load_catalogue()
    return {"notice": cat.notice, "notice_en": cat.notice_en, "indicators": [vars(i) for i in cat.indicators]}


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Result rows from an indicators.csv/.parquet written by ``gradeline monitor run``."""
    return read_table(path)


def over_time(rows: list[dict[str, Any]], indicator: str, by: str | None = None) -> dict[str, Any]:
    """Share per period (quarter or year), overall or one series per ``region`` / ``profession``."""
    if by not in (None, "region", "profession"):
        raise ValueError("by must be None, 'region' or 'profession'")
    return indicator_over_time(rows, indicator, by)


def by_stratum(rows: list[dict[str, Any]], indicator: str, stratifier: str) -> dict[str, Any]:
    """Share per stratum of region, clinic, profession, age_band, sex or period."""
    return indicator_by(rows, indicator, stratifier)
