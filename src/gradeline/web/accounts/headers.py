"""Security headers beyond Django's own: a Content-Security-Policy where readers' text is shown, and
a Permissions-Policy everywhere."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
)
# Pages that show what users write, and the account pages; other pages keep their own policies.
CSP_PREFIXES = ("/anbefalinger/", "/konto/", "/diskussion/", "/udgaver/", "/revision/")
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        if request.path.startswith(CSP_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response
