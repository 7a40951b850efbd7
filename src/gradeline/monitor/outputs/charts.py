"""Chart data (plain dicts and lists) for the web monitoring page: an indicator over time, by
region/profession."""

from typing import Any

from gradeline.monitor.definitions import load_catalogue


def _sort_key(stratum: str) -> str:
    return stratum


def indicator_over_time(rows: list[dict[str, Any]], indicator: str, by: str | None = None) -> dict[str, Any]:
    """Share with Wilson interval per period, as one series (``by`` None) or one per region/profession.

    ``rows`` are result rows (``MonitorResult.rows`` or read back with ``outputs.tables.read_table``).
    """
    catalogue = load_catalogue()
    ind = catalogue.get(indicator)
    stratifier = "period" if by is None else f"period×{by}"
    selected = [r for r in rows if r["indicator"] == indicator and r["stratifier"] == stratifier]
    periods = sorted({r["stratum"].split("|")[0] for r in selected})
    groups = sorted({r["stratum"].split("|")[1] for r in selected}) if by else ["all"]
    index = {tuple(r["stratum"].split("|")) if by else (r["stratum"], "all"): r for r in selected}
    series = []
    for g in groups:
        points = [index.get((p, g)) for p in periods]
        series.append(
            {
                "name": g,
                "share": [pt["share"] if pt else None for pt in points],
                "ci_low": [pt["ci_low"] if pt else None for pt in points],
                "ci_high": [pt["ci_high"] if pt else None for pt in points],
                "numerator": [pt["numerator"] if pt else 0 for pt in points],
                "denominator": [pt["denominator"] if pt else 0 for pt in points],
            }
        )
    return {
        "indicator": indicator,
        "title": ind.title,
        "title_en": ind.title_en,
        "recommendation": ind.recommendation,
        "improvement": ind.improvement,
        "by": by,
        "periods": periods,
        "series": series,
        "notice": catalogue.notice,
    }


def indicator_by(rows: list[dict[str, Any]], indicator: str, stratifier: str) -> dict[str, Any]:
    """Share with Wilson interval per stratum of one stratifier (e.g. region, profession, age_band)."""
    selected = sorted(
        (r for r in rows if r["indicator"] == indicator and r["stratifier"] == stratifier),
        key=lambda r: _sort_key(r["stratum"]),
    )
    return {
        "indicator": indicator,
        "stratifier": stratifier,
        "strata": [
            {k: r[k] for k in ("stratum", "numerator", "denominator", "share", "ci_low", "ci_high")}
            for r in selected
        ],
        "notice": load_catalogue().notice,
    }
