"""Layer 1: all recommendations as one compact list, each unfolding in place."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gradeline.model import Chapter, Guideline
from gradeline.web.context import edition, localizer
from gradeline.web.glossary import GlossaryMarker
from gradeline.web.memo import memoized
from gradeline.web.pages import recommendation_view, strength_view
from gradeline.web.reading.search import QueryError, index_for, parse_query
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
            "strength_chapter": strength_chapter(g),
            "glossary_marker": GlossaryMarker(g.glossary),
        },
    )


def strength_chapter(g: Guideline) -> Chapter | None:
    """The chapter that describes the strength levels: the one with most of their headings as its own
    sub-headings (the first guideline's section 19), if the pack has one."""
    headings = {level.heading for level in g.strength_levels}

    def described(chapter: Chapter) -> int:
        lines = {line.lstrip("#").strip() for line in chapter.body.splitlines() if line.startswith("#")}
        return len(headings & lines)

    best = max(g.chapters, key=described, default=None)
    return best if best is not None and described(best) > 0 else None


@memoized
def search(request: HttpRequest) -> HttpResponse:
    """Search all guideline text; a query we cannot use gets a message (400), never an error page."""
    raw = request.GET.get("q", "")
    context = {"glossary_marker": GlossaryMarker([]), "query": raw[:200]}
    try:
        terms = parse_query(raw)
    except QueryError as exc:
        context.update(error=str(exc), results=[])
        return render(request, "reading/search.html", context, status=400)
    results = index_for(request.LANGUAGE_CODE).search(terms)
    return render(request, "reading/search.html", {**context, "terms": terms, "results": results})
