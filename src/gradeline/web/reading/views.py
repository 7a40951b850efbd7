"""Layer 1: all recommendations as one compact list, each unfolding in place."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gradeline.web.context import edition, localizer
from gradeline.web.glossary import GlossaryMarker
from gradeline.web.memo import memoized
from gradeline.web.pages import recommendation_view, strength_view
from gradeline.web.reading.sections import section_links


@memoized
def home(request: HttpRequest) -> HttpResponse:
    """Layer 1: one line per recommendation (strength and title); each opens to its text, advice and tabs."""
    g, t = edition(request), localizer(request)
    rows = [(recommendation_view(g, rec, t), section_links(rec)) for rec in g.recommendations]
    return render(
        request,
        "reading/home.html",
        {
            "rows": rows,
            "legend": [strength_view(level, t) for level in g.strength_levels],
            "glossary_marker": GlossaryMarker(g.glossary),
        },
    )
