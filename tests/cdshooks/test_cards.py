"""Hooks and cards (§CDS Service Response, §Card Attributes, hook definitions in HL7/cds-hooks-library)."""

from typing import Any

import pytest

from gradeline.model import Guideline
from tests.cdshooks.conftest import Call
from tests.cdshooks.examples import (
    ATC,
    LBP,
    RED_FLAG,
    RXNORM,
    SKS,
    SNOMED,
    condition,
    epic_order_sign,
    imaging_order,
    medication_order,
    patient_view,
    prefetch,
    sandbox_order_select,
)

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
SELECT = "/cds-services/nkr-lrs-order-select"
VIEW = "/cds-services/nkr-lrs-patient-view"


def cards(reply: Any) -> list[dict[str, Any]]:
    assert reply.status == 200, reply.body
    found: list[dict[str, Any]] = reply.json()["cards"]
    return found


def assert_common(card: dict[str, Any]) -> None:
    assert len(card["summary"]) < 140
    assert card["source"]["label"] and "ikke gældende" in card["source"]["label"]
    assert "Ikke gældende" in card["detail"]
    assert card["uuid"]
    assert any("/anbefalinger/" in link["url"] for link in card["links"]) or card["source"]["url"]


@spec("order-sign; §Card Attributes")
def test_lumbar_mri_for_new_onset_lbp_gets_a_warning_quoting_chapter_6(
    call: Call, guideline: Guideline, check_response: Any
) -> None:
    reply = call(SIGN, epic_order_sign())
    check_response(reply.json())
    [card] = cards(reply)
    assert_common(card)
    rec = guideline.recommendation("billeddiagnostik")
    assert card["indicator"] == "warning"
    assert rec.text in card["detail"] and rec.label in card["detail"]
    assert card["source"]["url"].endswith("/anbefalinger/billeddiagnostik/")
    delete = card["suggestions"][0]["actions"][0]
    assert delete == {
        "type": "delete",
        "description": delete["description"],
        "resourceId": "ServiceRequest/eSR123",
    }
    assert card["suggestions"][0]["isRecommended"] is True
    labels = " ".join(s["label"] for s in card["suggestions"])
    assert "patientuddannelse" in labels and "træning" in labels
    reasons = {r["code"] for r in card["overrideReasons"]}
    assert reasons >= {
        "suspected-fracture",
        "suspected-tumour",
        "suspected-infection",
        "progressive-nerve-root-compression",
        "listhesis",
        "other-serious-pathology",
        "patient-informed-insists",
    }
    assert all(r["display"] for r in card["overrideReasons"])


@spec("order-select; §Card Attributes")
def test_sandbox_order_select_judges_only_the_selected_orders(call: Call, check_response: Any) -> None:
    mri, xray = imaging_order(oid="sr-a"), imaging_order("24972-2", "http://loinc.org", oid="sr-b")
    request = sandbox_order_select(mri, xray)
    request["context"]["selections"] = ["ServiceRequest/sr-b"]
    reply = call(SELECT, request)
    check_response(reply.json())
    [card] = cards(reply)
    assert "røntgen" in card["summary"]
    assert card["suggestions"][0]["actions"][0]["resourceId"] == "ServiceRequest/sr-b"


@spec("order-sign")
@pytest.mark.parametrize(
    "findings",
    [
        [LBP, condition(RED_FLAG, "suspected-fracture", cid="rf")],
        [
            LBP,
            condition("https://gradeline.example/fhir/CodeSystem/nkr-lrs-red-flag-item", "fever", cid="rf"),
        ],
    ],
    ids=["chapter-6-trigger", "decide-red-flag-item"],
)
def test_no_card_when_a_red_flag_is_recorded(call: Call, findings: list[dict[str, Any]]) -> None:
    assert cards(call(SIGN, epic_order_sign(pre=prefetch(*findings)))) == []


@spec("order-sign")
def test_red_flag_as_the_orders_reason_code_also_silences_the_card(call: Call) -> None:
    order = imaging_order(oid="sr-rf")
    order["reasonCode"].append({"coding": [{"system": RED_FLAG, "code": "suspected-tumour"}]})
    assert cards(call(SIGN, epic_order_sign(order))) == []


