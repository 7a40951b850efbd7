"""The full guideline and the quick guide as PDF: Jinja templates rendered to A4 by WeasyPrint.

Both documents carry the guideline's status (e.g. *ikke gældende*) in the margin of every page. An edition
(major.minor, date) may be named; its status overrides the pack's (an edition records its own status).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from gradeline.decide.rules import RedFlagRules
from gradeline.evidence.fmt import certainty_name, certainty_symbols
from gradeline.model import Certainty, Guideline, Recommendation, StrengthLevel

TEMPLATES = Path(__file__).parent / "templates" / "pdf"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_MARKDOWN = MarkdownIt("commonmark", {"html": False})


@dataclass(frozen=True)
class Stamp:
    """What every page says about the document: edition and status."""

    edition: str
    published: date | None
    status_label: str
    status_since: str
    status_note: str

    @property
    def margin_text(self) -> str:
        since = f" siden {self.status_since}" if self.status_since else ""
        return f"{self.status_label.upper()}{since} · Udgave {self.edition}"


def default_stamp(guideline: Guideline, edition: str | None = None, published: date | None = None) -> Stamp:
    status = guideline.status
    return Stamp(
        edition=edition or guideline.version,
        published=published,
        status_label=status.label,
        status_since=str(status.since_year or ""),
        status_note=status.note,
    )


@dataclass(frozen=True)
class RecLine:
    """A recommendation with what both documents show next to it."""

    rec: Recommendation
    level: StrengthLevel
    certainty_label: str
    certainty_symbols: str


def _lines(guideline: Guideline) -> list[RecLine]:
    return [
        RecLine(
            rec=rec,
            level=guideline.strength_level(rec),
            certainty_label=certainty_name(rec.overall_certainty, "da") if rec.overall_certainty else "",
            certainty_symbols=certainty_symbols(rec.overall_certainty) if rec.overall_certainty else "",
        )
        for rec in guideline.recommendations
    ]


def _markdown(text: str) -> Markup:
    return Markup(_MARKDOWN.render(text))  # the pack's own text; raw HTML is disabled


def _certainty(value: Certainty | str | None) -> str:
    if not value:
        return ""
    c = Certainty(value)
    return f"{certainty_symbols(c)} {certainty_name(c, 'da')}"


_ENV.filters["markdown"] = _markdown
_ENV.filters["certainty"] = _certainty


def guideline_html(guideline: Guideline, stamp: Stamp | None = None) -> str:
    """The full guideline (all layers, evidence tables, table of contents) as print HTML."""
    numbers = [c.number for c in guideline.chapters] + [r.chapter for r in guideline.recommendations]
    return _ENV.get_template("guideline.html.j2").render(
        g=guideline,
        lines=_lines(guideline),
        stamp=stamp or default_stamp(guideline),
        glossary_number=max(numbers, default=0) + 1,  # the glossary follows the last numbered section
    )


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
) -> str:
    """The quick guide on two A4 pages: page 1 every recommendation with its strength and first line of
    practical advice; page 2 the red flags with what to do and how fast, the key messages and where to read
    more (URL and QR code)."""
    recs = guideline.recommendations
    return _ENV.get_template("quickguide.html.j2").render(
        g=guideline,
        lines=_lines(guideline),
        stamp=stamp or default_stamp(guideline),
        advice={r.id: first_sentence(r.practical_advice[0]) for r in recs if r.practical_advice},
        red_flags=red_flags,
        read_more=read_more,
        qr=qr_svg(read_more) if read_more else None,
    )


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads Pango and fonts late

    pdf: bytes = HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
    return pdf


def render_guideline_pdf(guideline: Guideline, stamp: Stamp | None = None) -> bytes:
    """The full guideline as an A4 PDF with page numbers, contents and the status on every page."""
    return html_to_pdf(guideline_html(guideline, stamp))


def render_quickguide_pdf(
    guideline: Guideline,
    stamp: Stamp | None = None,
    red_flags: RedFlagRules | None = None,
    read_more: str | None = None,
) -> bytes:
    """The quick guide (section 14) as a two-page A4 PDF."""
    return html_to_pdf(quickguide_html(guideline, stamp, red_flags, read_more))
