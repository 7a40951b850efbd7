"""Charts for the monitoring page, drawn with matplotlib as SVG (text kept as text, so it stays readable).

Each chart shows shares with their 95% Wilson intervals; the page pairs every chart with a data table, so
nothing depends on seeing the picture. Every text drawn comes from ``CHART_TEXT`` in the chart's language
(Danish or English); unit names come translated in ``labels``.
"""

import io
import math
from collections.abc import Mapping
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt

plt.rcParams.update({"svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9})

PALETTE = ["#1f5f8b", "#c2571a", "#2e7d32", "#7b3f98", "#8a6d00", "#5f6b73"]

CHART_TEXT: dict[str, dict[str, str]] = {
    "da": {
        "all": "Alle",
        "share": "Andel (%)",
        "share_ci": "Andel (%) med 95 % konfidensinterval",
        "limit_95": "95 %-grænse",
        "limit_998": "99,8 %-grænse",
        "overall": "Samlet andel",
        "outside": "Uden for 99,8 %-grænsen",
        "denominator": "Nævner (antal forløb)",
    },
    "en": {
        "all": "All",
        "share": "Share (%)",
        "share_ci": "Share (%) with 95% confidence interval",
        "limit_95": "95% limit",
        "limit_998": "99.8% limit",
        "overall": "Overall share",
        "outside": "Outside the 99.8% limit",
        "denominator": "Denominator (episodes)",
    },
}
"""Every word the charts draw, per language (a language not listed gets English)."""


def chart_text(language: str) -> dict[str, str]:
    """The charts' words in ``language`` ('da', 'en', 'en-gb' …)."""
    return CHART_TEXT.get(language.split("-")[0].lower(), CHART_TEXT["en"])


def _svg(figure: Any, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Title": title})
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _percent(value: float | None) -> float | None:
    return None if value is None else 100 * value


def axis_top(values: list[float]) -> float:
    """Upper end of a percentage axis that fits the data (with headroom), so that differences of a
    ~10 % indicator stay visible; never above 100."""
    top = max(values, default=0.0)
    if top <= 0:
        return 10.0
    for step in (1, 2, 5, 10, 20, 25):
        if top * 1.1 <= step * 5:
            return float(min(100, math.ceil(top * 1.1 / step) * step))
    return 100.0


def over_time_svg(
    data: Mapping[str, Any], labels: Mapping[str, str], title: str, language: str = "da"
) -> str:
    """Share per period, one line per series (region or profession), with the interval as a band. Periods
    only partly inside the measured window are left out (the table beside the chart lists them)."""
    text = chart_text(language)
    figure, axes = plt.subplots(figsize=(7.2, 3.0))
    keep = [
        i for i, partial in enumerate(data.get("partial") or [False] * len(data["periods"])) if not partial
    ]
    periods = [data["periods"][i] for i in keep]
    tops: list[float] = []
    for index, series in enumerate(data["series"]):
        colour = PALETTE[index % len(PALETTE)]
        shown = [i for i in keep if series["share"][i] is not None]
        if not shown:
            continue
        # NaN where a period is suppressed or empty: the line breaks there instead of bridging the gap
        ys = [100 * series["share"][i] if series["share"][i] is not None else math.nan for i in keep]
        los = [100 * series["ci_low"][i] if series["share"][i] is not None else math.nan for i in keep]
        his = [100 * series["ci_high"][i] if series["share"][i] is not None else math.nan for i in keep]
        tops.extend(h for h in his if not math.isnan(h))
        xs = list(range(len(keep)))
        name = labels.get(series["name"], series["name"]) if series["name"] != "all" else text["all"]
        axes.plot(xs, ys, marker="o", markersize=3, color=colour, label=name, linewidth=1.5)
        axes.fill_between(xs, los, his, color=colour, alpha=0.12, linewidth=0)
    axes.set_xticks(range(len(periods)), periods, rotation=45, ha="right")
    axes.set_ylabel(text["share"])
    axes.set_ylim(0, axis_top(tops))
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    if len(data["series"]) > 1:
        axes.legend(frameon=False, fontsize=8, ncols=3, loc="upper left", bbox_to_anchor=(0, 1.25))
    return _svg(figure, title)


def by_stratum_svg(
    data: Mapping[str, Any], labels: Mapping[str, str], title: str, language: str = "da"
) -> str:
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
    axes.set_xlim(0, axis_top([100 * s["ci_high"] for s in strata]))
    axes.set_xlabel(chart_text(language)["share_ci"])
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure, title)


def funnel_svg(data: Mapping[str, Any], labels: Mapping[str, str], title: str, language: str = "da") -> str:
    """Funnel plot: share against denominator per unit, the overall share and its 95 % and 99.8 % control
    limits; units outside the 99.8 % limits are drawn as filled red diamonds and named."""
    text = chart_text(language)
    figure, axes = plt.subplots(figsize=(7.2, 3.4))
    limits, points = data["limits"], data["points"]
    tops = [100 * p["share"] for p in points]
    if data["target"] is not None and limits["n"]:
        n = limits["n"]
        for name, style in (("95", "--"), ("998", ":")):
            label = text[f"limit_{name}"]
            axes.plot(
                n, [100 * v for v in limits[f"high_{name}"]], style, color="#5f6b73", linewidth=1, label=label
            )
            axes.plot(n, [100 * v for v in limits[f"low_{name}"]], style, color="#5f6b73", linewidth=1)
        tops += [100 * v for v in limits["high_998"]]
        axes.axhline(100 * data["target"], color=PALETTE[0], linewidth=1, label=text["overall"])
    inside = [p for p in points if not p["outside_998"]]
    outside = [p for p in points if p["outside_998"]]
    axes.scatter(
        [p["denominator"] for p in inside],
        [100 * p["share"] for p in inside],
        s=14,
        color=PALETTE[0],
        alpha=0.7,
    )
    axes.scatter(
        [p["denominator"] for p in outside],
        [100 * p["share"] for p in outside],
        s=28,
        marker="D",
        color="#b3261e",
        label=text["outside"],
    )
    for p in outside[:8]:
        axes.annotate(
            labels.get(p["stratum"], p["stratum"]),
            (p["denominator"], 100 * p["share"]),
            fontsize=7,
            xytext=(3, 3),
            textcoords="offset points",
        )
    if points and max(p["denominator"] for p in points) > 20 * min(p["denominator"] for p in points):
        axes.set_xscale("log")
    axes.set_ylim(0, axis_top(tops))
    axes.set_xlabel(text["denominator"])
    axes.set_ylabel(text["share"])
    axes.grid(color="#eeeeee", linewidth=0.6)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, fontsize=8, ncols=2, loc="upper left", bbox_to_anchor=(0, 1.28))
    return _svg(figure, title)
