"""Trust (issue 13): fhirServer allowlist per client, client configuration reloaded without a restart, JWKS by
jku over loopback HTTP with caching and kid rotation."""

import json
import threading
import time
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from gradeline.cdshooks.auth import Authenticator, JwksCache, TrustedClient, http_jwks_fetcher
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.devserver import serve_in_thread
from gradeline.cdshooks.service import CdsService
from gradeline.model import Guideline
from tests.cdshooks.client import CdsClient, SigningKey, es384_key, jwks, rs384_key
from tests.cdshooks.conftest import BASE, TODAY
from tests.cdshooks.ehr_payloads import EPIC_FHIR, epic_order_sign

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
ISS = "https://ehr.trust.test"


class SpyFetcher:
    """Records every FHIR read (server, path, token) and answers from the Epic-style prefetch."""

    def __init__(self, prefetch: Mapping[str, Any]) -> None:
        self.reads: list[tuple[str, str, str | None]] = []
        self.prefetch = prefetch

    def __call__(self, server: str, path: str, token: str | None) -> Mapping[str, Any] | None:
        self.reads.append((server, path, token))
        key = {"Patient": "patient", "Condition": "conditions", "Observation": "observations"}
        return self.prefetch[key[path.split("/")[0].split("?")[0]]]


def _service(guideline: Guideline, client: TrustedClient, fetcher: Any = None) -> CdsService:
    config = ServiceConfig(clients=(client,), fhir_fetch=False)
    return CdsService(guideline, config, fetcher=fetcher, today=lambda: TODAY)


def _post(service: CdsService, client: CdsClient, body: Any, path: str = SIGN) -> Any:
    return service.handle("POST", path, client.auth(BASE + path), json.dumps(body).encode(), BASE)


@spec("issue 13: fhirServer allowlist; cds-hooks best practices §FHIR Access")
def test_a_fhir_server_outside_the_allowlist_is_refused_and_gets_no_token(guideline: Guideline) -> None:
    key = rs384_key("allow")
    request = epic_order_sign()
    spy = SpyFetcher(request.pop("prefetch"))
    request["fhirServer"] = "https://attacker.example/fhir"
    service = _service(guideline, TrustedClient(ISS, jwks=jwks(key), fhir_servers=(EPIC_FHIR,)), spy)
    reply = _post(service, CdsClient(key, ISS), request)
    assert reply.status == 412
    assert "allowlist" in reply.json()["issue"][0]["diagnostics"]
    assert spy.reads == []  # nothing fetched: the access token went nowhere


@spec("issue 13: fhirServer allowlist")
def test_a_prefix_lookalike_host_is_not_allowlisted(guideline: Guideline) -> None:
    key = rs384_key("allow2")
    request = epic_order_sign()
    spy = SpyFetcher(request.pop("prefetch"))
    request["fhirServer"] = EPIC_FHIR + ".attacker.example"
    service = _service(guideline, TrustedClient(ISS, jwks=jwks(key), fhir_servers=(EPIC_FHIR,)), spy)
    assert _post(service, CdsClient(key, ISS), request).status == 412
    assert spy.reads == []


@spec("issue 13: fhirServer allowlist")
def test_an_allowlisted_fhir_server_is_read_with_the_access_token(guideline: Guideline) -> None:
    key = rs384_key("allow3")
    request = epic_order_sign()
    spy = SpyFetcher(request.pop("prefetch"))
    service = _service(guideline, TrustedClient(ISS, jwks=jwks(key), fhir_servers=(EPIC_FHIR,)), spy)
    reply = _post(service, CdsClient(key, ISS), request)
    assert reply.status == 200 and len(reply.json()["cards"]) == 1
    assert {(server, token) for server, _, token in spy.reads} == {(EPIC_FHIR, "epic-access-token")}


def _write_clients(path: Path, *clients: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump({"clients": list(clients)}), encoding="utf-8")


