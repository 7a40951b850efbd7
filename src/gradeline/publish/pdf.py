"""The full guideline and the quick guide as PDF: Jinja templates rendered to A4 by WeasyPrint.

Both documents carry the guideline's status (e.g. *ikke gældende*) in the margin of every page. An edition
(major.minor, date) may be named; its status overrides the pack's (an edition records its own status).
"""

from __future__ import annotations

import gettext
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from gradeline.decide.rules import RedFlagRules
from gradeline.evidence.data import Lang
from gradeline.evidence.fmt import certainty_name, certainty_symbols
from gradeline.model import Certainty, Guideline, Importance, Recommendation, StrengthLevel, importance_label
from gradeline.publish.key_messages import QuickGuideData
from gradeline.publish.key_messages import messages as key_messages

TEMPLATES = Path(__file__).parent / "templates" / "pdf"
# The documents' interface words come from the web's gettext catalogue (read as a file; no Django here).
LOCALE = Path(__file__).resolve().parents[1] / "web" / "locale"
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class Stamp:
    """What every page says about the document: edition and status."""

    edition: str
    published: date | None
    status_label: str
    status_since: str
    status_note: str
    lang: str = "da"

    @property
    def margin_text(self) -> str:
        _ = catalogue(self.lang).gettext
        since = " " + _("siden %(year)s") % {"year": self.status_since} if self.status_since else ""
        return f"{self.status_label.upper()}{since} · {_('Udgave')} {self.edition}"


@lru_cache(maxsize=4)
def catalogue(lang: str) -> gettext.NullTranslations:
    """The interface words in a language (Danish, the source language, needs none)."""
    if lang == "da":
        return gettext.NullTranslations()
    return gettext.translation("django", localedir=str(LOCALE), languages=[lang], fallback=True)


def default_stamp(
    guideline: Guideline, edition: str | None = None, published: date | None = None, lang: str = "da"
) -> Stamp:
    status = guideline.status
    return Stamp(
        edition=edition or guideline.version,
        published=published,
        status_label=status.label,
        status_since=str(status.since_year or ""),
        status_note=status.note,
        lang=lang,
    )


@dataclass(frozen=True)
class RecLine:
    """A recommendation with what both documents show next to it."""

    rec: Recommendation
    level: StrengthLevel
    certainty_label: str
    certainty_symbols: str


def _lines(guideline: Guideline, lang: Lang) -> list[RecLine]:
    return [
        RecLine(
            rec=rec,
            level=guideline.strength_level(rec),
            certainty_label=certainty_name(rec.overall_certainty, lang) if rec.overall_certainty else "",
            certainty_symbols=certainty_symbols(rec.overall_certainty) if rec.overall_certainty else "",
        )
        for rec in guideline.recommendations
    ]


def _markdown(text: str) -> Markup:
    return Markup(_MARKDOWN.render(text))  # the pack's own text; raw HTML is disabled


@lru_cache(maxsize=4)
def _env(lang: Lang) -> Environment:
    """The templates with the interface words of one language."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(catalogue(lang), newstyle=True)  # type: ignore[attr-defined]

    def certainty(value: Certainty | str | None) -> str:
        if not value:
            return ""
        c = Certainty(value)
        return f"{certainty_symbols(c)} {certainty_name(c, lang)}"

    def importance(value: Importance | str | None) -> str:
        return importance_label(value, lang) if value else ""

    env.filters["markdown"] = _markdown
    env.filters["certainty"] = certainty
    env.filters["importance"] = importance
    return env


def _render(template: str, guideline: Guideline, stamp: Stamp | None, lang: Lang, **extra: object) -> str:
    return (
        _env(lang)
        .get_template(template)
        .render(
            g=guideline,
            lines=_lines(guideline, lang),
            stamp=stamp or default_stamp(guideline, lang=lang),
            lang=lang,
            **extra,
        )
    )


def guideline_html(guideline: Guideline, stamp: Stamp | None = None, lang: Lang = "da") -> str:
    """The full guideline (all layers, evidence tables, table of contents) as print HTML.

    For English, pass the English edition of the pack (``load_pack(pack, "en")``) and ``lang="en"``."""
    numbers = [c.number for c in guideline.chapters] + [r.chapter for r in guideline.recommendations]
    # the glossary follows the last numbered section
    return _render("guideline.html.j2", guideline, stamp, lang, glossary_number=max(numbers, default=0) + 1)


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph, verbatim (the whole paragraph if it has one sentence)."""
    match = re.match(r"(.+?[.!?])(\s+[A-ZÆØÅ]|$)", text.strip(), re.S)
    return match.group(1) if match else text.strip()


def qr_svg(url: str) -> Markup:
    """A QR code for a URL as inline SVG."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=3, border=2, xmldecl=False, svgns=True)
    return Markup(out.getvalue().decode())  # generated SVG, no user text


def quickguide_html(
    guideline: Guideline,
    stamp: Stamp | None = None,
    red_flags: RedFlagRules | None = None,
    read_more: str | None = None,
    lang: Lang = "da",
    page2: QuickGuideData | None = None,
) -> str:
    """The quick guide on two A4 pages: page 1 every recommendation with its strength and first line of
    practical advice; page 2 the red flags with what to do and how fast, the key messages quoted from the
    practical advice and where to read more (``read_more``, else the pack's first address, as URL and QR
    code). For English, pass the English edition of the pack and ``lang="en"``."""
    recs = guideline.recommendations
    links = (
        [(link.label.en if lang == "en" else link.label.da, str(link.url)) for link in page2.read_more]
        if page2
        else []
    )
    read_more = read_more or (links[0][1] if links else None)
    return _render(
        "quickguide.html.j2",
        guideline,
        stamp,
        lang,
        advice={r.id: first_sentence(r.practical_advice[0]) for r in recs if r.practical_advice},
        red_flags=red_flags,
        read_more=read_more,
        qr=qr_svg(read_more) if read_more else None,
        messages=key_messages(page2, guideline, lang),
        links=links,
    )


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads Pango and fonts late

    pdf: bytes = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    return pdf


def render_guideline_pdf(guideline: Guideline, stamp: Stamp | None = None, lang: Lang = "da") -> bytes:
    """The full guideline as an A4 PDF with page numbers, contents and the status on every page."""
    return html_to_pdf(guideline_html(guideline, stamp, lang))


def render_quickguide_pdf(
    guideline: Guideline,
    stamp: Stamp | None = None,
    red_flags: RedFlagRules | None = None,
    read_more: str | None = None,
    lang: Lang = "da",
    page2: QuickGuideData | None = None,
) -> bytes:
    """The quick guide (section 14) as a two-page A4 PDF."""
    return html_to_pdf(quickguide_html(guideline, stamp, red_flags, read_more, lang, page2))
