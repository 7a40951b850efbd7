"""The FHIR export against the official HL7 core packages from npm (hl7.fhir.r5.core 5.0.0,
hl7.fhir.r4b.core 4.3.0; ``make deps`` installs them): structure, cardinality, types, fixed/pattern values,
required bindings and the profiles each resource claims (core shareable* profiles from the package;
CPG-on-FHIR rules from its FSH)."""

import copy
from typing import Any

import pytest

from gradeline.fhir.capability import capability_statement
from gradeline.fhir.conformance import EXTERNAL_PROFILES, package, validate, validate_bundle
from gradeline.fhir.export import export_bundle
from gradeline.model import Guideline


@pytest.fixture(scope="module")
def bundles(guideline: Guideline) -> dict[str, dict[str, Any]]:
    return {v: export_bundle(guideline, v) for v in ("R5", "R4B")}  # type: ignore[arg-type]


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


@pytest.mark.parametrize("version", ["R5", "R4B"])
def test_the_export_has_no_issue_against_the_official_package(
    bundles: dict[str, dict[str, Any]], version: str
) -> None:
    assert validate_bundle(bundles[version], version) == []


def test_every_claimed_profile_is_checked(bundles: dict[str, dict[str, Any]]) -> None:
    claimed = {p for e in bundles["R4B"]["entry"] for p in e["resource"].get("meta", {}).get("profile", [])}
    in_package = {p for p in claimed if package("R4B").structure(p) is not None}
    assert claimed and claimed == in_package | (claimed & set(EXTERNAL_PROFILES))
    assert {"http://hl7.org/fhir/StructureDefinition/shareablelibrary"} <= in_package


@pytest.mark.parametrize("version", ["R5", "R4B"])
def test_capability_statement_validates(
    bundles: dict[str, dict[str, Any]], guideline: Guideline, version: str
) -> None:
    statement = capability_statement(
        guideline, bundles[version], version, f"https://x.example/fhir/{version}"
    )  # type: ignore[arg-type]
    assert validate(statement, version) == []
    served = {r["type"] for r in statement["rest"][0]["resource"]}
    assert served == {e["resource"]["resourceType"] for e in bundles[version]["entry"]}


def test_statistic_and_interval_types_are_codes_of_the_hl7_code_systems(
    bundles: dict[str, dict[str, Any]],
) -> None:
    systems = {}
    for name in ("statistic-type", "attribute-estimate-type"):
        raw = package("R4B").resource(f"http://terminology.hl7.org/CodeSystem/{name}")
        assert raw is not None
        systems[raw["url"]] = {c["code"]: c["display"] for c in raw["concept"]}
    used = [
        coding
        for evidence in _resources(bundles["R5"], "Evidence")
        for stat in evidence.get("statistic", [])
        for concept in [stat["statisticType"], *(a["type"] for a in stat.get("attributeEstimate", []))]
        for coding in concept.get("coding", [])
    ]
    assert used
    for coding in used:
        assert systems[coding["system"]][coding["code"]] == coding["display"]


def _broken(bundles: dict[str, dict[str, Any]], kind: str) -> dict[str, Any]:
    return copy.deepcopy(_resources(bundles["R4B"], kind)[0])


def test_the_validator_finds_what_a_profile_requires(bundles: dict[str, dict[str, Any]]) -> None:
    activity = _broken(bundles, "ActivityDefinition")
    del activity["publisher"]
    assert any("ActivityDefinition.publisher is required" in i for i in validate(activity, "R4B"))
    measure = _broken(bundles, "Measure")
    del measure["improvementNotation"]
    assert any("cpg-computablemetric" in i and "improvementNotation" in i for i in validate(measure, "R4B"))


def test_the_validator_finds_bad_codes_cardinality_types_and_unknown_elements(
    bundles: dict[str, dict[str, Any]],
) -> None:
    plan = _broken(bundles, "PlanDefinition")
    plan["status"] = "retracted"
    plan["action"][0]["condition"][0]["kind"] = "sometimes"
    plan["title"] = ["two", "titles"]
    plan["experimental"] = "no"
    plan["recommendation"] = "x"
    plan["type"]["coding"][0]["code"] = "order-set"
    issues = "\n".join(validate(plan, "R4B"))
    assert "status code 'retracted'" in issues
    assert "condition.kind code 'sometimes'" in issues
    assert "PlanDefinition.title must not be an array" in issues
    assert "not a valid boolean" in issues
    assert "PlanDefinition.recommendation is not an element" in issues
    assert "eca-rule" in issues


def test_a_missing_package_is_a_clear_sentence(tmp_path: Any) -> None:
    from gradeline.fhir.conformance import package_dir

    with pytest.raises(FileNotFoundError, match="make deps"):
        package_dir("R4B", tmp_path)
