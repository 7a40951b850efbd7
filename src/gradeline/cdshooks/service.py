"""The framework-free entry point: ``handle(method, path, headers, body, base_url) -> Response``.

Routes (mounted under ``/cds-services``): ``GET /cds-services`` (discovery), ``POST /cds-services/{id}``
(a hook call), ``POST /cds-services/{id}/feedback``, and ``OPTIONS`` preflight for any of them, which passes
without a token. Every other call needs a valid client JWT whose ``aud`` is ``base_url + path``; a failure
is a bare 401. Malformed bodies get 400 with an OperationOutcome, missing data 412, and unexpected errors
never escape as a 500.
"""

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradeline.cdshooks import hooks, prefetch
from gradeline.cdshooks.auth import (
    Authenticator,
    AuthError,
    JwksCache,
    ReplayCache,
    ReplayGuard,
    TrustedClient,
    http_jwks_fetcher,
)
from gradeline.cdshooks.cards import Links
from gradeline.cdshooks.config import ClientRegistry, ServiceConfig, server_allowed
from gradeline.cdshooks.feedback import FeedbackStore, InMemoryFeedbackStore, IssuedCard, parse_feedback
from gradeline.cdshooks.http import HttpError, Response, json_response, operation_outcome
from gradeline.cdshooks.request import parse_request
from gradeline.cdshooks.services import ServiceDefinition, services_for
from gradeline.cdshooks.texts import DEFAULT_LANGUAGE, CardTexts, card_texts
from gradeline.cdshooks.valuesets import Terminology, cached_terminology
from gradeline.content.pack import DEFAULT_PACK
from gradeline.model import Guideline

log = logging.getLogger(__name__)
ROOT = "/cds-services"


def _header(headers: Mapping[str, str], name: str) -> str | None:
    lower = name.lower()
    for key, value in headers.items():
        if key.lower() == lower:
            return value
    return None


