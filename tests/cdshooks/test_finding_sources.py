"""Which resources a card reads its findings from: only Conditions in the conditions search and only
Observations in the observations search (an ``_include``d resource of another type is not a diagnosis), and
observations are fetched from the FHIR server when the EHR did not prefetch them."""

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from gradeline.cdshooks.service import CdsService
from tests.cdshooks.conftest import Call
from tests.cdshooks.examples import (
    LBP,
    PATIENT_ID,
    RED_FLAG,
    condition,
    patient,
    patient_view,
    prefetch,
    searchset,
)

VIEW = "/cds-services/nkr-lrs-patient-view"
FHIR = "https://fhir.epic.example/api/FHIR/R4"
FLAG_LINE = "**Røde flag registreret:** Mistanke om fraktur/hvirvelsammenfald."


def detail(reply: Any) -> str:
    assert reply.status == 200, reply.body
    [card] = reply.json()["cards"]
    text: str = card["detail"]
    return text


def as_type(resource: dict[str, Any], kind: str) -> dict[str, Any]:
    return {**resource, "resourceType": kind}


def test_a_red_flag_coded_procedure_in_the_conditions_search_is_not_a_finding(call: Call) -> None:
    flag = condition(RED_FLAG, "suspected-fracture", cid="f")
    assert FLAG_LINE in detail(call(VIEW, patient_view(prefetch(LBP, flag))))
    included = prefetch(LBP, as_type(flag, "Procedure"))
    assert "Røde flag registreret" not in detail(call(VIEW, patient_view(included)))


def test_a_red_flag_coded_condition_in_the_observations_search_is_not_read_there(call: Call) -> None:
    flag = condition(RED_FLAG, "suspected-fracture", cid="f")
    observed = {**prefetch(LBP), "observations": searchset(as_type(flag, "Observation"))}
    assert FLAG_LINE in detail(call(VIEW, patient_view(observed)))
    misplaced = {**prefetch(LBP), "observations": searchset(flag)}  # a Condition where Observations belong
    assert "Røde flag registreret" not in detail(call(VIEW, patient_view(misplaced)))


def test_observations_not_prefetched_are_fetched_and_read(service: CdsService) -> None:
    reads: list[str] = []
    flag = as_type(condition(RED_FLAG, "suspected-fracture", cid="f"), "Observation")

    def server(base: str, path: str, token: str | None) -> Mapping[str, Any] | None:
        reads.append(path)
        if path.startswith("Patient/"):
            return patient()
        if path.startswith("Observation?"):
            return searchset(flag)
        return searchset(LBP)

    service.fetcher = server
    service.config = replace(service.config, development_mode=True, fhir_servers=(FHIR,))
    request = patient_view()
    del request["prefetch"]
    request |= {
        "fhirServer": FHIR,
        "fhirAuthorization": {
            "access_token": "t",
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "patient/*.read",
            "subject": "gradeline",
        },
    }
    reply = service.handle("POST", VIEW, {}, json.dumps(request).encode(), "https://gradeline.example")
    assert any(p.startswith(f"Observation?patient={PATIENT_ID}") for p in reads), reads
    assert FLAG_LINE in detail(reply)
