"""Rate limits on writes and expensive requests (django-ratelimit), answering 429 with a message.

Rates come from ``settings.GRADELINE_RATE_LIMITS`` (name -> "count/period", e.g. "10/m"; empty switches a
limit off), each overridable with ``GRADELINE_RATE_<NAME>`` in the environment. Counters live in the
``ratelimit`` cache (``settings.RATELIMIT_USE_CACHE``).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, Literal, TypeVar, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext
from django_ratelimit.core import _split_rate, is_ratelimited  # type: ignore[import-untyped]

from gradeline.web.client_ip import client_ip

Key = Literal["ip", "user"]
View = TypeVar("View", bound=Callable[..., HttpResponseBase])


def _by_ip(group: str, request: HttpRequest) -> str:
    return client_ip(request)


def _by_user(group: str, request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    return f"user:{user.pk}" if user is not None and user.is_authenticated else client_ip(request)


def _rate(name: str) -> str:
    return str(getattr(settings, "GRADELINE_RATE_LIMITS", {}).get(name, ""))


def over_limit(request: HttpRequest, name: str, key: Key = "ip") -> bool:
    """Count this POST against the named limit; True when the limit is exceeded."""
    rate = _rate(name)
    if not rate or request.method != "POST":
        return False
    return bool(
        is_ratelimited(
            request,
            group=f"gradeline.{name}",
            key=_by_user if key == "user" else _by_ip,
            rate=rate,
            method="POST",
            increment=True,
        )
    )


def too_many(request: HttpRequest, name: str) -> HttpResponse:
    """429 with a sentence (JSON ``{"detail": …}`` under /api/, a page otherwise) and Retry-After."""
    message = gettext("For mange forespørgsler på kort tid. Vent lidt, og prøv igen.")
    if request.path_info.startswith("/api/"):
        from gradeline.web.api import json_response

        response = json_response({"detail": message, "errors": []}, status=429)
    else:
        response = render(request, "gradeline/too_many_requests.html", {"message": message}, status=429)
    _, seconds = _split_rate(_rate(name))
    response["Retry-After"] = str(seconds)
    return response


def rate_limited(name: str, key: Key = "ip") -> Callable[[View], View]:
    """Decorate a view: its POSTs beyond the named rate get a 429."""

    def decorate(view: View) -> View:
        @wraps(view)
        def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if over_limit(request, name, key):
                return too_many(request, name)
            return view(request, *args, **kwargs)

        return cast(View, limited)

    return decorate
