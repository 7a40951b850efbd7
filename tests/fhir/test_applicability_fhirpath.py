"""The PlanDefinitions' applicability conditions run as FHIRPath (fhirpathpy) and agree with the guideline's
scope at its boundaries: 16 vs 17 years, 84 vs 85 days, a recorded red flag."""

import datetime as dt
from typing import Any

import pytest
from fhirpathpy import compile as compile_fhirpath
from fhirpathpy.models import models

from gradeline.cdshooks.valuesets import cached_terminology
from gradeline.fhir.cpg import applicability
from gradeline.model import Guideline

TODAY = dt.date.today()
LBP = {"system": "http://snomed.info/sct", "code": "279039007"}


@pytest.fixture(scope="module")
def conditions(guideline: Guideline) -> dict[str, Any]:
    """Each condition compiled once, by its description."""
    found = applicability(guideline, cached_terminology(), guideline.recommendations[0])
    return {
        c["expression"]["description"]: compile_fhirpath(c["expression"]["expression"], model=models["r4"])
        for c in found
    }


def _years_ago(years: int, days: int = 0) -> str:
    return (TODAY.replace(year=TODAY.year - years) + dt.timedelta(days=days)).isoformat()


def _bundle(birth: str, onset_days_ago: int, *codings: dict[str, str]) -> dict[str, Any]:
    onset = (TODAY - dt.timedelta(days=onset_days_ago)).isoformat()
    resources = [
        {"resourceType": "Patient", "id": "p", "birthDate": birth},
        {"resourceType": "Condition", "id": "c", "code": {"coding": [LBP]}, "onsetDateTime": onset},
        *(
            {"resourceType": "Condition", "id": f"f{i}", "code": {"coding": [coding]}}
            for i, coding in enumerate(codings)
        ),
    ]
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}


def _applies(conditions: dict[str, Any], bundle: dict[str, Any]) -> dict[str, bool]:
    return {name: run({}, {"bundle": bundle}) == [True] for name, run in conditions.items()}


def test_an_in_scope_patient_meets_every_condition(conditions: dict[str, Any]) -> None:
    assert all(_applies(conditions, _bundle("1979-04-12", 10)).values())


@pytest.mark.parametrize(
    ("birth", "expected"),
    [(_years_ago(17), True), (_years_ago(17, days=1), False), (_years_ago(16), False)],
    ids=["17th-birthday-today", "17-tomorrow", "16"],
)
def test_age_over_16_in_whole_years(conditions: dict[str, Any], birth: str, expected: bool) -> None:
    assert _applies(conditions, _bundle(birth, 10))["Alder over 16 år"] is expected


@pytest.mark.parametrize(("days", "expected"), [(84, True), (85, False)])
def test_new_onset_is_up_to_12_weeks(conditions: dict[str, Any], days: int, expected: bool) -> None:
    assert _applies(conditions, _bundle("1979-04-12", days))[
        "Lænderygsmerter registreret inden for 12 uger"
    ] is (expected)


def test_a_recorded_red_flag_stops_the_rule(conditions: dict[str, Any]) -> None:
    flag = next(iter(cached_terminology().red_flags.codes))
    result = _applies(conditions, _bundle("1979-04-12", 10, {"system": flag.system, "code": flag.code}))
    assert result["Ingen registrerede røde flag"] is False


@pytest.mark.parametrize(
    ("key", "system", "code"),
    [
        ("code", "http://snomed.info/sct", "192970008"),  # cauda equina syndrome as the finding
        ("valueCodeableConcept", "http://snomed.info/sct", "363346000"),  # malignancy as the value
        ("code", "urn:oid:1.2.208.176.2.4.12", "DS320A"),  # SKS subcode by prefix
    ],
)
def test_a_red_flag_observation_or_real_code_stops_the_rule(
    conditions: dict[str, Any], key: str, system: str, code: str
) -> None:
    bundle = _bundle("1979-04-12", 10)
    observation: dict[str, Any] = {"resourceType": "Observation", "id": "o", "status": "final"}
    observation["code"] = {"coding": [{"system": "http://snomed.info/sct", "code": "404684003"}]}
    observation[key] = {"coding": [{"system": system, "code": code}]}
    if code.startswith("DS"):
        bundle["entry"].append(
            {"resource": {"resourceType": "Condition", "id": "s", "code": observation[key]}}
        )
    else:
        bundle["entry"].append({"resource": observation})
    assert _applies(conditions, bundle)["Ingen registrerede røde flag"] is False


def test_an_observation_without_a_red_flag_keeps_the_rule(conditions: dict[str, Any]) -> None:
    bundle = _bundle("1979-04-12", 10)
    observation = {
        "resourceType": "Observation",
        "id": "o",
        "status": "final",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "404684003"}]},
        "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "279039007"}]},
    }
    bundle["entry"].append({"resource": observation})
    assert _applies(conditions, bundle)["Ingen registrerede røde flag"] is True
