"""Rendered pages kept in memory: the content pack is immutable while the process runs.

A page depends only on its full path and the reader's language, so the first rendering is reused.
The store is bounded (search pages with arbitrary queries cannot grow it without limit).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

MAX_PAGES = 512
_pages: dict[tuple[str, str], tuple[bytes, str]] = {}

View = Callable[..., HttpResponse]


def memoized(view: View) -> View:
    """Serve a view's successful (200) responses from memory after the first rendering."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = (getattr(request, "LANGUAGE_CODE", ""), request.get_full_path())
        hit = _pages.get(key)
        if hit is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            hit = (response.content, response["Content-Type"])
            if len(_pages) < MAX_PAGES:
                _pages[key] = hit
        return HttpResponse(hit[0], content_type=hit[1])

    return wrapper


def clear() -> None:
    """Forget every rendered page (tests that change content or templates)."""
    _pages.clear()
