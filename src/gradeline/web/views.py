"""Page views: thin wrappers that pick content and hand it to a template."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from gradeline.content.pack import cached_pack
from gradeline.web.api import json_response
from gradeline.web.chapters import render_markdown
from gradeline.web.cited import mark_foreign
from gradeline.web.context import edition, localizer
from gradeline.web.evidence_rows import evidence_readings, language, per_from
from gradeline.web.glossary import GlossaryMarker, glossary_errata
from gradeline.web.memo import memoized
from gradeline.web.pages import recommendation_view
from gradeline.web.reading.peers import peer_panel
from gradeline.web.text import slug


def _page(request: HttpRequest, template: str, status: int = 200, **context: Any) -> HttpResponse:
    context.setdefault("glossary_marker", GlossaryMarker(edition(request).glossary))
    context.setdefault("errata_lang", localizer(request).language_of("errata"))
    return render(request, f"gradeline/{template}", context, status=status)


@memoized
def recommendation(request: HttpRequest, rec_id: str) -> HttpResponse:
    """Layer 2: the basis of one recommendation, with its evidence profile."""
    g, shown = cached_pack(), edition(request)
    try:
        rec = next(r for r in g.recommendations if r.id == rec_id)
    except StopIteration:
        raise Http404(rec_id) from None
    lang, per = language(request.LANGUAGE_CODE), per_from(request.GET.get("per"))
    t = localizer(request)
    return _page(
        request,
        "recommendation.html",
        r=recommendation_view(shown, shown.recommendation(rec_id), t),
        evidence=evidence_readings(rec, g, lang, per),  # computed from the published (Danish) pack
        content_lang=t.language_of(f"recommendations/{rec_id}"),
        glossary_marker=GlossaryMarker(shown.glossary, references="#referencer"),
        peers=peer_panel(rec.id, lang),
    )


@memoized
def chapter(request: HttpRequest, chapter_slug: str) -> HttpResponse:
    """A narrative chapter (Markdown body)."""
    g, t = edition(request), localizer(request)
    try:
        found = next(c for c in g.chapters if c.slug == chapter_slug)
    except StopIteration:
        raise Http404(chapter_slug) from None
    title = t(f"chapters/{found.slug}/title", found.title)
    return _page(
        request,
        "chapter.html",
        chapter=found,
        title=title,
        body=mark_foreign(render_markdown(found.body), request.LANGUAGE_CODE),
        content_lang=t.language_of(f"chapters/{found.slug}/blocks"),
    )


@memoized
def glossary(request: HttpRequest) -> HttpResponse:
    """Section 22: abbreviations and terms."""
    danish = cached_pack().glossary
    entries = [
        (slug(d.term), e, mark_safe(mark_foreign(str(escape(e.definition)), request.LANGUAGE_CODE)))
        for d, e in zip(danish, edition(request).glossary, strict=True)
    ]
    errata = {slug(term): found for term, found in glossary_errata(cached_pack()).items()}
    return _page(
        request,
        "glossary.html",
        entries=entries,
        glossary_marker=GlossaryMarker([]),
        glossary_errata=errata,
        content_lang=localizer(request).language_of("glossary"),
    )


def set_language(request: HttpRequest, language: str) -> HttpResponse:
    """Switch the language and remember it in a cookie, then return to the page the reader came from."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in {code for code, _ in settings.LANGUAGES}:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A friendly 404 page with the way back (JSON under /api/)."""
    if request.path_info.startswith("/api/") or request.path.startswith("/api/"):
        return json_response({"detail": f"Not found: {request.path}", "errors": []}, status=404)
    return _page(request, "404.html", status=404, path=request.path)


def server_error(request: HttpRequest) -> HttpResponse:
    """A plain 500 page that needs no context (the error may be in the content or templates)."""
    return HttpResponse(loader.render_to_string("gradeline/500.html"), status=500)
