"""What each card says, word for word: summaries, suggestions, links, indicators and the recommendation a card
is logged under (texts from cds/cards.yaml; values a clinician or the feedback report would see)."""

import dataclasses
from typing import Any

import pytest

from gradeline.cdshooks.feedback import InMemoryFeedbackStore
from gradeline.cdshooks.service import CdsService
from gradeline.model import Guideline
from tests.cdshooks.conftest import Call
from tests.cdshooks.examples import (
    LBP,
    PATIENT_ID,
    RED_FLAG,
    SKS,
    condition,
    epic_order_sign,
    medication_order,
    patient_view,
    prefetch,
)

SIGN = "/cds-services/nkr-lrs-order-sign"
VIEW = "/cds-services/nkr-lrs-patient-view"
APP = "https://gradeline.example"
UNKNOWN_ONSET = prefetch(condition(SKS, "DM545", onset=None))


def only_card(reply: Any) -> dict[str, Any]:
    assert reply.status == 200, reply.body
    [card] = reply.json()["cards"]
    found: dict[str, Any] = card
    return found


def referral_subjects(card: dict[str, Any]) -> list[str]:
    return [
        a["resource"]["subject"]["reference"]
        for s in card["suggestions"]
        for a in s["actions"]
        if a["type"] == "create"
    ]


def test_patient_view_card_summary_links_and_log(call: Call, store: InMemoryFeedbackStore) -> None:
    card = only_card(call(VIEW, patient_view()))
    assert card["summary"] == (
        "Nyopståede lænderygsmerter: se plan og anbefalinger (NKR 2016, ikke gældende)"
    )
    assert card["links"] == [
        {"label": "Retningslinjen (oversigt)", "url": f"{APP}/", "type": "absolute"},
        {"label": "Beslutningsstøtte for patienten", "url": f"{APP}/beslutningsstoette/", "type": "absolute"},
    ]
    assert card["source"]["url"] == f"{APP}/anbefalinger/vanlig-aktivitet/"  # the plan's first recommendation
    assert store.cards[card["uuid"]].recommendation == "guideline"


def test_patient_view_plan_lists_one_recommendation_a_line(call: Call, guideline: Guideline) -> None:
    detail = only_card(call(VIEW, patient_view()))["detail"]
    first, second = guideline.recommendations[:2]
    lines = f"- **{first.label}:** {first.title}\n- **{second.label}:** {second.title}\n"
    assert lines in detail


def test_patient_view_names_every_recorded_red_flag(call: Call) -> None:
    flags = (
        condition(RED_FLAG, "suspected-fracture", cid="f"),
        condition(RED_FLAG, "suspected-tumour", cid="t"),
    )
    detail = only_card(call(VIEW, patient_view(prefetch(LBP, *flags))))["detail"]
    assert (
        "**Røde flag registreret:** Mistanke om fraktur/hvirvelsammenfald, Mistanke om tumor/metastase. "
        in detail
    )


def test_imaging_card_suggestions_in_full(call: Call, store: InMemoryFeedbackStore) -> None:
    card = only_card(call(SIGN, epic_order_sign()))
    assert card["summary"] == (
        "Rutinemæssig MR-scanning frarådes ved nyopståede lænderygsmerter uden røde flag (NKR, ikke gældende)"
    )
    assert [s["label"] for s in card["suggestions"]] == [
        "Fjern henvisningen til MR-scanning af lænden",
        "Henvis i stedet til patientuddannelse",
        "Henvis i stedet til superviseret træning",
    ]
    assert [s.get("isRecommended", False) for s in card["suggestions"]] == [True, False, False]
    assert referral_subjects(card) == [f"Patient/{PATIENT_ID}"] * 2
    assert card["selectionBehavior"] == "at-most-one"
    assert [link["url"] for link in card["links"]] == [
        f"{APP}/anbefalinger/billeddiagnostik/",
        f"{APP}/beslutningsstoette/",
    ]
    assert store.cards[card["uuid"]].recommendation == "billeddiagnostik"


def test_imaging_card_quotes_only_the_chosen_advice(call: Call, guideline: Guideline) -> None:
    """imaging.yaml card_advice [1, 3]: why imaging rarely helps and when it does, not paragraphs 0 and 2."""
    detail = only_card(call(SIGN, epic_order_sign()))["detail"]
    advice = guideline.recommendation("billeddiagnostik").practical_advice
    assert [paragraph in detail for paragraph in advice[:4]] == [False, True, False, True]


def with_extra(service: CdsService, value_set: str, extra: dict[str, Any]) -> None:
    """Give one of the service's value sets other ``extra`` settings (as another pack might)."""
    terminology = service.terminology
    if value_set == "imaging":
        service.terminology = dataclasses.replace(
            terminology, imaging=dataclasses.replace(terminology.imaging, extra=extra)
        )
    else:
        groups = tuple(
            dataclasses.replace(g, extra=extra) if g.id == value_set else g for g in terminology.analgesics
        )
        service.terminology = dataclasses.replace(terminology, analgesics=groups)


