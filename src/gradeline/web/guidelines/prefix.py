"""Mount every content pack under ``/<slug>/`` by moving the slug from the path into the script prefix.

The views, ``{% url %}`` and ``reverse()`` then work unchanged and produce URLs inside the active guideline.
``/api/guidelines/<slug>/<rest>`` is the same as ``/<slug>/api/<rest>``. Today's unprefixed URLs of a
guideline's pages redirect to the default guideline (301 for GET/HEAD, 308 for other methods, which keeps the
method and body); the site-wide routes in :data:`GLOBAL` stay unprefixed (see docs/guidelines.md).
"""

from collections.abc import Callable

from django.core.handlers.wsgi import get_script_name
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix

from gradeline.content.packs import activated, available_packs, default_slug

GUIDELINE_URLCONF = "gradeline.web.guideline_urls"
API_PREFIX = "/api/guidelines/"
# Site-wide routes: the index, the guideline list, accounts, the language switch, the audit log, static files.
GLOBAL = ("/api/guidelines", "/konto/", "/sprog/", "/revision/", "/redaktion/", "/static/")


class HttpResponsePermanentRedirectKeepMethod(HttpResponsePermanentRedirect):
    """308 Permanent Redirect: clients repeat the same method and body at the new address."""

    status_code = 308


def split_slug(path_info: str) -> tuple[str, str] | None:
    """(slug, rest of the path) when the path starts with a known pack's slug or with
    ``/api/guidelines/<slug>/``; None otherwise."""
    packs = available_packs()
    if path_info.startswith(API_PREFIX):
        slug, _, rest = path_info[len(API_PREFIX) :].partition("/")
        return (slug, "/api/" + rest) if slug in packs else None
    slug, _, rest = path_info.lstrip("/").partition("/")
    if slug in packs and path_info.startswith(f"/{slug}/"):
        return slug, "/" + rest
    return None


def is_global(path_info: str) -> bool:
    return path_info == "/" or any(path_info == g.rstrip("/") or path_info.startswith(g) for g in GLOBAL)


def _script(request: HttpRequest) -> str:
    """The server's own script prefix (WSGI ``SCRIPT_NAME``), ending in a slash."""
    return get_script_name(request.META).rstrip("/") + "/"


def redirect_to_default(request: HttpRequest) -> HttpResponse | None:
    """A permanent redirect of an unprefixed guideline URL to the default guideline; None for other paths."""
    path_info = request.path_info
    if path_info.strip("/") in available_packs():  # /<slug> without its slash
        return HttpResponsePermanentRedirect(f"{_script(request)}{path_info.strip('/')}/")
    if is_global(path_info):
        return None
    try:
        resolve(path_info, urlconf=GUIDELINE_URLCONF)
    except Resolver404:
        return None  # not a guideline page: the root URLconf answers (usually 404)
    target = f"{_script(request)}{default_slug()}{path_info}"
    query = request.META.get("QUERY_STRING", "")
    target += f"?{query}" if query else ""
    if request.method in ("GET", "HEAD"):
        return HttpResponsePermanentRedirect(target)
    return HttpResponsePermanentRedirectKeepMethod(target)


class GuidelinePrefixMiddleware:
    """Activate the pack named by the URL prefix for the request (first, before URL resolution)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = split_slug(request.path_info)
        if found is None:
            return redirect_to_default(request) or self.get_response(request)
        slug, rest = found
        outer, before = get_script_prefix(), _script(request)
        request.path_info = rest
        request.META["SCRIPT_NAME"] = f"{before}{slug}"
        request.urlconf = GUIDELINE_URLCONF
        set_script_prefix(f"{before}{slug}/")
        try:
            with activated(available_packs()[slug]):  # restores the pack active before, also on error
                return self.get_response(request)
        finally:
            set_script_prefix(outer)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], *args: object
    ) -> HttpResponse | None:
        """Decision support of a guideline without decision rules answers with a clear 404 (never a 500)."""
        from gradeline.web.decide.absent import without_rules  # imports views and settings-bound modules

        return without_rules(request)
