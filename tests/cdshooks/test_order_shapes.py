"""Shapes of orders and prefetch an EHR may send: a Medication prefetched on its own, null or entry-less
prefetch Bundles, a reasonCode that is not a list (each must still give the card the order calls for)."""

from typing import Any

import pytest

from tests.cdshooks.conftest import Call
from tests.cdshooks.examples import ATC, PATIENT_ID, epic_order_sign, imaging_order
from tests.cdshooks.test_card_contents import only_card

SIGN = "/cds-services/nkr-lrs-order-sign"
OXYCODONE = {
    "resourceType": "Medication",
    "id": "m9",
    "code": {"coding": [{"system": ATC, "code": "N02AA05"}]},
}


def opioid_by_reference() -> dict[str, Any]:
    return {
        "resourceType": "MedicationRequest",
        "id": "mr9",
        "status": "draft",
        "intent": "order",
        "medicationReference": {"reference": "Medication/m9"},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
    }


@pytest.mark.parametrize(
    "others",
    [
        {},
        {"encounter": None},
        {"medications": {"resourceType": "Bundle", "type": "searchset"}},
        {"medications": {"resourceType": "Bundle", "type": "searchset", "entry": 5}},
    ],
    ids=["alone", "next-to-null", "next-to-a-bundle-without-entries", "next-to-a-malformed-bundle"],
)
def test_a_medication_prefetched_on_its_own_resolves_the_reference(
    call: Call, others: dict[str, Any]
) -> None:
    request = epic_order_sign(opioid_by_reference())
    request["prefetch"].update({"medication": OXYCODONE, **others})
    card = only_card(call(SIGN, request))
    assert card["source"]["topic"]["code"] == "opioider"


def test_a_reason_code_that_is_not_a_list_is_ignored(call: Call) -> None:
    """An STU3 ProcedureRequest is not validated as R4; one CodeableConcept instead of a list is skipped."""
    order = {**imaging_order(oid="pr1"), "resourceType": "ProcedureRequest"}
    order["reasonCode"] = order["reasonCode"][0]
    card = only_card(call(SIGN, epic_order_sign(order)))
    assert card["indicator"] == "warning"


def test_a_medication_referenced_by_the_full_url_of_its_prefetched_bundle_entry(call: Call) -> None:
    """Entries without a resource or that are not objects are skipped; the reference names the fullUrl."""
    order = {**opioid_by_reference(), "medicationReference": {"reference": "urn:uuid:5e1f"}}
    request = epic_order_sign(order)
    entries = [
        None,
        {"fullUrl": "urn:uuid:0000"},
        {"fullUrl": "urn:uuid:5e1f", "resource": {**OXYCODONE, "id": "x"}},
    ]
    request["prefetch"]["medications"] = {"resourceType": "Bundle", "type": "searchset", "entry": entries}
    assert only_card(call(SIGN, request))["source"]["topic"]["code"] == "opioider"


@pytest.mark.parametrize("kind", ["ProcedureRequest", "DiagnosticOrder"])
def test_older_fhir_imaging_orders_get_the_card(call: Call, kind: str) -> None:
    order = {**imaging_order(oid="o1"), "resourceType": kind}
    assert only_card(call(SIGN, epic_order_sign(order)))["source"]["topic"]["code"] == "billeddiagnostik"
