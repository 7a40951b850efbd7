"""Real-client quirks (reference/cds-hooks.md §2), prefetch semantics (§Prefetch Template) and errors."""

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import pytest

from gradeline.cdshooks.service import CdsService
from tests.cdshooks.conftest import BASE, Call
from tests.cdshooks.examples import (
    LBP,
    PATIENT_ID,
    epic_order_sign,
    patient,
    patient_view,
    sandbox_order_select,
)

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
SELECT = "/cds-services/nkr-lrs-order-select"
VIEW = "/cds-services/nkr-lrs-patient-view"


def outcome(reply: Any, status: int) -> str:
    assert reply.status == status, reply.body
    body = reply.json()
    assert body["resourceType"] == "OperationOutcome"
    return str(body["issue"][0]["diagnostics"])


@spec("quirk 1: draftOrders Bundle without type")
def test_draft_orders_bundle_without_type_is_accepted(call: Call) -> None:
    request = sandbox_order_select()
    assert "type" not in request["context"]["draftOrders"]
    assert len(call(SELECT, request).json()["cards"]) == 1


@spec("§Extensions; robustness")
def test_unknown_members_are_ignored(call: Call) -> None:
    request = epic_order_sign()
    request["somethingNew"] = {"a": 1}
    request["context"]["vendorField"] = [1, 2]
    request["context"]["draftOrders"]["entry"][0]["resource"]["vendorThing"] = True
    assert len(call(SIGN, request).json()["cards"]) == 1


@spec("quirk 3: DSTU2 MedicationOrder")
def test_dstu2_medication_order_is_judged_like_a_medication_request(call: Call) -> None:
    order = {
        "resourceType": "MedicationOrder",
        "id": "mo1",
        "status": "draft",
        "medicationCodeableConcept": {"coding": [{"system": "http://www.whocc.no/atc", "code": "N02AX02"}]},
    }
    assert len(call(SIGN, epic_order_sign(order)).json()["cards"]) == 1


@spec("§Prefetch Template: null means nothing found")
def test_null_prefetch_means_nothing_found(call: Call) -> None:
    request = patient_view({"patient": patient(), "conditions": None})
    assert call(VIEW, request).json() == {"cards": []}


@spec("§Prefetch Template: absent means not satisfied -> 412")
def test_absent_prefetch_without_fhir_server_is_412(call: Call) -> None:
    request = patient_view({"patient": patient()})
    assert "conditions" in outcome(call(VIEW, request), 412)


@spec("§Prefetch Template: OperationOutcome")
def test_operation_outcome_in_prefetch_is_treated_as_missing(call: Call) -> None:
    failed = {"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "timeout"}]}
    request = patient_view({"patient": patient(), "conditions": failed})
    outcome(call(VIEW, request), 412)


EPIC_FHIR = "https://fhir.epic.example/api/FHIR/R4"


@spec("§Prefetch Template: fetch what was not prefetched")
def test_absent_prefetch_is_fetched_from_the_fhir_server_with_the_access_token(service: CdsService) -> None:
    reads: list[tuple[str, str, str | None]] = []

    def fake(server: str, path: str, token: str | None) -> Mapping[str, Any] | None:
        reads.append((server, path, token))
        if path.startswith("Patient/"):
            return patient()
        return {"resourceType": "Bundle", "entry": [{"resource": LBP}]}

    service.fetcher = fake
    service.config = replace(
        service.config, development_mode=True, fhir_servers=(EPIC_FHIR,)
    )  # auth: test_auth
    request = epic_order_sign()  # carries fhirServer and fhirAuthorization
    del request["prefetch"]
    reply = service.handle("POST", SIGN, {}, json.dumps(request).encode(), BASE)
    assert reply.status == 200 and len(reply.json()["cards"]) == 1
    assert (
        "https://fhir.epic.example/api/FHIR/R4",
        f"Patient/{PATIENT_ID}",
        "opaque-access-token",
    ) in reads
    assert (
        "https://fhir.epic.example/api/FHIR/R4",
        f"Condition?patient={PATIENT_ID}",
        "opaque-access-token",
    ) in reads


@spec("§Prefetch Template: fetch failure -> 412")
def test_fetch_failure_is_412(service: CdsService) -> None:
    def broken(server: str, path: str, token: str | None) -> Mapping[str, Any] | None:
        raise OSError("connection refused")

    service.fetcher = broken
    service.config = replace(service.config, development_mode=True, fhir_servers=(EPIC_FHIR,))
    request = epic_order_sign()
    del request["prefetch"]
    outcome(service.handle("POST", SIGN, {}, json.dumps(request).encode(), BASE), 412)


@spec("§Calling a CDS Service: malformed -> 400 with OperationOutcome")
@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"[]", "JSON object"),
        (b'{"hook": "order-sign", "context": {}}', "hookInstance"),
        (
            b'{"hook": "patient-view", "hookInstance": "x", "context": {"userId": "P/1", "patientId": "1"}}',
            "order-sign",
        ),
        (
            b'{"hook": "order-sign", "hookInstance": "x", "context": {"userId": "P/1", "patientId": "1"}}',
            "draftOrders",
        ),
        (
            b'{"hook": "order-sign", "hookInstance": "x", "fhirAuthorization": {"access_token": "t"},'
            b' "context": {"userId": "P/1", "patientId": "1", "draftOrders": {}}}',
            "cds-r-1",
        ),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_malformed_bodies_are_400_with_an_operation_outcome(call: Call, raw: bytes, fragment: str) -> None:
    assert fragment in outcome(call(SIGN, raw=raw), 400)


@spec("§Calling a CDS Service: malformed -> 400")
def test_invalid_r4_order_is_400(call: Call) -> None:
    request = epic_order_sign()
    del request["context"]["draftOrders"]["entry"][0]["resource"]["status"]
    assert "ServiceRequest/eSR123" in outcome(call(SIGN, request), 400)


@spec("robustness: never a 500")
def test_unexpected_errors_are_not_500(
    service: CdsService, call: Call, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gradeline.cdshooks import hooks

    def boom(*args: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(hooks, "draft_orders", boom)
    reply = call(SIGN, epic_order_sign())
    assert reply.status == 503 and reply.json()["resourceType"] == "OperationOutcome"


@spec("§Discovery")
def test_unknown_service_and_wrong_method(call: Call) -> None:
    outcome(call("/cds-services/nope", epic_order_sign()), 404)
    outcome(call(SIGN, method="GET"), 405)
