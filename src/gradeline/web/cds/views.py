"""Django glue: every request under /cds-services goes to the framework-free service unchanged."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from gradeline.cdshooks import service


@csrf_exempt  # CDS clients authenticate with a signed JWT per call, not with cookies
def cds_services(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Discovery, hook calls, feedback and CORS preflight (CDS Hooks 2.0)."""
    headers = {key: value for key, value in request.headers.items()}
    base_url = f"{request.scheme}://{request.get_host()}"
    answer = service.handle(request.method or "GET", request.path, headers, request.body, base_url)
    response = HttpResponse(answer.body, status=answer.status)
    for name, value in answer.headers.items():
        response[name] = value
    return response