@dataclass
class CdsService:
    """The CDS Hooks service with its configuration, content and stores."""

    guideline: Guideline
    config: ServiceConfig = field(default_factory=ServiceConfig)
    terminology: Terminology = field(default_factory=cached_terminology)
    store: FeedbackStore = field(default_factory=InMemoryFeedbackStore)
    authenticator: Authenticator | None = None
    fetcher: prefetch.FhirFetcher | None = None
    today: Callable[[], dt.date] = dt.date.today
    services: tuple[ServiceDefinition, ...] = ()  # () = the guideline's own (services_for)
    replay: ReplayGuard | None = None
    pack_dir: Path = DEFAULT_PACK

    def __post_init__(self) -> None:
        self.registry = ClientRegistry(
            self.config.clients, self.config.clients_file, self.config.clients_check_seconds
        )
        self._clients_version = 0
        if self.authenticator is None:
            self.authenticator = Authenticator(
                clients=self.registry.clients(),
                jwks_cache=JwksCache(http_jwks_fetcher()),
                leeway=self.config.leeway_seconds,
                max_lifetime=self.config.max_token_lifetime_seconds,
                replay=self.replay or ReplayCache(),
            )
            self._clients_version = self.registry.version
        if self.fetcher is None and self.config.fhir_fetch:
            self.fetcher = prefetch.http_fhir_fetcher(self.config.fhir_timeout_seconds)
        if self.config.development_mode:
            log.warning("CDS Hooks development mode is ON: client JWTs are not verified")
        self.services = self.services or services_for(self.guideline, self.pack_dir)
        self._by_id = {s.id: s for s in self.services}
        self._card_texts: dict[str, CardTexts] = {}

    # -- entry point -------------------------------------------------------------------------------

    def handle(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes, base_url: str
    ) -> Response:
        """Answer one HTTP request; never raises."""
        cors = self._cors(_header(headers, "Origin"))
        try:
            reply = self._route(method.upper(), path, headers, body, base_url)
        except HttpError as error:
            reply = error.response()
        except Exception:
            log.exception("CDS Hooks request failed unexpectedly")
            reply = json_response(503, operation_outcome("the service could not answer", "exception"))
        return Response(reply.status, {**reply.headers, **cors}, reply.body)

    def _route(self, method: str, path: str, headers: Mapping[str, str], body: bytes, base: str) -> Response:
        clean = "/" + path.strip("/")
        if not (clean == ROOT or clean.startswith(ROOT + "/")):
            raise HttpError(404, f"no such endpoint: {clean}", "not-found")
        parts = clean[len(ROOT) :].strip("/").split("/") if clean != ROOT else []
        if method == "OPTIONS":
            return Response(204)
        if len(body) > self.config.max_body_bytes:
            raise HttpError(413, "request body too large", "too-costly")
        if not parts:
            texts = self._texts(self._language(self._check(method, "GET", headers, base, clean)))
            return json_response(200, {"services": [s.discovery(texts) for s in self.services]})
        client = self._check(method, "POST", headers, base, clean)
        service = self._by_id.get(parts[0])
        if service is None or len(parts) > 2 or (len(parts) == 2 and parts[1] != "feedback"):
            raise HttpError(404, f"no such service: {'/'.join(parts)}", "not-found")
        if len(parts) == 2:
            return self._feedback(service, body)
        return self._call(service, body, base, client)

    def _check(
        self, method: str, allowed: str, headers: Mapping[str, str], base: str, path: str
    ) -> TrustedClient | None:
        """The authenticated client (None in development mode); 405 or a bare 401 otherwise."""
        if method != allowed:
            raise HttpError(405, f"use {allowed} here", "not-supported")
        if self.config.development_mode:
            return None
        assert self.authenticator is not None
        self._sync_clients()
        try:
            claims = self.authenticator.verify(_header(headers, "Authorization"), base.rstrip("/") + path)
        except AuthError as error:
            log.info("CDS client authentication failed: %s", error)
            raise _Unauthorized from error
        return self.authenticator.client(str(claims["iss"]))

    def _sync_clients(self) -> None:
        """Pick up a changed clients file (keys, JWKS URLs, FHIR servers, languages) without a restart."""
        clients = self.registry.clients()
        if self.registry.version != self._clients_version:
            assert self.authenticator is not None
            self.authenticator.set_clients(clients)
            self._clients_version = self.registry.version

    # -- endpoints ---------------------------------------------------------------------------------

    def _call(
        self, service: ServiceDefinition, body: bytes, base: str, client: TrustedClient | None
    ) -> Response:
        request = parse_request(body, service.hook)
        if request.fhir_server:
            allowed = client.fhir_servers if client is not None else self.config.fhir_servers
            permitted = server_allowed(request.fhir_server, allowed)
            if not permitted:
                log.warning(
                    "fhirServer %s is not allowlisted for %s", request.fhir_server, client and client.iss
                )
            request = dataclasses.replace(request, fhir_server_allowed=permitted)
        env = hooks.HookEnv(
            guideline=self.guideline,
            terminology=self.terminology,
            links=Links(self.config.app_base_url or base),
            fetcher=self.fetcher,
            today=self.today(),
            texts=self._texts(self._language(client)),
        )
        issued = service.handler(request, env)
        if issued:
            now = dt.datetime.now(dt.UTC)
            self.store.record_cards(
                [
                    IssuedCard(i.card["uuid"], service.id, request.hook_instance, i.recommendation, now)
                    for i in issued
                ]
            )
        return json_response(200, {"cards": [i.card for i in issued]})

    @staticmethod
    def _language(client: TrustedClient | None) -> str:
        return client.language if client is not None else DEFAULT_LANGUAGE

    def _texts(self, language: str) -> CardTexts:
        """Card texts per language, built once."""
        found = self._card_texts.get(language)
        if found is None:
            found = self._card_texts[language] = card_texts(self.guideline, language, self.pack_dir)
        return found

    def _feedback(self, service: ServiceDefinition, body: bytes) -> Response:
        items = parse_feedback(service.id, body)
        self.store.add_feedback(items)
        return json_response(200, {})

    def _cors(self, origin: str | None) -> dict[str, str]:
        allowed = self.config.cors_origins
        headers = {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Authorization",
            "Access-Control-Max-Age": "600",
        }
        if "*" in allowed:
            headers["Access-Control-Allow-Origin"] = "*"
        elif origin and origin in allowed:
            headers["Access-Control-Allow-Origin"] = origin
            headers["Vary"] = "Origin"
        return headers


class _Unauthorized(HttpError):
    def __init__(self) -> None:
        super().__init__(401, "")

    def response(self) -> Response:
        return Response(401, {"WWW-Authenticate": "Bearer"})


_default: CdsService | None = None


def default_service() -> CdsService:
    """A process-wide service over the bundled pack with default configuration (JWT required)."""
    global _default
    if _default is None:
        from gradeline.content.pack import cached_pack

        _default = CdsService(cached_pack())
    return _default


def handle(method: str, path: str, headers: Mapping[str, str], body: bytes, base_url: str) -> Response:
    """Answer one request with the default service (see :class:`CdsService` to configure one)."""
    return default_service().handle(method, path, headers, body, base_url)


def configure(
    config: ServiceConfig | Mapping[str, Any],
    store: FeedbackStore | None = None,
    replay: ReplayGuard | None = None,
) -> CdsService:
    """Replace the default service (e.g. from Django settings, with database-backed feedback and replay)."""
    global _default
    from gradeline.content.pack import cached_pack

    settings = config if isinstance(config, ServiceConfig) else ServiceConfig.from_mapping(config)
    _default = CdsService(cached_pack(), settings, store=store or InMemoryFeedbackStore(), replay=replay)
    return _default
