"""Real EHR data (issue 13): red flags and orders in the codes EHRs send, medicationReference, sciatica.

Payloads: tests/cdshooks/ehr_payloads.py (Epic-style R4 and Danish core profiles).
"""

from typing import Any

import pytest

from tests.cdshooks.conftest import Call
from tests.cdshooks.ehr_payloads import (
    ATC,
    DK_LBP,
    EPIC_LBP,
    ICD10,
    SKS_D,
    SNOMED,
    coding,
    dk_condition,
    dk_imaging,
    dk_observation,
    dk_order_select,
    epic_condition,
    epic_mri,
    epic_opioid_contained,
    epic_order_sign,
)
from tests.cdshooks.test_cards import cards

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
SELECT = "/cds-services/nkr-lrs-order-select"
VIEW = "/cds-services/nkr-lrs-patient-view"

RED_FLAGS = [
    (SNOMED, "192970008"),  # cauda equina syndrome
    (SNOMED, "363346000"),  # malignant neoplastic disease
    (SKS_D, "DG834"),  # SKS cauda equina
    (SKS_D, "DS320A"),  # SKS subcode of DS32 (fracture of lumbar spine)
    (SKS_D, "DC795+TUL1"),  # SKS subcode with an additional code (bone metastasis)
    (ICD10, "S32.0"),  # WHO ICD-10, dotted
    ("urn:oid:1.2.208.176.2.4", "DG834"),  # the SKS root OID some systems send
]


def _imaging_cards(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for c in found if c["source"]["topic"]["code"] == "billeddiagnostik"]


@spec("issue 13: red flags in real codes")
@pytest.mark.parametrize(("system", "code"), RED_FLAGS)
def test_a_coded_red_flag_condition_silences_the_imaging_card_on_order_sign(
    call: Call, system: str, code: str
) -> None:
    flag = epic_condition("eRF", [coding(system, code)], "encounter-diagnosis")
    assert cards(call(SIGN, epic_order_sign(conditions=[EPIC_LBP, flag]))) == []


@spec("issue 13: red flags in real codes")
@pytest.mark.parametrize(("system", "code"), RED_FLAGS)
def test_a_coded_red_flag_on_the_problem_list_silences_order_select(
    call: Call, system: str, code: str
) -> None:
    flag = dk_condition("dkRF", [coding(system, code)])
    flag["category"][0]["coding"][0]["code"] = "problem-list-item"
    assert cards(call(SELECT, dk_order_select(conditions=[DK_LBP, flag]))) == []


@spec("issue 13: red flags in Observations")
@pytest.mark.parametrize(
    "observation",
    [
        dk_observation("o1", [coding(SNOMED, "192970008", "Cauda equina syndrome")]),
        dk_observation(
            "o2", [coding(SNOMED, "404684003", "Clinical finding")], [coding(SNOMED, "363346000")]
        ),
    ],
    ids=["code", "valueCodeableConcept"],
)
def test_a_red_flag_observation_silences_the_imaging_card(call: Call, observation: dict[str, Any]) -> None:
    assert cards(call(SELECT, dk_order_select(observations=[observation]))) == []


@spec("issue 13: red flags anywhere")
def test_a_red_flag_condition_in_the_draft_bundle_silences_the_card(call: Call) -> None:
    request = epic_order_sign()
    flag = epic_condition("eRF2", [coding(SNOMED, "192970008")], "encounter-diagnosis")
    request["context"]["draftOrders"]["entry"].append({"resource": flag})
    assert cards(call(SIGN, request)) == []


@spec("issue 13: red flags anywhere")
def test_an_observation_stating_the_flag_is_absent_does_not_silence(call: Call) -> None:
    absent = dk_observation("o3", [coding(SNOMED, "192970008")], [coding(SNOMED, "2667000", "Absent")])
    assert len(_imaging_cards(cards(call(SELECT, dk_order_select(observations=[absent]))))) == 1


