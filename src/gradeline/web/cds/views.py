"""Django glue: every request under a guideline's /cds-services goes to that guideline's service unchanged."""

import dataclasses
import threading
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from gradeline.cdshooks import service
from gradeline.cdshooks.valuesets import cached_terminology
from gradeline.content.pack import cached_pack
from gradeline.content.packs import active_pack, default_pack
from gradeline.web.guidelines.catalogue import slug_of

_services: dict[tuple[int, Path], service.CdsService] = {}
_lock = threading.Lock()


def service_for(pack: Path) -> service.CdsService:
    """The CDS service of one guideline: the configured default service, or a copy of its
    configuration and stores over another pack's content, its card links inside that guideline (built once
    per pack and configured default)."""
    default = service.default_service()
    if pack == default_pack():
        return default
    key = (id(default), pack)
    with _lock:
        if key not in _services:
            config = default.config
            if config.app_base_url:  # card links point into this guideline
                base = f"{config.app_base_url.rstrip('/')}/{slug_of(pack)}"
                config = dataclasses.replace(config, app_base_url=base)
            _services[key] = dataclasses.replace(
                default,
                config=config,
                guideline=cached_pack(pack),
                pack_dir=pack,
                services=(),  # this pack's own (none when it has no CDS data or decision rules)
                terminology=cached_terminology(str(pack)),
                authenticator=None,
            )
        return _services[key]


@csrf_exempt  # CDS clients authenticate with a signed JWT per call, not with cookies
def cds_services(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Discovery, hook calls, feedback and CORS preflight (CDS Hooks 2.0). The token's audience is the full
    address, so the guideline's prefix is part of the base URL."""
    headers = {key: value for key, value in request.headers.items()}
    script = request.META.get("SCRIPT_NAME", "").rstrip("/")
    base_url = f"{request.scheme}://{request.get_host()}{script}"
    answer = service_for(active_pack()).handle(
        request.method or "GET", request.path_info, headers, request.body, base_url
    )
    response = HttpResponse(answer.body, status=answer.status)
    for name, value in answer.headers.items():
        response[name] = value
    return response
