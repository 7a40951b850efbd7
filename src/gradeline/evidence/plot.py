"""Per-recommendation outcome plot as accessible SVG.

Each row on its own scale, with its 95% CI, the no-effect line, the band of no clinically relevant difference
(±MCID) and the certainty.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from gradeline.content.translations import cached_translations
from gradeline.evidence.data import Lang, cached_evidence_data
from gradeline.evidence.estimate import Estimate
from gradeline.evidence.fmt import LOWER_HIGHER, TO, certainty_name, certainty_symbols, number
from gradeline.evidence.names import comparator_in, intervention, lower_first, name_in
from gradeline.evidence.reading import OutcomeReading, recommendation_readings
from gradeline.model.guideline import Guideline
from gradeline.model.recommendation import Recommendation

WIDTH, LABEL_W, ROW_H, TOP = 760, 300, 96, 40
PLOT_X0, PLOT_X1 = LABEL_W + 20, WIDTH - 24
UI: dict[str, dict[Lang, str]] = {
    "title": {"da": "Effekter for {name}", "en": "Effects for {name}"},
    "desc": {
        "da": "Hvert udfald vist på sin egen skala: punktestimat og 95 % konfidensinterval, lodret linje "
        "ved ingen effekt, skraveret bånd for ingen klinisk relevant forskel (±tærskel) og evidensens "
        "sikkerhed.",
        "en": "Each outcome on its own scale: point estimate and 95% confidence interval, a vertical line at "
        "no effect, a shaded band of no clinically relevant difference (±threshold) and the certainty of "
        "evidence.",
    },
    "better": {"da": "bedre med {x}", "en": "better with {x}"},
    "band": {"da": "±{t}: ingen klinisk relevant forskel", "en": "±{t}: no clinically relevant difference"},
    "legend": {
        "da": "Blåt bånd: ingen klinisk relevant forskel · lodret linje: ingen effekt · "
        "■ estimat, linje 95 % KI",
        "en": "Blue band: no clinically relevant difference · vertical line: no effect · "
        "■ estimate, line 95% CI",
    },
    "none": {"da": "Ingen udfald med effektestimat.", "en": "No outcomes with an effect estimate."},
    "ci": {"da": "95 % KI", "en": "95% CI"},
    "threshold": {"da": "tærskel", "en": "threshold"},
    "certainty": {"da": "sikkerhed", "en": "certainty"},
    "published": {"da": "publiceret", "en": "published"},
    "computed": {"da": "beregnet", "en": "computed"},
    "differs": {
        "da": "afviger fra retningslinjens vurdering, som gælder",
        "en": "differs from the guideline's judgement, which stands",
    },
    "errata": {"da": "errata", "en": "errata"},
    "inconsistent": {
        "da": "de publicerede tal er indbyrdes uoverensstemmende ({codes}); se errata",
        "en": "the published numbers are inconsistent ({codes}); see the errata",
    },
}


@dataclass(frozen=True)
class Axis:
    """A linear or log axis mapping values to x pixels."""

    lo: float
    hi: float
    log: bool

    def x(self, value: float) -> float:
        """Pixel position of a value."""
        f = (lambda v: math.log(v)) if self.log else (lambda v: v)
        frac = (f(value) - f(self.lo)) / (f(self.hi) - f(self.lo))
        return PLOT_X0 + frac * (PLOT_X1 - PLOT_X0)


def axis_for(estimate: Estimate, threshold: float | None) -> Axis:
    """An axis wide enough for the CI, the no-effect line and ±threshold, with a margin."""
    values = [estimate.low, estimate.high, estimate.point, estimate.null]
    if estimate.is_ratio:
        lo, hi = min(values), max(values)
        return Axis(lo / 1.3, hi * 1.3, True)
    if threshold is not None:
        values += [-threshold, threshold]
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.08 or 1.0
    return Axis(lo - pad, hi + pad, False)


def ticks(axis: Axis) -> list[float]:
    """Three to six round tick values inside the axis."""
    if axis.log:
        candidates = [0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0, 20.0, 100.0]
        return [c for c in candidates if axis.lo <= c <= axis.hi]
    raw = (axis.hi - axis.lo) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    # 10 × magnitude is always at least raw (magnitude is the power of ten at or below it).
    step = min(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(axis.lo / step) * step
    return [round(first + i * step, 10) for i in range(int((axis.hi - first) / step) + 1)]


def _fmt(value: float, lang: Lang) -> str:
    return number(round(value, 2), lang)


def _estimate_text(reading: OutcomeReading, lang: Lang) -> str:
    est = reading.estimate
    if est.is_ratio:
        bounds = f"{_fmt(est.low, lang)} {TO[lang]} {_fmt(est.high, lang)}"
        return f"{est.measure} {_fmt(est.point, lang)} ({UI['ci'][lang]} {bounds})"
    lower, higher = LOWER_HIGHER[lang]

    def word(v: float) -> str:
        shown = _fmt(abs(v), lang)
        if shown == "0":  # a difference of 0 is neither lower nor higher (number() prints 0.00 as 0)
            return shown
        return f"{shown} {lower if v < 0 else higher}"

    return f"{est.measure} {word(est.point)} ({UI['ci'][lang]} {word(est.low)} {TO[lang]} {word(est.high)})"


def outcome_title(r: OutcomeReading, lang: Lang, published: bool) -> str:
    """What an outcome is called: as the evidence profile prints it (``published``, for clinicians: the words
    of the Summary-of-Findings table, English from the pack's translation) or in plain words (patients)."""
    if not published:
        return r.friendly.title.get(lang)
    if lang == "da":
        return r.outcome.name
    location = f"recommendations/{r.recommendation_id}/outcomes/{r.outcome.id}/name"
    return cached_translations().get(location) or r.outcome.name


def text_alternative(readings: list[OutcomeReading], lang: Lang, published: bool = False) -> list[str]:
    """One sentence per plotted outcome: the guideline's judgement first, the published estimate, certainty,
    then the computed relevance with its threshold and source (or why there is none)."""
    lines = []
    for r in readings:
        title, when = outcome_title(r, lang, published), r.time_frame.get(lang) if r.time_frame else ""
        head = f"{title} ({when})" if when else title
        printed = (
            r.outcome.effect.text if r.inconsistent_codes and r.outcome.effect else _estimate_text(r, lang)
        )
        detail = [r.judgement_short.get(lang), f"{UI['published'][lang]} {printed}"]
        if r.certainty is not None:
            detail.append(f"{UI['certainty'][lang]}: {certainty_name(r.certainty, lang).lower()}")
        if r.inconsistent_codes:
            detail.append(UI["inconsistent"][lang].format(codes=", ".join(r.inconsistent_codes)))
        else:
            computed = f"{UI['computed'][lang]}: {r.relevance_label.get(lang)} ({r.threshold_text.get(lang)})"
            detail.append(f"{computed}, {UI['differs'][lang]}" if r.disagrees else computed)
        if r.errata_codes:
            detail.append(f"{UI['errata'][lang]}: {', '.join(sorted(set(r.errata_codes)))}")
        lines.append(f"{head}: " + "; ".join(detail) + ".")
    return lines


def _row(r: OutcomeReading, y: float, lang: Lang, better_with: tuple[str, str], published: bool) -> list[str]:
    est, threshold = r.estimate, r.relevance.threshold
    axis = axis_for(est, threshold.value if threshold else None)
    mid = y + 30
    out = [f'<g class="outcome" data-outcome="{escape(r.outcome.id)}">']
    title = outcome_title(r, lang, published)
    when = r.time_frame.get(lang) if r.time_frame else ""
    out.append(f'<text x="8" y="{y + 22}" class="name">{escape(title)}</text>')
    out.append(f'<text x="8" y="{y + 40}" class="sub">{escape(when)} · {escape(est.measure.value)}</text>')
    if r.certainty is not None:
        cert = f"{certainty_symbols(r.certainty)} {certainty_name(r.certainty, lang)} {UI['certainty'][lang]}"
        out.append(f'<text x="8" y="{y + 58}" class="cert">{escape(cert)}</text>')
    if r.inconsistent_codes:
        # Not drawn: a point outside its interval or a doubtful direction must not look like a result.
        note = UI["inconsistent"][lang].format(codes=", ".join(r.inconsistent_codes))
        printed = f"{UI['published'][lang]}: {r.outcome.effect.text if r.outcome.effect else ''}"
        out.append(f'<text x="{PLOT_X0}" y="{y + 26}" class="sub" lang="da">{escape(printed)}</text>')
        out.append(f'<text x="{PLOT_X0}" y="{y + 44}" class="side">{escape(note)}</text>')
        out.append("</g>")
        return out
    if threshold is not None and not est.is_ratio:
        x0, x1 = axis.x(-threshold.value), axis.x(threshold.value)
        out.append(
            f'<rect x="{x0:.1f}" y="{y + 12}" width="{x1 - x0:.1f}" height="36" class="band">'
            f"<title>{escape(UI['band'][lang].format(t=_fmt(threshold.value, lang)))}</title></rect>"
        )
    for t in ticks(axis):
        tx = axis.x(t)
        out.append(f'<line x1="{tx:.1f}" y1="{y + 48}" x2="{tx:.1f}" y2="{y + 52}" class="tick"/>')
        out.append(f'<text x="{tx:.1f}" y="{y + 63}" class="ticklabel">{_fmt(t, lang)}</text>')
    out.append(f'<line x1="{PLOT_X0}" y1="{y + 48}" x2="{PLOT_X1}" y2="{y + 48}" class="axis"/>')
    nx = axis.x(est.null)
    out.append(f'<line x1="{nx:.1f}" y1="{y + 8}" x2="{nx:.1f}" y2="{y + 48}" class="null"/>')
    lo_x, hi_x, px = axis.x(est.low), axis.x(est.high), axis.x(est.point)
    cls = f"est c{r.certainty.name.lower()}" if r.certainty else "est"
    out.append(f'<line x1="{lo_x:.1f}" y1="{mid}" x2="{hi_x:.1f}" y2="{mid}" class="ci {cls}"/>')
    out.append(f'<rect x="{px - 6:.1f}" y="{mid - 6}" width="12" height="12" class="point {cls}"/>')
    better = r.relevance.better
    if better is not None:
        left_is_intervention = better == "lower"
        left, right = better_with if left_is_intervention else (better_with[1], better_with[0])
        out.append(f'<text x="{PLOT_X0}" y="{y + 76}" class="side">← {escape(left)}</text>')
        out.append(f'<text x="{PLOT_X1}" y="{y + 89}" class="side end">{escape(right)} →</text>')
    out.append("</g>")
    return out


STYLE = (
    "text{font-family:system-ui,sans-serif;fill:#1a1a1a}.name{font-size:14px;font-weight:600}"
    ".sub,.cert,.side{font-size:11px}.side{fill:#444}.end{text-anchor:end}.ticklabel{font-size:10px;"
    "text-anchor:middle;fill:#444}.axis,.tick{stroke:#666;stroke-width:1}.null{stroke:#000;stroke-width:1.5}"
    ".band{fill:#cfe3f3;stroke:#6c9cc4;stroke-dasharray:3 2}.ci{stroke:#0b3d66;stroke-width:3}"
    ".point{fill:#0b3d66}.clow .point,.point.clow{fill-opacity:.7}.point.cvery_low{fill:#fff;stroke:#0b3d66;"
    "stroke-width:2}.ci.cvery_low{stroke-dasharray:5 3}.heading{font-size:15px;font-weight:700}"
)


def outcome_plot_svg(
    rec: Recommendation, guideline: Guideline, lang: Lang = "da", published: bool = False
) -> str:
    """The outcome plot of a recommendation as standalone, accessible SVG markup; ``published`` names the
    outcomes as the evidence profile prints them (layer 2), else in plain words (decision aid)."""
    readings = recommendation_readings(rec, guideline)
    names = intervention(rec, cached_evidence_data().names)
    better_with = (
        UI["better"][lang].format(x=lower_first(name_in(lang, names))),
        UI["better"][lang].format(x=comparator_in(lang, names)),
    )
    height = TOP + max(len(readings), 1) * ROW_H + 10
    title = UI["title"][lang].format(name=lower_first(name_in(lang, names)))
    alt = text_alternative(readings, lang, published) or [UI["none"][lang]]
    uid = f"plot-{rec.id}-{lang}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" class="outcome-plot" lang="{lang}">',
        f'<title id="{uid}-title">{escape(title)}</title>',
        f'<desc id="{uid}-desc">{escape(UI["desc"][lang])} {escape(" ".join(alt))}</desc>',
        f"<style>{STYLE}</style>",
        f'<text x="8" y="18" class="heading" aria-hidden="true">{escape(title)}</text>',
        f'<text x="8" y="34" class="sub" aria-hidden="true">{escape(UI["legend"][lang])}</text>',
    ]
    for index, reading in enumerate(readings):
        parts.extend(_row(reading, TOP + index * ROW_H, lang, better_with, published))
    parts.append("</svg>")
    return "\n".join(parts)