@spec("issue 13: red flags in patient-view")
def test_patient_view_with_a_coded_red_flag_lists_no_recommendation(call: Call) -> None:
    request = epic_order_sign(
        conditions=[EPIC_LBP, epic_condition("eRF", [coding(SNOMED, "192970008")], "x")]
    )
    view = {
        "hook": "patient-view",
        "hookInstance": "2b1f0a8e-1d2c-4b3a-9e8f-7a6b5c4d3e2f",
        "context": {"userId": "Practitioner/e1", "patientId": request["context"]["patientId"]},
        "prefetch": request["prefetch"],
    }
    [card] = cards(call(VIEW, view))
    assert "Cauda equina syndrome" in card["detail"]
    assert "Tilbyd ikke" not in card["detail"] and "billeddiagnostisk" not in card["detail"].lower()


@spec("issue 13: SKS procedure codes")
@pytest.mark.parametrize("code", ["UXMC45", "UXRC45", "UXMC45A"])
def test_danish_radiology_order_with_an_sks_code_gets_the_imaging_card(call: Call, code: str) -> None:
    [card] = cards(call(SELECT, dk_order_select(dk_imaging(code))))
    assert card["source"]["topic"]["code"] == "billeddiagnostik"
    assert card["suggestions"][0]["actions"][0]["resourceId"] == "ServiceRequest/dkSR1"


@spec("issue 13: CT is not what chapter 6 names")
def test_a_lumbar_ct_order_gets_no_chapter_6_card(call: Call) -> None:
    assert cards(call(SELECT, dk_order_select(dk_imaging("UXCC45")))) == []


@spec("issue 13: medicationReference")
def test_opioid_as_medication_reference_to_a_contained_medication_gets_the_card(call: Call) -> None:
    [card] = cards(call(SIGN, epic_order_sign(epic_opioid_contained())))
    assert card["source"]["topic"]["code"] == "opioider"
    assert card["suggestions"][0]["actions"][0]["resourceId"] == "MedicationRequest/eMR77"


@spec("issue 13: medicationReference")
def test_medication_reference_resolved_in_the_draft_bundle_and_in_prefetch(call: Call) -> None:
    medication = {"resourceType": "Medication", "id": "m9", "code": {"coding": [coding(ATC, "N02AA05")]}}
    order = epic_opioid_contained("eMR78")
    del order["contained"]
    order["medicationReference"] = {"reference": "Medication/m9"}
    in_bundle = epic_order_sign(order)
    in_bundle["context"]["draftOrders"]["entry"].append({"fullUrl": "urn:uuid:m9", "resource": medication})
    assert [c["source"]["topic"]["code"] for c in cards(call(SIGN, in_bundle))] == ["opioider"]
    in_prefetch = epic_order_sign(order)
    in_prefetch["prefetch"]["medications"] = {"resourceType": "Bundle", "entry": [{"resource": medication}]}
    assert [c["source"]["topic"]["code"] for c in cards(call(SIGN, in_prefetch))] == ["opioider"]


@spec("issue 13: medicationReference")
def test_unresolvable_medication_reference_gets_no_card_and_no_error(call: Call) -> None:
    order = epic_opioid_contained()
    order["medicationReference"] = {"reference": "#missing"}
    assert cards(call(SIGN, epic_order_sign(order))) == []


@spec("issue 13: sciatica is leg radiation, in scope")
def test_sciatica_without_root_signs_keeps_the_patient_in_scope(call: Call) -> None:
    sciatica = epic_condition("eSci", [coding(SNOMED, "23056005", "Sciatica")], "problem-list-item")
    [card] = cards(call(SIGN, epic_order_sign(epic_mri(), conditions=[EPIC_LBP, sciatica])))
    assert card["indicator"] == "warning"


@spec("issue 13: radiculopathy is out of scope")
def test_coded_radiculopathy_takes_the_patient_out_of_scope(call: Call) -> None:
    radiculopathy = dk_condition("dkRad", [coding(SKS_D, "DM541")])
    assert cards(call(SELECT, dk_order_select(conditions=[DK_LBP, radiculopathy]))) == []
