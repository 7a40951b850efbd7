"""Decision aid per recommendation: /anbefalinger/<slug>/beslutningshjaelp/ (HTML in the site frame) and
.../pdf/ (WeasyPrint of the standalone A4 document from ``gradeline.publish.decision_aid``)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import Lang
from gradeline.model import Recommendation
from gradeline.publish.decision_aid import decision_aid_context, render_decision_aid
from gradeline.web.context import localizer
from gradeline.web.evidence_rows import language
from gradeline.web.memo import memoized
from gradeline.web.packcache import per_pack
from gradeline.web.pages import strength_view

EXTRA: dict[Lang, dict[str, str]] = {
    "da": {
        "print": "Udskriv",
        "pdf": "Hent som PDF (A4)",
        "back": "Tilbage til anbefalingen",
        "for_whom": "Til klinikeren og patienten sammen. "
        "Klinikeren træffer beslutningen sammen med patienten.",
    },
    "en": {
        "print": "Print",
        "pdf": "Download PDF (A4)",
        "back": "Back to the recommendation",
        "for_whom": "For the clinician and the patient together. The clinician decides with the patient.",
    },
}


def find_recommendation(rec_id: str) -> Recommendation:
    """The recommendation with this id, else 404."""
    rec = next((r for r in cached_pack().recommendations if r.id == rec_id), None)
    if rec is None:
        raise Http404(rec_id)
    return rec


def _cards(cards: list[Any]) -> list[dict[str, Any]]:
    """Cards with the GRADE symbols split from the certainty name (for aria-hidden symbols)."""
    out = []
    for card in cards:
        symbols, _, name = card.certainty.partition(" ")
        out.append({"card": card, "symbols": symbols, "certainty_name": name})
    return out


@memoized
def decision_aid(request: HttpRequest, rec_id: str) -> HttpResponse:
    """The decision aid in the page language, printable on A4 and usable on a tablet."""
    rec, g = find_recommendation(rec_id), cached_pack()
    lang = language(request.LANGUAGE_CODE)
    aid = decision_aid_context(rec, g, lang)
    return render(
        request,
        "gradeline/decision_aid.html",
        {
            "aid": aid,
            "cards": _cards(aid["cards"]),
            "extra": EXTRA[lang],
            "quoted": aid["ui"]["quoted"].format(chapter=rec.chapter),
            "strength": strength_view(g.strength_level(rec), localizer(request), rec.label),
        },
    )


@per_pack(maxsize=32)
def _pdf(rec_id: str, lang: Lang) -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads Pango and fonts late

    html = render_decision_aid(find_recommendation(rec_id), cached_pack(), lang)
    return bytes(HTML(string=html).write_pdf())


def decision_aid_pdf(request: HttpRequest, rec_id: str) -> HttpResponse:
    """The same decision aid as an A4 PDF."""
    find_recommendation(rec_id)
    lang = language(request.LANGUAGE_CODE)
    response = HttpResponse(_pdf(rec_id, lang), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="beslutningshjaelp-{rec_id}-{lang}.pdf"'
    return response
