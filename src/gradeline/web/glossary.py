"""Glossary terms explained where they occur: the first occurrence on a page gets an accessible tooltip."""

import re
from functools import lru_cache

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from gradeline.model import Erratum, GlossaryEntry, Guideline
from gradeline.web.text import slug

_TAG = re.compile(r"(<[^>]+>)")
# A reference number as printed: (96), (83,84), (60-62); not a scale such as (0-100).
_REFERENCE = re.compile(r"\(([1-9]\d{0,2}(?:(?:,\s?|[-–])[1-9]\d{0,2})*)\)")
_SKIP_INSIDE = ("a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "abbr", "dfn", "code")


def _pattern_for(term: str) -> str:
    body = re.escape(escape(term))
    # Abbreviations (NRS, RCT) match as written; words match in any case.
    return body if term.isupper() or any(c.isdigit() for c in term) else f"(?i:{body})"


def _key(
    entries: list[GlossaryEntry] | tuple[GlossaryEntry, ...],
) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((e.term, e.definition, tuple(e.aliases)) for e in entries)


@lru_cache(maxsize=4)
def _compiled(
    key: tuple[tuple[str, str, tuple[str, ...]], ...],
) -> tuple[re.Pattern[str], dict[str, GlossaryEntry]]:
    entries = [
        GlossaryEntry(term=term, definition=definition, aliases=list(aliases))
        for term, definition, aliases in key
    ]
    terms = sorted({t for e in entries for t in (e.term, *e.aliases)}, key=len, reverse=True)
    lookup = {escape(t).lower(): e for e in entries for t in (e.term, *e.aliases)}
    alternation = "|".join(_pattern_for(t) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), lookup


class GlossaryMarker:
    """Marks glossary terms in the texts of one page (each term once, ids unique on the page)."""

    def __init__(
        self, entries: list[GlossaryEntry] | tuple[GlossaryEntry, ...], references: str | None = None
    ) -> None:
        """``references``: the anchor that reference numbers such as (96) link to, if any."""
        self.references = references
        self.pattern: re.Pattern[str] | None = None
        self.lookup: dict[str, GlossaryEntry] = {}
        if entries:
            self.pattern, self.lookup = _compiled(_key(entries))
        self.seen: set[str] = set()
        self.count = 0

    def _replace(self, match: re.Match[str]) -> str:
        entry = self.lookup.get(match.group(0).lower())
        if entry is None or entry.term in self.seen:
            return match.group(0)
        self.seen.add(entry.term)
        self.count += 1
        tip_id = f"tip-{self.count}-{slug(entry.term)}"
        return str(
            format_html(
                '<span class="term"><span class="term-word" tabindex="0" aria-describedby="{0}">{1}</span>'
                '<span class="term-tip" role="tooltip" id="{0}" lang="da"><strong>{2}</strong>: {3}</span>'
                "</span>",
                tip_id,
                match.group(0),
                entry.term,
                entry.definition,
            )
        )

    def _reference(self, numbers: str) -> str:
        label = _("Reference %(numbers)s i retningslinjens referenceliste") % {"numbers": numbers}
        shown = f"({numbers})"
        if self.references is None:
            return str(format_html('<span class="ref-number" title="{}">{}</span>', label, shown))
        return str(
            format_html(
                '<a class="ref-number" href="{}" aria-label="{}">{}</a>', self.references, label, shown
            )
        )

    def _annotate_text(self, part: str) -> str:
        """Glossary terms and reference numbers in one run of text between tags."""
        out = []
        for index, piece in enumerate(_REFERENCE.split(part)):
            if index % 2:
                out.append(self._reference(piece))
            else:
                out.append(self.pattern.sub(self._replace, piece) if self.pattern is not None else piece)
        return "".join(out)

    def annotate_html(self, html: str) -> str:
        """Mark terms and reference numbers in the text between tags of trusted HTML (not inside links,
        headings or buttons)."""
        out: list[str] = []
        skipping: list[str] = []
        for part in _TAG.split(html):
            if part.startswith("<"):
                name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
                if name in _SKIP_INSIDE:
                    if part.startswith("</"):
                        if skipping:
                            skipping.pop()
                    elif not part.endswith("/>"):
                        skipping.append(name)
                out.append(part)
            elif skipping or not part:
                out.append(part)
            else:
                out.append(self._annotate_text(part))
        return "".join(out)

    def annotate_text(self, text: str) -> str:
        """Escape plain text and mark its terms."""
        return self.annotate_html(str(escape(text)))


def glossary_errata(guideline: Guideline) -> dict[str, list[Erratum]]:
    """Acknowledged errata on glossary entries (location 'glossary/<term>'), by term."""
    found: dict[str, list[Erratum]] = {}
    for erratum in guideline.errata:
        if erratum.location.startswith("glossary/"):
            found.setdefault(erratum.location.removeprefix("glossary/"), []).append(erratum)
    return found