def test_imaging_card_of_a_pack_without_alternatives_or_chosen_advice(
    call: Call, service: CdsService, guideline: Guideline
) -> None:
    with_extra(service, "imaging", {"card_modalities": ["MR", "X-ray"]})
    card = only_card(call(SIGN, epic_order_sign()))
    assert [s["label"] for s in card["suggestions"]] == ["Fjern henvisningen til MR-scanning af lænden"]
    for paragraph in guideline.recommendation("billeddiagnostik").practical_advice:
        assert paragraph in card["detail"]


def test_imaging_card_skips_advice_the_chapter_does_not_have(
    call: Call, service: CdsService, guideline: Guideline
) -> None:
    advice = guideline.recommendation("billeddiagnostik").practical_advice
    with_extra(service, "imaging", {"card_advice": [0, len(advice)]})
    detail = only_card(call(SIGN, epic_order_sign()))["detail"]
    assert [paragraph in detail for paragraph in advice] == [True] + [False] * (len(advice) - 1)


def test_opioid_card_suggestions_in_full(call: Call, store: InMemoryFeedbackStore) -> None:
    card = only_card(call(SIGN, epic_order_sign(medication_order(oid="m1"))))
    assert card["summary"] == (
        "Opioider: kun efter nøje overvejelse ved nyopståede lænderygsmerter (NKR, ikke gældende)"
    )
    assert [s["label"] for s in card["suggestions"]] == [
        "Fjern ordinationen (Opioider)",
        "Fjern og henvis til superviseret træning",
    ]
    assert ["isRecommended" in s for s in card["suggestions"]] == [False, False]
    assert referral_subjects(card) == [f"Patient/{PATIENT_ID}"]
    assert card["selectionBehavior"] == "at-most-one"
    assert store.cards[card["uuid"]].recommendation == "opioider"


@pytest.mark.parametrize(("pre", "indicator"), [(None, "warning"), (UNKNOWN_ONSET, "info")])
def test_opioid_card_warns_only_when_the_patient_is_in_scope(
    call: Call, pre: dict[str, Any] | None, indicator: str
) -> None:
    card = only_card(call(SIGN, epic_order_sign(medication_order(oid="m1"), pre=pre)))
    assert card["indicator"] == indicator


def test_analgesic_group_without_indicator_or_alternative_gives_a_plain_info_card(
    call: Call, service: CdsService
) -> None:
    with_extra(service, "opioids", {})
    card = only_card(call(SIGN, epic_order_sign(medication_order(oid="m1"))))
    assert card["indicator"] == "info"
    assert [s["label"] for s in card["suggestions"]] == ["Fjern ordinationen (Opioider)"]


def paragraphs(card: dict[str, Any]) -> list[str]:
    found: list[str] = card["detail"].split("\n\n")
    return found


@pytest.mark.parametrize(
    ("onset", "when"),
    [
        ("2024-02-19", " (debut for 11 dage siden)"),
        ("2024-02-17", " (debut for 13 dage siden)"),
        ("2024-02-16", " (debut for 2 uger siden)"),  # 14 days: counted in weeks from here
        ("2024-02-01", " (debut for 4 uger siden)"),  # 29 days: whole weeks
    ],
)
def test_scope_note_gives_the_onset_in_days_then_weeks(call: Call, onset: str, when: str) -> None:
    """The service's today is 2024-03-01."""
    card = only_card(call(VIEW, patient_view(prefetch(condition(SKS, "DM545", onset=onset)))))
    assert f"Patienten har registreret nyopståede lænderygsmerter{when}." in paragraphs(card)


def test_scope_note_names_every_missing_fact_and_the_guideline_limits(call: Call) -> None:
    pre = prefetch(condition(SKS, "DM545", onset=None))
    del pre["patient"]["birthDate"]
    note = (
        "Retningslinjen gælder patienter over 16 år med lænderygsmerter af op til 12 ugers varighed; "
        "journalen angiver ikke alt (Alder ukendt – retningslinjen omfatter kun patienter over 16 år., "
        "Varighed ukendt – retningslinjen omfatter smerter af op til 12 ugers varighed.)."
    )
    assert note in paragraphs(only_card(call(VIEW, patient_view(pre))))


@pytest.mark.parametrize(("observations", "warned"), [(False, True), (True, False)])
def test_cards_warn_when_observations_could_not_be_read(call: Call, observations: bool, warned: bool) -> None:
    pre = prefetch(LBP)
    if observations:
        pre["observations"] = {"resourceType": "Bundle", "type": "searchset", "entry": []}
    unread = "Observationer (fund) kunne ikke læses; tjek for røde flag, før kortet følges."
    for request in (epic_order_sign(pre=pre), epic_order_sign(medication_order(oid="m1"), pre=pre)):
        assert (unread in paragraphs(only_card(call(SIGN, request)))) is warned
    assert (unread in paragraphs(only_card(call(VIEW, patient_view(pre))))) is warned


def test_scope_is_judged_with_the_service_terminology(call: Call, service: CdsService) -> None:
    """A service whose problem value set lists no low back pain code finds nobody in scope."""
    problem = dataclasses.replace(service.terminology.problem, codes=(), prefixes=())
    service.terminology = dataclasses.replace(service.terminology, problem=problem)
    reply = call(VIEW, patient_view())
    assert reply.status == 200 and reply.json()["cards"] == []
