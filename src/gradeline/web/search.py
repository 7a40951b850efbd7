"""Search over all guideline text, accent-insensitive ('laenderyg' finds 'lænderyg'), linking to anchors."""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from gradeline.content.pack import cached_pack
from gradeline.model import Guideline, Recommendation
from gradeline.web.chapters import sections
from gradeline.web.localize import Localizer
from gradeline.web.text import fold, fold_with_positions, slug

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_RADIUS = 90
_WORD = re.compile(r"\w+")


class QueryError(ValueError):
    """A query we cannot search for; the message is shown to the reader."""


@dataclass(frozen=True)
class Document:
    """One searchable piece of text and where it is shown."""

    url: str
    kind: str
    title: str
    text: str
    lang: str = "da"
    weight: int = 1
    folded_title: str = field(init=False, repr=False)
    folded_text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folded_title", fold(self.title))
        object.__setattr__(self, "folded_text", fold(self.text))


@dataclass(frozen=True)
class Hit:
    """A matching document with a highlighted excerpt."""

    document: Document
    score: int
    snippet: SafeString


def parse_query(raw: str) -> list[str]:
    """The folded search terms of a query; QueryError with a reader-facing message if it is unusable."""
    if len(raw) > MAX_QUERY_LENGTH:
        raise QueryError(_("Søgningen er for lang: højst %(max)d tegn.") % {"max": MAX_QUERY_LENGTH})
    if any(unicodedata.category(c) in {"Cc", "Cs", "Co"} and c not in "\t\n\r" for c in raw):
        raise QueryError(_("Søgningen indeholder tegn, der ikke kan søges på."))
    terms = list(dict.fromkeys(_WORD.findall(fold(raw))))
    if raw.strip() and not terms:
        raise QueryError(_("Skriv mindst ét ord med bogstaver eller tal."))
    return terms[:MAX_TERMS]


def _highlight(text: str, terms: list[str]) -> SafeString:
    """An excerpt of the text around the first match, every term marked with <mark>."""
    folded, positions = fold_with_positions(text)
    spans = sorted(
        (positions[m.start()], positions[m.end() - 1] + 1)
        for term in terms
        for m in re.finditer(re.escape(term), folded)
    )
    first = spans[0][0] if spans else 0
    start = max(0, text.rfind(" ", 0, max(0, first - SNIPPET_RADIUS)) + 1) if first > SNIPPET_RADIUS else 0
    end = text.find(" ", first + SNIPPET_RADIUS)
    end = len(text) if end == -1 else end
    out, cursor = [], start
    for a, b in spans:
        if a < cursor or b > end:
            continue
        out += [escape(text[cursor:a]), "<mark>", escape(text[a:b]), "</mark>"]
        cursor = b
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(str(part) for part in out) + suffix)  # escaped above


class SearchIndex:
    """All documents of one language; a query matches when every term occurs in title or text."""

    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents

    def search(self, terms: list[str], limit: int = 50) -> list[Hit]:
        if not terms:
            return []
        phrase = " ".join(terms)
        scored: list[tuple[int, int, Document]] = []
        for order, doc in enumerate(self.documents):
            haystack = f"{doc.folded_title} {doc.folded_text}"
            if not all(term in haystack for term in terms):
                continue
            score = sum(5 * doc.folded_title.count(t) + min(doc.folded_text.count(t), 5) for t in terms)
            score = (score + (10 if len(terms) > 1 and phrase in haystack else 0)) * doc.weight
            scored.append((-score, order, doc))
        scored.sort(key=lambda item: item[:2])
        return [
            Hit(doc, -neg, _highlight(doc.text or doc.title, terms)) for neg, _order, doc in scored[:limit]
        ]


def _recommendation_documents(rec: Recommendation, t: Localizer) -> Iterator[Document]:
    url = reverse("recommendation", args=[rec.id])
    title = t(f"recommendations/{rec.id}/title", rec.title)
    rec_kind = _("Anbefaling")
    loc = f"recommendations/{rec.id}"
    text = t(f"{loc}/text", rec.text)
    yield Document(f"{url}#anbefaling", rec_kind, title.text, text.text, text.lang, weight=3)
    if t.translating and not text.fallback:  # the Danish original stays searchable
        yield Document(f"{url}#anbefaling", rec_kind, title.text, rec.text, "da", weight=3)
    for advice in t.paragraphs(f"{loc}/practical_advice", rec.practical_advice):
        yield Document(f"{url}#praktiske-raad", _("Praktiske råd"), title.text, advice.text, advice.lang)
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
            yield Document(f"{url}#{anchor}", kind, title.text, paragraph)
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
            f"{title.text}: {name.text} ({outcome.time_frame or ''})".replace(" ()", ""),
            " · ".join(p for p in parts if p),
            weight=2,
        )
    for note in rec.footnotes:
        yield Document(
            f"{url}#fodnote-{note.number}", _("Fodnote"), f"{title.text}: {note.number}", note.text
        )


def _documents(guideline: Guideline, t: Localizer) -> Iterator[Document]:
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
        yield Document(
            f"{glossary_url}#{slug(entry.term)}", _("Ordliste"), entry.term, entry.definition, weight=2
        )


@lru_cache(maxsize=4)
def index_for(language: str) -> SearchIndex:
    """The search index of the bundled guideline in a language (built once per process)."""
    t = Localizer(language)
    shown = cached_pack(language=language if language == t.translations.language else "da")
    return SearchIndex(list(_documents(shown, t)))