@spec("order-sign")
@pytest.mark.parametrize(
    ("findings", "birth"),
    [
        ([condition(SNOMED, "279039007", onset="2023-06-01")], "1979-04-12"),  # > 12 weeks
        ([condition(SNOMED, "278860009")], "1979-04-12"),  # chronic LBP
        (
            [LBP, condition("http://hl7.org/fhir/sid/icd-10", "M54.1", cid="rad")],
            "1979-04-12",
        ),  # radiculopathy
        ([LBP], "2010-01-01"),  # 14 years old
        ([condition(SNOMED, "22298006")], "1979-04-12"),  # no LBP problem at all (myocardial infarction)
    ],
    ids=["over-12-weeks", "chronic", "radiculopathy", "age-14", "no-lbp"],
)
def test_no_card_when_out_of_scope(call: Call, findings: list[dict[str, Any]], birth: str) -> None:
    request = epic_order_sign(pre=prefetch(*findings, birth=birth))
    request["context"]["draftOrders"]["entry"][0]["resource"].pop("reasonCode")
    assert cards(call(SIGN, request)) == []


@spec("order-sign")
def test_unknown_onset_gives_an_info_card_not_a_warning(call: Call) -> None:
    request = epic_order_sign(pre=prefetch(condition(SKS, "DM545", onset=None)))
    [card] = cards(call(SIGN, request))
    assert card["indicator"] == "info"
    assert "varighed ukendt" in card["detail"].lower()


@spec("order-sign; §Card Attributes")
@pytest.mark.parametrize(
    ("system", "code", "rec_id"),
    [
        (ATC, "N02AX02", "opioider"),  # tramadol
        (ATC, "N02AA05", "opioider"),  # oxycodone, by the N02A prefix
        (RXNORM, "7804", "opioider"),
        (ATC, "M01AE01", "nsaid"),  # ibuprofen
        (ATC, "N02BE01", "paracetamol"),
    ],
)
def test_analgesic_orders_get_the_weak_against_card_with_practical_advice(
    call: Call, guideline: Guideline, check_response: Any, system: str, code: str, rec_id: str
) -> None:
    reply = call(SIGN, epic_order_sign(medication_order(code, system, oid="m1")))
    check_response(reply.json())
    [card] = cards(reply)
    assert_common(card)
    rec = guideline.recommendation(rec_id)
    assert rec.text in card["detail"]
    for paragraph in rec.practical_advice:
        assert paragraph in card["detail"]
    assert card["suggestions"][0]["actions"][0] == {
        "type": "delete",
        "description": card["suggestions"][0]["actions"][0]["description"],
        "resourceId": "MedicationRequest/m1",
    }
    assert card["overrideReasons"] and all(r["display"] for r in card["overrideReasons"])
    assert card["indicator"] == ("warning" if rec_id == "opioider" else "info")


@spec("order-sign")
def test_unrelated_orders_get_no_cards_and_need_no_prefetch(call: Call) -> None:
    request = epic_order_sign(medication_order("C10AA05", ATC))  # atorvastatin
    del request["prefetch"]
    assert cards(call(SIGN, request)) == []


@spec("patient-view; §Card Attributes")
def test_patient_view_info_card_links_to_overview_and_decision_support(
    call: Call, check_response: Any
) -> None:
    reply = call(VIEW, patient_view())
    check_response(reply.json())
    [card] = cards(reply)
    assert_common(card)
    assert card["indicator"] == "info"
    urls = [link["url"] for link in card["links"]]
    assert "https://gradeline.example/" in urls
    assert "https://gradeline.example/beslutningsstoette/" in urls
    assert "Svag anbefaling mod" in card["detail"]


@spec("patient-view")
@pytest.mark.parametrize("code", [("http://hl7.org/fhir/sid/icpc-2", "L03"), (SKS, "DM545")])
def test_patient_view_accepts_icpc2_and_sks_codes(call: Call, code: tuple[str, str]) -> None:
    assert len(cards(call(VIEW, patient_view(prefetch(condition(*code)))))) == 1


@spec("patient-view")
def test_patient_view_without_lbp_gives_no_card(call: Call) -> None:
    assert cards(call(VIEW, patient_view(prefetch()))) == []


@spec("patient-view")
def test_resolved_or_refuted_problems_do_not_count(call: Call) -> None:
    resolved = condition(SNOMED, "279039007")
    resolved["clinicalStatus"]["coding"][0]["code"] = "resolved"
    assert cards(call(VIEW, patient_view(prefetch(resolved)))) == []


@spec("§CDS Service Response")
def test_every_card_carries_unique_uuids(call: Call) -> None:
    request = epic_order_sign(imaging_order(oid="a"), medication_order(oid="b"))
    found = cards(call(SIGN, request))
    ids = [c["uuid"] for c in found] + [s["uuid"] for c in found for s in c["suggestions"]]
    assert len(found) == 2 and len(set(ids)) == len(ids)
