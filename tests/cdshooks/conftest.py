"""Fixtures: keys generated at test time, a JWKS served in-process, a configured service and a signing client.

Tests are tagged with the spec section they verify: ``@pytest.mark.spec("§Trusting CDS Clients")``.
"""

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from gradeline.cdshooks.auth import Authenticator, AuthError, JwksCache, TrustedClient
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.feedback import InMemoryFeedbackStore
from gradeline.cdshooks.http import Response
from gradeline.cdshooks.schemas import NAMES, invariant_errors, schema
from gradeline.cdshooks.service import CdsService
from gradeline.model import Guideline
from tests.cdshooks.client import (
    EPIC_ISS,
    SANDBOX_ISS,
    SANDBOX_JKU,
    CdsClient,
    SigningKey,
    es384_key,
    jwks,
    rs384_key,
)

BASE = "https://cds.gradeline.example"
TODAY = dt.date(2024, 3, 1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "spec(section): the CDS Hooks 2.0 section (or reference item) verified"
    )


@pytest.fixture(scope="session")
def sandbox_key() -> SigningKey:
    return es384_key("sandbox-es384")


@pytest.fixture(scope="session")
def epic_key() -> SigningKey:
    return rs384_key("epic-rs384")


class FakeJwksHost:
    """An in-process JWKS fetcher: URL -> JWK Set, counting fetches."""

    def __init__(self, documents: dict[str, Mapping[str, Any]]) -> None:
        self.documents = documents
        self.fetches: list[str] = []

    def __call__(self, url: str) -> Mapping[str, Any]:
        self.fetches.append(url)
        if url not in self.documents:
            raise AuthError("not found")
        return self.documents[url]


@pytest.fixture
def jwks_host(sandbox_key: SigningKey) -> FakeJwksHost:
    return FakeJwksHost({SANDBOX_JKU: jwks(sandbox_key)})


@pytest.fixture
def store() -> InMemoryFeedbackStore:
    return InMemoryFeedbackStore()


@pytest.fixture
def service(
    guideline: Guideline, sandbox_key: SigningKey, epic_key: SigningKey, jwks_host: FakeJwksHost, store: Any
) -> CdsService:
    clients = (
        TrustedClient(iss=SANDBOX_ISS, jku=(SANDBOX_JKU,)),
        TrustedClient(iss=EPIC_ISS, jwks=jwks(epic_key)),
    )
    config = ServiceConfig(clients=clients, app_base_url="https://gradeline.example", fhir_fetch=False)
    authenticator = Authenticator(clients, jwks_cache=JwksCache(jwks_host))
    return CdsService(guideline, config, store=store, authenticator=authenticator, today=lambda: TODAY)


@pytest.fixture
def sandbox(sandbox_key: SigningKey) -> CdsClient:
    return CdsClient(sandbox_key, SANDBOX_ISS, jku=SANDBOX_JKU)


@pytest.fixture
def epic(epic_key: SigningKey) -> CdsClient:
    return CdsClient(epic_key, EPIC_ISS, epic=True)


Call = Callable[..., Response]


@pytest.fixture
def call(service: CdsService, sandbox: CdsClient) -> Call:
    """POST/GET through handle() with a fresh sandbox token for the exact URL (or client=/headers=)."""

    def go(
        path: str,
        body: Any = None,
        method: str | None = None,
        client: CdsClient | None = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Response:
        who = client or sandbox
        verb = method or ("GET" if body is None and raw is None else "POST")
        sent = headers if headers is not None else who.auth(BASE + path)
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        return service.handle(verb, path, sent, data, BASE)

    return go


@pytest.fixture(scope="session")
def validators() -> dict[str, jsonschema.protocols.Validator]:
    registry: Registry = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in NAMES
    )
    registry = registry.with_resources((f"{n}.schema.json", Resource.from_contents(schema(n))) for n in NAMES)
    return {
        n: jsonschema.Draft202012Validator(
            schema(n), registry=registry, format_checker=jsonschema.FormatChecker()
        )
        for n in NAMES
    }


@pytest.fixture
def check_response(validators: dict[str, Any]) -> Callable[[Any], None]:
    def check(payload: Any) -> None:
        errors = [e.message for e in validators["response"].iter_errors(payload)]
        assert not errors, errors
        assert not invariant_errors(payload), invariant_errors(payload)

    return check
