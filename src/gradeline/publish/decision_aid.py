"""A decision aid per recommendation: standalone HTML for clinician and patient together (A4 and tablet).

Everything shown is computed from the pack by ``gradeline.evidence`` or quoted from it; no advice is written
here. The guideline's status (not in force) is shown at the top of every page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from gradeline.content.translatable import printed_effect
from gradeline.content.translations import cached_translations
from gradeline.evidence.data import Lang, cached_evidence_data
from gradeline.evidence.fmt import (
    LOWER_HIGHER,
    TO,
    absolute_text,
    certainty_name,
    certainty_symbols,
    denominator,
    number,
    per_label,
)
from gradeline.evidence.icons import icon_array_svg
from gradeline.evidence.names import comparator_in, intervention, lower_first, name_in, outcome_name
from gradeline.evidence.plot import outcome_plot_svg, text_alternative
from gradeline.evidence.reading import OutcomeReading, recommendation_readings
from gradeline.model.guideline import Guideline
from gradeline.model.recommendation import Recommendation

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

UI: dict[Lang, dict[str, str]] = {
    "da": {
        "doc_title": "Beslutningsstøtte",
        "choice": "Valget",
        "or": "eller",
        "recommendation": "Anbefalingen",
        "outcomes": "Hvad sker der?",
        "without": "Uden",
        "with": "Med",
        "of": "ud af",
        "people": "personer",
        "difference": "Forskel",
        "published": "Publiceret i retningslinjen",
        "computed": "Beregnet",
        "scale": "skala {lo} til {hi}",
        "lower_better": "lavere er bedre",
        "higher_better": "højere er bedre",
        "smd": "Forskel i standardafvigelser (SMD)",
        "smd_size": "Størrelse efter Cohens tommelfingerregel (ekstern konvention, ikke retningslinjens)",
        "certainty": "Hvor sikre er vi?",
        "relevance": "Klinisk relevans (beregnet)",
        "errata": "Kendt fejl i de publicerede tal",
        "no_data": "Ingen undersøgelser målte",
        "plot": "Alle udfald på én figur",
        "plot_text": "Figuren i ord",
        "practical": "Praktiske forhold",
        "involves": "Hvad indebærer det?",
        "advice": "Praktiske råd fra retningslinjen",
        "benefits_harms": "Gavnlige og skadelige virkninger (retningslinjens tekst)",
        "preferences": "Patientpræferencer (retningslinjens tekst)",
        "quoted": "Citeret fra retningslinjen, kapitel {chapter}.",
        "danish_only": "Kun på dansk.",
        "sources": "Kilder og metode",
        "drafted_names": "De patientvenlige navne er et udkast og endnu ikke gennemgået.",
        "median": "median",
        "mean": "gennemsnit",
        "computed_note": "Beregnet som kontrolgruppens værdi plus forskellen (MD).",
        "comparator_published": "Kontrolgruppen (publiceret)",
        "intervention_published": "Interventionsgruppen (publiceret)",
        "guideline_says": "Retningslinjens sammenfatning",
    },
    "en": {
        "doc_title": "Decision aid",
        "choice": "The choice",
        "or": "or",
        "recommendation": "The recommendation",
        "outcomes": "What happens?",
        "without": "Without",
        "with": "With",
        "of": "out of",
        "people": "people",
        "difference": "Difference",
        "published": "Published in the guideline",
        "computed": "Computed",
        "scale": "scale {lo} to {hi}",
        "lower_better": "lower is better",
        "higher_better": "higher is better",
        "smd": "Difference in standard deviations (SMD)",
        "smd_size": "Size by Cohen's rule of thumb (an external convention, not the guideline's)",
        "certainty": "How sure are we?",
        "relevance": "Clinical relevance (computed)",
        "errata": "Known error in the published numbers",
        "no_data": "No studies measured",
        "plot": "All outcomes in one figure",
        "plot_text": "The figure in words",
        "practical": "Practical issues",
        "involves": "What does it involve?",
        "advice": "Practical advice from the guideline",
        "benefits_harms": "Benefits and harms (the guideline's text)",
        "preferences": "Patient preferences (the guideline's text)",
        "quoted": "Quoted from the guideline, chapter {chapter}.",
        "danish_only": "Danish only.",
        "sources": "Sources and method",
        "drafted_names": "The patient-friendly names are a draft and not yet reviewed.",
        "median": "median",
        "mean": "mean",
        "computed_note": "Computed as the comparison group's value plus the difference (MD).",
        "comparator_published": "Comparison group (published)",
        "intervention_published": "Intervention group (published)",
        "guideline_says": "The guideline's summary",
    },
}
SMD_SIZES: dict[Lang, list[tuple[float, str]]] = {
    "da": [(0.8, "stor"), (0.5, "moderat"), (0.2, "lille"), (0.0, "under lille (triviel)")],
    "en": [(0.8, "large"), (0.5, "moderate"), (0.2, "small"), (0.0, "below small (trivial)")],
}


@dataclass
class Quote:
    """A quoted passage with its language (a Danish fallback is marked)."""

    text: str
    lang: str


@dataclass
class Card:
    """One outcome card of the decision aid."""

    id: str
    title: str
    time_frame: str
    statement: str
    computed: str = ""
    lines: list[tuple[str, str]] = field(default_factory=list)
    icons: list[tuple[str, Markup]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    certainty: str = ""
    certainty_words: str = ""
    relevance: str = ""


def _value(value: Decimal, lang: Lang) -> str:
    return number(value.normalize() if value == value.to_integral_value() else value, lang)


def _dichotomous(card: Card, r: OutcomeReading, lang: Lang, names: tuple[str, str]) -> None:
    a, ui = r.absolute, UI[lang]
    assert a is not None
    per = per_label(a.per, lang)
    card.lines.append((f"{ui['without']} ({names[1]})", f"{number(a.comparator, lang)} {per}"))
    span = f"{number(a.intervention_low, lang)} {TO[lang]} {number(a.intervention_high, lang)}"
    card.lines.append((f"{ui['with']} ({names[0]})", f"{number(a.intervention, lang)} {per} ({span})"))
    card.lines.append((f"{ui['difference']} ({ui['computed'].lower()})", absolute_text(a, lang)))
    if r.outcome.absolute is not None:
        card.lines.append((ui["published"], r.outcome.absolute.text))
    for key, value, who in (("without", a.comparator, names[1]), ("with", a.intervention, names[0])):
        # who: the arm's patient-friendly name, e.g. 'ingen behandling: 8 ud af 1.000'.
        label = f"{who[:1].upper()}{who[1:]}: {number(value, lang)} {ui['of']} {denominator(a.per, lang)}"
        svg = icon_array_svg(value, a.per, label, f"ia-{r.recommendation_id}-{r.outcome.id}-{key}-{lang}")
        card.icons.append((label, Markup(svg)))


def _continuous(card: Card, r: OutcomeReading, lang: Lang, names: tuple[str, str]) -> None:
    n, ui = r.natural, UI[lang]
    assert n is not None
    unit = n.unit.get(lang)
    stat = f" ({n.statistic.get(lang)})" if n.statistic else ""
    card.lines.append((f"{ui['without']} ({names[1]})", f"{_value(n.comparator, lang)} {unit}{stat}"))
    span = f"{_value(n.intervention_low, lang)} {TO[lang]} {_value(n.intervention_high, lang)}"
    card.lines.append(
        (
            f"{ui['with']} ({names[0]})",
            f"{_value(n.intervention, lang)} {unit} ({span}) – {ui['computed'].lower()}",
        )
    )
    if n.published_intervention is not None:
        card.lines.append((ui["published"], f"{_value(n.published_intervention, lang)} {unit}"))
    card.lines.append((ui["published"], r.outcome.effect.text if r.outcome.effect else ""))
    scale_bits = []
    if n.scale_min is not None and n.scale_max is not None:
        scale_bits.append(ui["scale"].format(lo=_value(n.scale_min, lang), hi=_value(n.scale_max, lang)))
    if r.relevance.better:
        scale_bits.append(ui["lower_better" if r.relevance.better == "lower" else "higher_better"])
    card.notes.append(" · ".join([ui["computed_note"], *scale_bits]))


def _published_only(card: Card, r: OutcomeReading, lang: Lang) -> None:
    """The published numbers alone, with the reason the computed natural-unit values are withheld."""
    ui, o = UI[lang], r.outcome
    unit = o.comparator.unit if o.comparator is not None else ""
    if o.comparator is not None:
        card.lines.append((ui["comparator_published"], f"{_value(o.comparator.value, lang)} {unit}".strip()))
    if o.intervention is not None:
        card.lines.append((ui["intervention_published"], f"{_value(o.intervention.value, lang)}"))
    card.lines.append((ui["published"], o.effect.text if o.effect else ""))
    if r.natural_withheld_text is not None:
        card.notes.append(r.natural_withheld_text.get(lang))


def _smd(card: Card, r: OutcomeReading, lang: Lang) -> None:
    est, ui = r.estimate, UI[lang]
    lower, higher = LOWER_HIGHER[lang]

    def word(v: float) -> str:
        return f"{number(round(abs(v), 2), lang)} {lower if v < 0 else higher}"

    card.lines.append((ui["smd"], f"{word(est.point)} ({word(est.low)} {TO[lang]} {word(est.high)})"))
    card.lines.append((ui["published"], r.outcome.effect.text if r.outcome.effect else ""))
    if r.inconsistent_codes:
        return  # no size read from numbers whose direction is uncertain
    size = next(label for limit, label in SMD_SIZES[lang] if abs(est.point) >= limit)
    card.lines.append((ui["smd_size"], size))


def _relevance(r: OutcomeReading, lang: Lang) -> str:
    """The computed relevance with its threshold and source; a difference from the guideline said plainly."""
    if r.inconsistent_codes:
        return r.relevance_label.get(lang)
    text = (
        f"{r.relevance_label.get(lang)} ({r.threshold_text.get(lang)}); {r.versus_no_effect_label.get(lang)}"
    )
    label = r.agreement_label.get(lang)
    return f"{text}. {label[:1].upper()}{label[1:]}" if r.disagrees else text


def _card(r: OutcomeReading, lang: Lang, names: tuple[str, str]) -> Card:
    ui = r.friendly
    card = Card(
        id=r.outcome.id,
        title=ui.title.get(lang),
        time_frame=r.time_frame.get(lang) if r.time_frame else "",
        statement=r.judgement_text.get(lang),
        computed=r.computed_text.get(lang) if r.computed_text else "",
        relevance=_relevance(r, lang),
    )
    if r.absolute is not None:
        _dichotomous(card, r, lang, names)
    elif r.natural is not None:
        _continuous(card, r, lang, names)
    elif r.natural_withheld is not None:
        _published_only(card, r, lang)
    elif r.estimate.measure.value == "SMD":
        _smd(card, r, lang)
    elif r.outcome.effect is not None:
        card.lines.append((UI[lang]["published"], printed_effect(r.outcome.effect.text, lang)))
    if r.certainty is not None:
        card.certainty = f"{certainty_symbols(r.certainty)} {certainty_name(r.certainty, lang)}"
        card.certainty_words = r.certainty_words.get(lang) if r.certainty_words else ""
    if r.judgement.quote is not None:
        card.notes.append(f"{UI[lang]['guideline_says']}: “{r.judgement.quote.get(lang)}”")
    for erratum in r.outcome.errata:
        card.notes.append(f"{UI[lang]['errata']} ({erratum.code}): {erratum.explanation_in(lang)}")
    if r.relevance.note_en and lang == "en":
        card.notes.append(r.relevance.note_en)
    return card


def _quote(location: str, danish: str, lang: Lang) -> Quote:
    """One quoted text in the language, or the Danish original marked as Danish."""
    translated = cached_translations().get(location) if lang != "da" else None
    return Quote(translated, lang) if translated else Quote(danish, "da")


def _quotes(rec: Recommendation, field_name: str, paragraphs: list[str], lang: Lang) -> list[Quote]:
    if lang == "da":
        return [Quote(p, "da") for p in paragraphs]
    tr = cached_translations()
    out = []
    for i, p in enumerate(paragraphs):
        en = tr.get(f"recommendations/{rec.id}/{field_name}/{i}")
        out.append(Quote(en, "en") if en else Quote(p, "da"))
    return out


def decision_aid_context(rec: Recommendation, guideline: Guideline, lang: Lang = "da") -> dict[str, Any]:
    """Everything the template shows, computed or quoted from the pack."""
    data = cached_evidence_data()
    tr = cached_translations() if lang == "en" else None
    names_i = intervention(rec, data.names)
    names = (name_in(lang, names_i), comparator_in(lang, names_i))
    in_text = (lower_first(names[0]), names[1])
    readings = recommendation_readings(rec, guideline, data)
    status = guideline.status
    rec_text = (tr.get(f"recommendations/{rec.id}/text") if tr else None) or rec.text
    return {
        "lang": lang,
        "ui": UI[lang],
        "guideline_title": (guideline.title_en or guideline.title) if lang == "en" else guideline.title,
        "status_label": (tr.get("status/label") if tr else None) or status.label,
        "status_note": (status.note_en or status.note) if lang == "en" else status.note,
        "not_in_force": status.value.value == "not_in_force",
        "rec": rec,
        "strength_label": (
            tr.get(f"strength_levels/{guideline.strength_level(rec).id}/label") if tr else None
        )
        or rec.label,
        "rec_text": rec_text,
        "rec_text_lang": "en" if rec_text != rec.text else "da",
        "intervention": names[0],
        "comparator": names[1],
        "cards": [_card(r, lang, in_text) for r in readings],
        "no_data": [outcome_name(o, data.names).title.get(lang) for o in rec.outcomes if o.effect is None],
        "plot": Markup(outcome_plot_svg(rec, guideline, lang)),
        "plot_text": text_alternative(readings, lang),
        "involves": _quote(f"recommendations/{rec.id}/pico/intervention", rec.pico.intervention, lang),
        "advice": _quotes(rec, "practical_advice", rec.practical_advice, lang),
        "benefits_harms": _quotes(rec, "key_info/benefits_harms", rec.key_info.benefits_harms, lang),
        "preferences": _quotes(rec, "key_info/preferences", rec.key_info.preferences, lang),
        "wording_source": data.wording.source.citation,
        "smd_convention": data.relevance.smd.convention,
        "names_draft": data.names.review.status != "reviewed",
        "translation_note": tr.note if tr else "",
    }


def render_decision_aid(rec: Recommendation, guideline: Guideline, lang: Lang = "da") -> str:
    """The decision aid of one recommendation as a standalone HTML document."""
    return _ENV.get_template("decision_aid.html.j2").render(**decision_aid_context(rec, guideline, lang))
