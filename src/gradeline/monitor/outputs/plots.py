"""Charts for the monitoring page, drawn with matplotlib as SVG (text kept as text, so it stays readable).

Each chart shows shares with their 95% Wilson intervals; the page pairs every chart with a data table, so
nothing depends on seeing the picture.
"""

import io
from collections.abc import Mapping
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt

plt.rcParams.update({"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9})

PALETTE = ["#1f5f8b", "#c2571a", "#2e7d32", "#7b3f98", "#8a6d00", "#5f6b73"]


def _svg(figure: Any, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Title": title})
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _percent(value: float | None) -> float | None:
    return None if value is None else 100 * value


def over_time_svg(data: Mapping[str, Any], labels: Mapping[str, str], title: str) -> str:
    """Share per period, one line per series (region or profession), with the interval as a band."""
    figure, axes = plt.subplots(figsize=(7.2, 3.0))
    periods = list(data["periods"])
    for index, series in enumerate(data["series"]):
        colour = PALETTE[index % len(PALETTE)]
        shares = [_percent(v) for v in series["share"]]
        low = [_percent(v) for v in series["ci_low"]]
        high = [_percent(v) for v in series["ci_high"]]
        points = [
            (i, s, lo, hi)
            for i, (s, lo, hi) in enumerate(zip(shares, low, high, strict=True))
            if s is not None
        ]
        if not points:
            continue
        xs, ys, los, his = zip(*points, strict=True)
        name = labels.get(series["name"], series["name"]) if series["name"] != "all" else "Alle"
        axes.plot(xs, ys, marker="o", markersize=3, color=colour, label=name, linewidth=1.5)
        axes.fill_between(xs, los, his, color=colour, alpha=0.12, linewidth=0)
    axes.set_xticks(range(len(periods)), periods, rotation=45, ha="right")
    axes.set_ylabel("Andel (%)")
    axes.set_ylim(0, 100)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    if len(data["series"]) > 1:
        axes.legend(frameon=False, fontsize=8, ncols=3, loc="upper left", bbox_to_anchor=(0, 1.25))
    return _svg(figure, title)


def by_stratum_svg(data: Mapping[str, Any], labels: Mapping[str, str], title: str) -> str:
    """Share per stratum as horizontal bars with interval whiskers."""
    strata = [s for s in data["strata"] if s["share"] is not None]
    figure, axes = plt.subplots(figsize=(7.2, 0.45 * max(len(strata), 2) + 0.6))
    names = [labels.get(s["stratum"], s["stratum"]) for s in strata]
    shares = [100 * s["share"] for s in strata]
    errors = [
        [100 * (s["share"] - s["ci_low"]) for s in strata],
        [100 * (s["ci_high"] - s["share"]) for s in strata],
    ]
    axes.barh(
        range(len(strata)),
        shares,
        xerr=errors,
        color=PALETTE[0],
        alpha=0.85,
        height=0.6,
        error_kw={"ecolor": "#333333", "capsize": 3, "linewidth": 1},
    )
    axes.set_yticks(range(len(strata)), names)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Andel (%) med 95 % konfidensinterval")
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)
