"""Service configuration: trusted clients, development mode (off by default), CORS and links."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks.auth import TrustedClient


@dataclass(frozen=True)
class ServiceConfig:
    """How the CDS service authenticates callers and where its links point.

    ``development_mode`` skips JWT verification entirely; it must be switched on explicitly and is meant
    for a developer's own machine only.
    """

    clients: tuple[TrustedClient, ...] = ()
    development_mode: bool = False
    cors_origins: tuple[str, ...] = ("*",)
    leeway_seconds: float = 30.0
    max_token_lifetime_seconds: float = 3600.0
    app_base_url: str | None = None
    fhir_fetch: bool = True
    fhir_timeout_seconds: float = 2.0
    max_body_bytes: int = 2 * 1024 * 1024

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "ServiceConfig":
        """From plain settings (e.g. Django settings or YAML)::

        {"clients": [{"iss": "...", "jku": ["..."], "jwks": {...}, "tenants": [...]}],
         "development_mode": false, "cors_origins": ["https://ehr.example"], "app_base_url": "..."}
        """
        clients = tuple(
            TrustedClient(
                iss=str(c["iss"]),
                jku=tuple(c.get("jku", ())),
                jwks=c.get("jwks"),
                tenants=tuple(c.get("tenants", ())),
            )
            for c in data.get("clients", ())
        )
        simple = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "clients"}
        if "cors_origins" in simple:
            simple["cors_origins"] = tuple(simple["cors_origins"])
        if simple.get("development_mode") not in (None, True, False):
            raise ValueError("development_mode must be true or false")
        return cls(clients=clients, **simple)
