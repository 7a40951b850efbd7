"""What search finds: every recommendation section, outcome row, footnote, chapter section, glossary entry
and red-flag group of the pack, each with the address (and anchor) where it is shown."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from gradeline.decide.rules import RedFlagRules
from gradeline.model import Guideline, Recommendation
from gradeline.web.chapters import sections
from gradeline.web.localize import Localizer
from gradeline.web.text import slug

# How results are ordered before relevance: recommendations first, then advice and safety, then the rest.
RANK_RECOMMENDATION, RANK_ADVICE, RANK_OTHER = 0, 1, 2


@dataclass(frozen=True)
class Document:
    """One searchable piece of text and where it is shown; ``group`` gathers a recommendation's pieces."""

    url: str
    kind: str
    title: str
    text: str
    lang: str = "da"
    rank: int = RANK_OTHER
    group: str = ""
    label: str = ""


def _recommendation_documents(rec: Recommendation, t: Localizer) -> Iterator[Document]:
    url = reverse("recommendation", args=[rec.id])
    title = t(f"recommendations/{rec.id}/title", rec.title)
    rec_kind = _("Anbefaling")
    loc = f"recommendations/{rec.id}"
    text = t(f"{loc}/text", rec.text)
    top = RANK_RECOMMENDATION
    yield Document(f"{url}#anbefaling", rec_kind, title.text, text.text, text.lang, top, rec.id, rec_kind)
    if t.translating and not text.fallback:  # the Danish original stays searchable
        yield Document(f"{url}#anbefaling", rec_kind, title.text, rec.text, "da", top, rec.id, rec_kind)
    advice_kind = _("Praktiske råd")
    for advice in t.paragraphs(f"{loc}/practical_advice", rec.practical_advice):
        yield Document(
            f"{url}#praktiske-raad",
            advice_kind,
            title.text,
            advice.text,
            advice.lang,
            RANK_ADVICE,
            rec.id,
            advice_kind,
        )
    blocks = [
        ("fokuseret-spoergsmaal", _("Fokuseret spørgsmål"), [rec.focused_question, *rec.background]),
        ("pico", "PICO", [rec.pico.population, rec.pico.intervention, rec.pico.comparison]),
        ("sammenfatning", _("Sammenfatning"), rec.summary),
        (
            "gavnlige-og-skadelige-virkninger",
            _("Gavnlige og skadelige virkninger"),
            rec.key_info.benefits_harms,
        ),
        ("kvaliteten-af-evidensen", _("Kvaliteten af evidensen"), rec.key_info.certainty),
        ("patientpraeferencer", _("Patientpræferencer"), rec.key_info.preferences),
        ("rationale", _("Rationale"), rec.key_info.rationale + rec.key_info.other),
    ]
    for anchor, kind, paragraphs in blocks:
        for paragraph in paragraphs:
            yield Document(f"{url}#{anchor}", kind, title.text, paragraph, group=rec.id, label=str(kind))
    for outcome in rec.outcomes:
        name = t(f"{loc}/outcomes/{outcome.id}/name", outcome.name)
        parts = [
            outcome.name,
            outcome.name_en or "",
            outcome.time_frame or "",
            outcome.measured_with or "",
            outcome.effect.text if outcome.effect else "",
            outcome.absolute.text if outcome.absolute else "",
            outcome.summary or "",
            outcome.no_data or "",
        ]
        yield Document(
            f"{url}#udfald-{outcome.id}",
            _("Udfald"),
            title.text,
            " · ".join(p for p in parts if p),
            group=rec.id,
            label=f"{name.text} ({outcome.time_frame or ''})".replace(" ()", ""),
        )
    for note in rec.footnotes:
        label = f"{_('Fodnote')} {note.number}"
        yield Document(
            f"{url}#fodnote-{note.number}", _("Fodnote"), title.text, note.text, group=rec.id, label=label
        )


def _red_flag_documents(red_flags: RedFlagRules, english: bool) -> Iterator[Document]:
    url = reverse("decide")
    for group in red_flags.groups:
        questions = [item.question_en if english else item.question for item in group.items]
        yield Document(
            f"{url}#g-rf-{group.id}",  # the form's fieldset for this pathology
            _("Røde flag"),
            group.name_en if english else group.name,
            " · ".join([group.action_en if english else group.action, *questions]),
            rank=RANK_ADVICE,
        )


def documents(guideline: Guideline, red_flags: RedFlagRules | None, t: Localizer) -> Iterator[Document]:
    """Every searchable piece of the guideline in the reader's language (Danish where not translated)."""
    for rec in guideline.recommendations:
        yield from _recommendation_documents(rec, t)
    for chapter in guideline.chapters:
        url = reverse("chapter", args=[chapter.slug])
        title = t(f"chapters/{chapter.slug}/title", chapter.title).text
        for section in sections(chapter.body):
            anchor = f"#{section.anchor}" if section.anchor else ""
            heading = f"{title}: {section.heading}" if section.heading else title
            yield Document(f"{url}{anchor}", _("Kapitel"), heading, section.text)
    glossary_url = reverse("glossary")
    for entry in guideline.glossary:
        entry_url = f"{glossary_url}#{slug(entry.term)}"
        yield Document(entry_url, _("Ordliste"), entry.term, entry.definition, rank=RANK_ADVICE)
    if red_flags is not None:
        yield from _red_flag_documents(red_flags, t.translating)
