"""``/``: the guideline index; ``GET /api/guidelines``: the same list as JSON."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gradeline.web.api import json_response
from gradeline.web.guidelines.catalogue import Entry, entries, status_word


def _card(entry: Entry, language: str) -> dict[str, Any]:
    g = entry.guideline
    title = (
        (g.title_en or g.title) if g and language == "en" and g.language != "en" else (g.title if g else "")
    )
    return {
        "entry": entry,
        "title": title or entry.slug,
        "title_lang": g.language if g and title == g.title else language,
        "status": status_word(entry),
        "recommendations": len(g.recommendations) if g else 0,
    }


def index(request: HttpRequest) -> HttpResponse:
    """Every guideline the site serves: title, status, language, number of recommendations and a link.

    Layer 1 used to live at ``/``: a bookmark such as ``/#<rec-id>`` (the fragment never reaches the
    server) is forwarded by site.js to the default guideline when the fragment names one of its
    recommendations (``forward_anchors``).
    """
    found = entries()
    cards = [_card(entry, request.LANGUAGE_CODE) for entry in found]
    default = next((e for e in found if e.guideline is not None), None)  # entries() lists it first
    recommendations = default.guideline.recommendations if default and default.guideline else []
    forward = {"prefix": default.url if default else "", "anchors": " ".join(r.id for r in recommendations)}
    return render(request, "guidelines/index.html", {"cards": cards, "forward": forward})


def guideline_list(request: HttpRequest) -> HttpResponse:
    """``GET /api/guidelines``: slug, title, language, status and links of every guideline."""
    base = request.build_absolute_uri("/").rstrip("/")
    rows = []
    for entry in entries():
        g = entry.guideline
        prefix = f"{base}{entry.url}"
        rows.append(
            {
                "slug": entry.slug,
                "title": g.title if g else None,
                "title_en": g.title_en if g else None,
                "language": g.language if g else None,
                "status": g.status.value if g else None,
                "status_label": g.status.label if g else None,
                "fictional": entry.fictional,
                "recommendations": len(g.recommendations) if g else 0,
                "decision_rules": entry.has_decide,
                "problem": entry.problem or None,
                "links": {
                    "pages": prefix,
                    "api": f"{base}/api/guidelines/{entry.slug}/guideline",
                    "fhir": f"{prefix}fhir/R5/",
                    "cds_services": f"{prefix}cds-services",
                },
            }
        )
    return json_response({"guidelines": rows})