@spec("issue 13: client configuration reloadable without restart")
def test_clients_file_changes_take_effect_without_a_restart(guideline: Guideline, tmp_path: Path) -> None:
    old, new = es384_key("2024-a"), es384_key("2024-b")
    path = tmp_path / "cds-clients.yaml"
    _write_clients(path, {"iss": ISS, "jwks": jwks(old)})
    config = ServiceConfig(clients_file=str(path), clients_check_seconds=0, fhir_fetch=False)
    service = CdsService(guideline, config, today=lambda: TODAY)
    body = epic_order_sign()
    assert _post(service, CdsClient(old, ISS), body).status == 200
    assert _post(service, CdsClient(new, ISS), body).status == 401

    _write_clients(path, {"iss": ISS, "jwks": jwks(new)})  # the key rotated: old one withdrawn
    assert _post(service, CdsClient(new, ISS), body).status == 200
    assert _post(service, CdsClient(old, ISS), body).status == 401

    path.write_text("clients: [oops", encoding="utf-8")  # a broken edit keeps the last good list
    assert _post(service, CdsClient(new, ISS), body).status == 200
    _write_clients(path, {"iss": ISS, "jwks": {"no": "keys"}})  # so does a client without a key set
    assert _post(service, CdsClient(new, ISS), body).status == 200


@spec("issue 13: client configuration")
def test_a_bad_client_entry_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValueError, match="language"):
        ServiceConfig.from_mapping({"clients": [{"iss": ISS, "language": "fr"}]})
    with pytest.raises(ValueError, match="absolute URL"):
        ServiceConfig.from_mapping({"clients": [{"iss": ISS, "fhir_servers": ["fhir.example"]}]})
    with pytest.raises(ValueError, match="'keys' list"):
        ServiceConfig.from_mapping({"clients": [{"iss": ISS, "jwks": {"kty": "EC"}}]})


class JwksHost:
    """A JWKS served over loopback HTTP whose keys can be rotated; counts the fetches."""

    def __init__(self, *keys: SigningKey) -> None:
        self.document = jwks(*keys)
        self.fetches = 0
        host = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host.fetches += 1
                body = json.dumps(host.document).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/.well-known/jwks.json"


@pytest.fixture
def jwks_host() -> Iterator[JwksHost]:
    host = JwksHost(es384_key("k1"))
    serve_in_thread(host.server)
    yield host
    host.server.shutdown()
    threading.Event().wait(0)


@spec("§Trusting CDS Clients: jku allowlisted, JWKS cached, kid rotation")
def test_jku_jwks_is_cached_and_a_rotated_kid_is_fetched(guideline: Guideline, jwks_host: JwksHost) -> None:
    first, second = es384_key("k1"), es384_key("k2")
    jwks_host.document = jwks(first)
    clock = [1_000.0]
    client = TrustedClient(ISS, jku=(jwks_host.url,))
    cache = JwksCache(http_jwks_fetcher(), ttl=3600, min_refresh=30)
    authenticator = Authenticator((client,), jwks_cache=cache, clock=lambda: time.time() + clock[0] - 1_000.0)
    config = ServiceConfig(clients=(client,), fhir_fetch=False)
    service = CdsService(guideline, config, authenticator=authenticator, today=lambda: TODAY)
    body = epic_order_sign()
    for _ in range(3):
        assert _post(service, CdsClient(first, ISS, jku=jwks_host.url), body).status == 200
    assert jwks_host.fetches == 1  # cached

    jwks_host.document = jwks(first, second)  # the client publishes its next key, then signs with it
    assert (
        _post(service, CdsClient(second, ISS, jku=jwks_host.url), body).status == 401
    )  # refetch rate-limited
    clock[0] += 31
    assert _post(service, CdsClient(second, ISS, jku=jwks_host.url), body).status == 200
    assert jwks_host.fetches == 2

    other = "http://127.0.0.1:1/.well-known/jwks.json"  # not allowlisted for this iss: never fetched
    assert _post(service, CdsClient(second, ISS, jku=other), body).status == 401
    assert jwks_host.fetches == 2
