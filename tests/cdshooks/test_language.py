"""Cards in the language configured per client (issue 13): Danish by default, English from the pack."""

import json
from typing import Any

import pytest

from gradeline.cdshooks.auth import TrustedClient
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.service import CdsService
from gradeline.content.translations import cached_translations
from gradeline.model import Guideline
from tests.cdshooks.client import CdsClient, jwks, rs384_key
from tests.cdshooks.conftest import BASE, TODAY
from tests.cdshooks.ehr_payloads import epic_mri, epic_opioid_contained, epic_order_sign

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
DANISH, ENGLISH = "https://ehr.dk.test", "https://ehr.en.test"


@pytest.fixture
def two_clients(guideline: Guideline) -> tuple[CdsService, CdsClient, CdsClient]:
    key = rs384_key("lang")
    clients = (
        TrustedClient(DANISH, jwks=jwks(key)),  # no language: Danish
        TrustedClient(ENGLISH, jwks=jwks(key), language="en"),
    )
    service = CdsService(guideline, ServiceConfig(clients=clients, fhir_fetch=False), today=lambda: TODAY)
    return service, CdsClient(key, DANISH), CdsClient(key, ENGLISH)


def _cards(service: CdsService, client: CdsClient) -> list[dict[str, Any]]:
    body = json.dumps(epic_order_sign(epic_mri(), epic_opioid_contained())).encode()
    reply = service.handle("POST", SIGN, client.auth(BASE + SIGN), body, BASE)
    assert reply.status == 200, reply.body
    found: list[dict[str, Any]] = reply.json()["cards"]
    return found


@spec("issue 13: cards in the client's language")
def test_english_client_gets_english_cards_from_the_pack_translation(
    two_clients: tuple[CdsService, CdsClient, CdsClient], guideline: Guideline, check_response: Any
) -> None:
    service, _, english = two_clients
    found = _cards(service, english)
    check_response({"cards": found})
    en = cached_translations()
    imaging, opioid = found
    rec = guideline.recommendation("billeddiagnostik")
    assert imaging["summary"].startswith("Routine MRI is advised against")
    assert en.get("recommendations/billeddiagnostik/text") in imaging["detail"]
    assert rec.text not in imaging["detail"]  # the Danish original is not mixed in
    assert "Unofficial English translation" in imaging["detail"]
    assert "not in force" in imaging["source"]["label"] and "ikke gældende" in imaging["source"]["label"]
    assert "Patient informed and still wants the examination" in [
        r["display"] for r in imaging["overrideReasons"]
    ]
    for i in range(len(guideline.recommendation("opioider").practical_advice)):
        assert en.get(f"recommendations/opioider/practical_advice/{i}") in opioid["detail"]
    assert opioid["summary"].startswith("Opioids: only after careful consideration")


@spec("issue 13: Danish by default")
def test_a_client_without_a_language_gets_danish(
    two_clients: tuple[CdsService, CdsClient, CdsClient], guideline: Guideline
) -> None:
    service, danish, _ = two_clients
    imaging, _ = _cards(service, danish)
    assert guideline.recommendation("billeddiagnostik").text in imaging["detail"]
    assert imaging["summary"].startswith("Rutinemæssig MR-scanning frarådes")


@spec("issue 13: discovery in the client's language")
def test_discovery_speaks_the_clients_language(two_clients: tuple[CdsService, CdsClient, CdsClient]) -> None:
    service, danish, english = two_clients
    path = "/cds-services"

    def titles(client: CdsClient) -> list[str]:
        reply = service.handle("GET", path, client.auth(BASE + path), b"", BASE)
        return [s["title"] for s in reply.json()["services"]]

    assert all(t.startswith("New-onset low back pain") for t in titles(english))
    assert all(t.startswith("Nyopståede lænderygsmerter") for t in titles(danish))


@spec("issue 18: scope reasons in the client's language")
def test_an_unknown_age_is_explained_in_the_clients_language(
    two_clients: tuple[CdsService, CdsClient, CdsClient],
) -> None:
    service, danish, english = two_clients
    body = epic_order_sign(epic_mri())
    del body["prefetch"]["patient"]["birthDate"]

    def detail(client: CdsClient) -> str:
        reply = service.handle("POST", SIGN, client.auth(BASE + SIGN), json.dumps(body).encode(), BASE)
        assert reply.status == 200, reply.body
        (card,) = reply.json()["cards"]
        return str(card["detail"])

    assert "Age unknown – the guideline covers only patients over 16." in detail(english)
    assert "Alder ukendt" not in detail(english)
    assert "Alder ukendt – retningslinjen omfatter kun patienter over 16 år." in detail(danish)
