"""Chart data (plain dicts and lists) for the web monitoring page: an indicator over time, by
region/profession."""

import math
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
    partial_of = {r["stratum"].split("|")[0]: bool(r.get("partial_period")) for r in selected}
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
                "suppressed": [bool(pt and pt.get("suppressed")) for pt in points],
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
        "partial": [partial_of.get(p, False) for p in periods],
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
            {
                k: r.get(k)
                for k in ("stratum", "numerator", "denominator", "share", "ci_low", "ci_high", "suppressed")
            }
            for r in selected
        ],
        "notice": load_catalogue().notice,
    }


Z95, Z998 = 1.959963984540054, 3.090232306167813
"""Two-sided 95 % and 99.8 % normal quantiles: the control limits of a funnel plot (Spiegelhalter 2005)."""


def funnel(rows: list[dict[str, Any]], indicator: str, stratifier: str, steps: int = 60) -> dict[str, Any]:
    """Funnel plot data: each (unsuppressed) unit's share against its denominator, the overall share as the
    target, and 95 % / 99.8 % control limits p0 ± z·sqrt(p0(1 − p0)/n) (normal approximation to the
    binomial; Spiegelhalter DJ, Funnel plots for comparing institutional performance, Stat Med
    2005;24:1185-1202). Units outside the 99.8 % limits differ more than chance alone would explain."""
    units = [
        r
        for r in rows
        if r["indicator"] == indicator
        and r["stratifier"] == stratifier
        and not r.get("suppressed")
        and r["denominator"]
        and r["stratum"] != "unknown"
    ]
    overall = next((r for r in rows if r["indicator"] == indicator and r["stratifier"] == "all"), None)
    p0 = overall["share"] if overall and not overall.get("suppressed") else None
    points = [
        {
            "stratum": r["stratum"],
            "denominator": r["denominator"],
            "numerator": r["numerator"],
            "share": r["share"],
            "outside_95": p0 is not None and _outside(r["share"], p0, r["denominator"], Z95),
            "outside_998": p0 is not None and _outside(r["share"], p0, r["denominator"], Z998),
        }
        for r in sorted(units, key=lambda r: r["denominator"])
    ]
    limits: dict[str, list[float]] = {"n": []}
    if p0 is not None and points:
        hi = max(p["denominator"] for p in points)
        lo = max(1, min(p["denominator"] for p in points) // 2)
        ns = sorted({round(lo * (hi / lo) ** (i / (steps - 1))) for i in range(steps)}) if hi > lo else [lo]
        limits["n"] = [float(n) for n in ns]
        for name, z in (("95", Z95), ("998", Z998)):
            half = [z * math.sqrt(p0 * (1 - p0) / n) for n in ns]
            limits[f"low_{name}"] = [max(0.0, p0 - h) for h in half]
            limits[f"high_{name}"] = [min(1.0, p0 + h) for h in half]
    return {
        "indicator": indicator,
        "stratifier": stratifier,
        "target": p0,
        "points": points,
        "limits": limits,
        "hidden": sum(
            1
            for r in rows
            if r["indicator"] == indicator and r["stratifier"] == stratifier and r.get("suppressed")
        ),
        "notice": load_catalogue().notice,
    }


def _outside(share: float, p0: float, n: int, z: float) -> bool:
    half = z * math.sqrt(p0 * (1 - p0) / n)
    return bool(share < p0 - half or share > p0 + half)
