"""The client's address, for log-in lockout and rate limits.

Without trusted proxies (``GRADELINE_TRUSTED_PROXIES=0``, the default) it is the socket's peer
(``REMOTE_ADDR``) and ``X-Forwarded-For`` is ignored, so no client can pick its own address. Behind N reverse
proxies that each append to ``X-Forwarded-For``, it is the address the outermost proxy saw: the N-th entry
from the right.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request: HttpRequest) -> str:
    """The client's IP address as trusted by the deployment's proxy setting."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = int(getattr(settings, "GRADELINE_TRUSTED_PROXIES", 0))
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    chain = [part for part in chain if part]
    if not chain:
        return remote
    candidate = chain[-proxies] if len(chain) >= proxies else chain[0]
    return candidate if _valid(candidate) else remote
