"""Per-request fragments in otherwise cacheable pages.

Templates leave a marker (``<!--slot:account-->``, ``<!--slot:discussion:<rec-id>-->``) where content
depends on the visitor or the database: the signed-in user's name, CSRF tokens, comments, review status.
``gradeline.web.memo`` keeps the page with its markers; ``SlotMiddleware`` fills them for each request,
so a cached page never carries one visitor's content to another.
"""

import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

SLOT = re.compile(rb"<!--slot:([a-z_]+)(?::([A-Za-z0-9_-]{1,100}))?-->")
Renderer = Callable[[HttpRequest, str], str]
_renderers: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    """Register the function that renders slot ``name`` (given the request and the marker's argument)."""

    def decorate(renderer: Renderer) -> Renderer:
        _renderers[name] = renderer
        return renderer

    return decorate


def fill(request: HttpRequest, content: bytes) -> bytes:
    """Replace every marker with its fragment (unknown slots become empty)."""

    def replace(match: re.Match[bytes]) -> bytes:
        renderer = _renderers.get(match.group(1).decode())
        if renderer is None:
            return b""
        return renderer(request, (match.group(2) or b"").decode()).encode()

    return SLOT.sub(replace, content)


class SlotMiddleware:
    """Fill slot markers in HTML responses; responses for signed-in users are marked private."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        if b"<!--slot:" in response.content:
            response.content = fill(request, response.content)
        return response
