"""CDS Hooks and FHIR mounted in the app: the same service through Django, feedback kept in the database."""

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from django.test import Client

from gradeline.web.cds.models import Feedback, IssuedCard
from gradeline.web.cds.setup import configure_service
from tests.cdshooks.client import EPIC_ISS, CdsClient, jwks, rs384_key
from tests.cdshooks.examples import SNOMED, condition, epic_order_sign, imaging_order, prefetch

HOST = "http://testserver"


@pytest.fixture
def epic_client(settings: pytest.FixtureRequest) -> Iterator[CdsClient]:
    key = rs384_key("epic-django")
    settings.GRADELINE_CDS_HOOKS = {"clients": [{"iss": EPIC_ISS, "jwks": jwks(key)}], "fhir_fetch": False}
    configure_service()
    yield CdsClient(key, EPIC_ISS, epic=True)
    settings.GRADELINE_CDS_HOOKS = {}
    configure_service()


def test_discovery_needs_a_token_by_default(client: Client) -> None:
    assert client.get("/nkr-laenderygsmerter/cds-services").status_code == 401


def test_preflight_passes_without_a_token(client: Client) -> None:
    response = client.options(
        "/nkr-laenderygsmerter/cds-services/nkr-lrs-order-sign",
        HTTP_ORIGIN="https://ehr.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert response.status_code in (200, 204)
    assert response["Access-Control-Allow-Origin"]


@pytest.mark.django_db
def test_order_sign_through_django_and_feedback_in_the_database(
    client: Client, epic_client: CdsClient
) -> None:
    discovery = client.get(
        "/nkr-laenderygsmerter/cds-services", **_auth(epic_client, "/nkr-laenderygsmerter/cds-services")
    )
    assert discovery.status_code == 200
    assert {s["id"] for s in discovery.json()["services"]} >= {"nkr-lrs-order-sign"}

    path = "/nkr-laenderygsmerter/cds-services/nkr-lrs-order-sign"
    onset = (dt.date.today() - dt.timedelta(days=10)).isoformat()  # the service reads the real date here
    body = epic_order_sign(imaging_order(), pre=prefetch(condition(SNOMED, "279039007", onset=onset)))
    answer = client.post(path, json.dumps(body), content_type="application/json", **_auth(epic_client, path))
    assert answer.status_code == 200, answer.content
    cards = answer.json()["cards"]
    assert cards and "ikke gældende" in cards[0]["source"]["label"].lower()
    assert IssuedCard.objects.filter(uuid=cards[0]["uuid"]).exists()

    feedback_path = path + "/feedback"
    reason = cards[0]["overrideReasons"][0]
    feedback = {
        "feedback": [
            {
                "card": cards[0]["uuid"],
                "outcome": "overridden",
                "overrideReason": {"reason": reason},
                "outcomeTimestamp": "2024-03-01T10:00:00Z",
            }
        ]
    }
    stored = client.post(
        feedback_path,
        json.dumps(feedback),
        content_type="application/json",
        **_auth(epic_client, feedback_path),
    )
    assert stored.status_code == 200, stored.content
    saved = Feedback.objects.get(card_uuid=cards[0]["uuid"])
    assert (saved.outcome, saved.override_reason_code) == ("overridden", reason["code"])


def _auth(who: CdsClient, path: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": who.auth(HOST + path)["Authorization"]}


def test_fhir_bundles_and_resources(client: Client) -> None:
    r5 = client.get("/nkr-laenderygsmerter/fhir/R5/")
    assert r5.status_code == 200 and r5["Content-Type"].startswith("application/fhir+json")
    evidence = client.get("/nkr-laenderygsmerter/fhir/R5/Evidence").json()
    assert evidence["type"] == "searchset" and evidence["total"] >= 30
    first = evidence["entry"][0]["resource"]
    one = client.get(f"/nkr-laenderygsmerter/fhir/R5/Evidence/{first['id']}")
    assert one.json()["id"] == first["id"]
    plans = client.get("/nkr-laenderygsmerter/fhir/R4B/PlanDefinition").json()
    assert plans["total"] == 10


def test_fhir_unknown_resource_is_404_operation_outcome(client: Client) -> None:
    missing = client.get("/nkr-laenderygsmerter/fhir/R5/Evidence/no-such-id")
    assert missing.status_code == 404
    assert missing.json()["resourceType"] == "OperationOutcome"
    assert client.get("/nkr-laenderygsmerter/fhir/R5/Nonsense").status_code == 404


@pytest.mark.parametrize(("version", "fhir_version"), [("R5", "5.0.0"), ("R4B", "4.3.0")])
def test_fhir_metadata_is_a_capability_statement(client: Client, version: str, fhir_version: str) -> None:
    statement = client.get(f"/nkr-laenderygsmerter/fhir/{version}/metadata")
    assert statement.status_code == 200 and statement["Content-Type"].startswith("application/fhir+json")
    body = statement.json()
    assert body["resourceType"] == "CapabilityStatement" and body["fhirVersion"] == fhir_version
    served = {r["type"] for r in body["rest"][0]["resource"]}
    assert ("PlanDefinition" in served and "Measure" in served) if version == "R4B" else "Evidence" in served
