"""The jti replay cache is in the database (issue 13): a token is accepted once across workers, restarts."""

import json

import pytest

from gradeline.cdshooks.auth import TrustedClient
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.service import CdsService
from gradeline.content.pack import cached_pack
from gradeline.web.cds.models import SeenToken
from gradeline.web.cds.store import DatabaseFeedbackStore, DatabaseReplayCache
from tests.cdshooks.client import EPIC_ISS, CdsClient, jwks, rs384_key
from tests.cdshooks.examples import epic_order_sign

BASE = "https://cds.gradeline.example"
PATH = "/cds-services/nkr-lrs-order-sign"


def _worker(key_jwks: dict[str, object]) -> CdsService:
    """One worker process's service: its own memory, the shared database."""
    config = ServiceConfig(clients=(TrustedClient(EPIC_ISS, jwks=key_jwks),), fhir_fetch=False)
    return CdsService(cached_pack(), config, store=DatabaseFeedbackStore(), replay=DatabaseReplayCache())


@pytest.mark.django_db
def test_a_replayed_token_is_refused_by_another_worker_and_after_a_restart() -> None:
    key = rs384_key("replay")
    client = CdsClient(key, EPIC_ISS, epic=True)
    headers = client.auth(BASE + PATH)
    body = json.dumps(epic_order_sign()).encode()
    first, second = _worker(jwks(key)), _worker(jwks(key))
    assert first.handle("POST", PATH, headers, body, BASE).status == 200
    assert second.handle("POST", PATH, headers, body, BASE).status == 401
    restarted = _worker(jwks(key))
    assert restarted.handle("POST", PATH, headers, body, BASE).status == 401
    assert first.handle("POST", PATH, client.auth(BASE + PATH), body, BASE).status == 200  # a fresh jti


@pytest.mark.django_db
def test_expired_entries_are_purged_and_do_not_block() -> None:
    cache = DatabaseReplayCache()
    assert cache.first_use("iss", "j1", expires=100.0, now=50.0)
    assert not cache.first_use("iss", "j1", expires=100.0, now=60.0)
    assert cache.first_use("iss", "j2", expires=300.0, now=200.0)  # purge runs: j1 expired
    assert not SeenToken.objects.filter(jti="j1").exists()
