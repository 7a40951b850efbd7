"""FHIR export: validates with fhir.resources, references resolve in the bundle, evidence round-trips."""

import base64
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fhir.resources import get_fhir_model_class as r5_model
from fhir.resources.R4B import get_fhir_model_class as r4b_model

from gradeline.fhir.common import fid
from gradeline.fhir.export import export_bundle, write_fhir
from gradeline.model import Guideline


@pytest.fixture(scope="module")
def r5(guideline: Guideline) -> dict[str, Any]:
    return export_bundle(guideline, "R5")


@pytest.fixture(scope="module")
def r4b(guideline: Guideline) -> dict[str, Any]:
    return export_bundle(guideline, "R4B")


def _references(value: Any) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "reference" and isinstance(item, str):
                if "language" not in value:  # Expression.reference is a uri to the logic, not a Reference
                    found.append(item)
            else:
                found.extend(_references(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_references(item))
    return found


def test_every_r5_resource_validates_on_its_own(r5: dict[str, Any]) -> None:
    kinds = set()
    for entry in r5["entry"]:
        resource = entry["resource"]
        kinds.add(resource["resourceType"])
        r5_model(resource["resourceType"]).model_validate(resource)
    assert kinds == {"Composition", "Citation", "ArtifactAssessment", "EvidenceVariable", "Evidence"}


def test_every_r4b_resource_validates_on_its_own(r4b: dict[str, Any]) -> None:
    for entry in r4b["entry"]:
        r4b_model(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    assert {e["resource"]["resourceType"] for e in r4b["entry"]} == {
        "PlanDefinition",
        "ActivityDefinition",
        "Library",
        "ValueSet",
        "Measure",
    }


@pytest.mark.parametrize("version", ["R5", "R4B"])
def test_references_resolve_inside_the_bundle(r5: dict[str, Any], r4b: dict[str, Any], version: str) -> None:
    bundle = r5 if version == "R5" else r4b
    present = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}
    missing = [r for r in _references(bundle) if r not in present]
    assert not missing
    urls = {e["resource"].get("url") for e in bundle["entry"]}
    for entry in bundle["entry"]:
        for action in entry["resource"].get("action", []):
            assert action["definitionCanonical"] in urls


def test_evidence_round_trips_with_the_published_numbers(r5: dict[str, Any], guideline: Guideline) -> None:
    """Read the exported Evidence back with the R5 model and compare every number with the pack."""
    Evidence = r5_model("Evidence")
    by_id = {e["resource"]["id"]: e["resource"] for e in r5["entry"]}
    compared = 0
    for rec in guideline.recommendations:
        for outcome in rec.outcomes:
            evidence = Evidence.model_validate(by_id[fid("ev", rec.id, outcome.id)])
            if outcome.certainty is not None:
                assert evidence.certainty[0].rating.text == str(outcome.certainty)
            if outcome.effect is None:
                assert not evidence.statistic
                continue
            effect, stat = outcome.effect, evidence.statistic[0]
            assert stat.description == effect.text
            assert Decimal(str(stat.quantity.value)) == effect.point.signed
            ci = stat.attributeEstimate[0]
            assert ci.level == Decimal("0.95")
            bounds = sorted([effect.ci_first.signed, effect.ci_second.signed])
            assert [Decimal(str(ci.range.low.value)), Decimal(str(ci.range.high.value))] == bounds
            if outcome.participants is not None:
                assert stat.sampleSize.numberOfParticipants == outcome.participants
            if outcome.studies is not None:
                assert stat.sampleSize.numberOfStudies == outcome.studies
            if outcome.absolute is not None:
                absolute = evidence.statistic[1]
                assert absolute.description == outcome.absolute.text
                assert Decimal(str(absolute.quantity.value)) == outcome.absolute.point.signed
            compared += 1
    assert compared >= 30


def test_ratings_pico_and_justification_are_exported(r5: dict[str, Any], guideline: Guideline) -> None:
    by_id = {e["resource"]["id"]: e["resource"] for e in r5["entry"]}
    rec = guideline.recommendation("billeddiagnostik")
    rating = by_id[fid("rating", rec.id)]
    assert [c["classifier"][0]["coding"][0]["code"] for c in rating["content"][:2]] == ["weak", "against"]
    assert by_id[fid("pop", rec.id)]["description"] == rec.pico.population
    justification = by_id[fid("justification", rec.id)]
    assert any(rec.key_info.rationale[0] in c["summary"] for c in justification["content"])
    statement = by_id[fid("rec", rec.id)]["section"][0]["text"]["div"]
    assert "Tilbyd ikke rutinemæssig billeddiagnostisk udredning" in statement


def test_plan_definitions_carry_cpg_extensions_and_fhirpath(
    r4b: dict[str, Any], guideline: Guideline
) -> None:
    plans = {
        e["resource"]["id"]: e["resource"]
        for e in r4b["entry"]
        if e["resource"]["resourceType"] == "PlanDefinition"
    }
    assert len(plans) == len(guideline.recommendations)
    action = plans["plan-opioider"]["action"][0]
    urls = {x["url"].rsplit("/", 1)[1]: x for x in action["extension"]}
    assert {"cqf-strengthOfRecommendation", "cpg-directionOfRecommendation", "cpg-rationale"} <= set(urls)
    assert urls["cpg-directionOfRecommendation"]["valueCode"] == "against"
    assert all(c["expression"]["language"] == "text/fhirpath" for c in action["condition"])


def test_every_export_says_the_guideline_is_not_in_force(r5: dict[str, Any], r4b: dict[str, Any]) -> None:
    for entry in r5["entry"] + r4b["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] in ("Composition", "Citation"):
            assert "Ikke gældende" in json.dumps(resource, ensure_ascii=False)
        if "status" in resource and resource["resourceType"] != "Composition":
            assert resource["status"] in ("retired", "active")
        if resource["resourceType"] in ("PlanDefinition", "ActivityDefinition", "Citation"):
            assert resource["status"] == "retired"


def test_write_fhir_writes_both_bundles(guideline: Guideline, tmp_path: Path) -> None:
    paths = write_fhir(guideline, tmp_path / "out")
    assert [p.name for p in paths] == [
        "nkr-laenderygsmerter-ebm-r5.bundle.json",
        "nkr-laenderygsmerter-cpg-r4b.bundle.json",
    ]
    assert json.loads(paths[0].read_text("utf-8"))["resourceType"] == "Bundle"


def test_every_canonical_of_ours_resolves_in_the_cpg_bundle(r4b: dict[str, Any]) -> None:
    """PlanDefinition.library, conditions, activities and data requirements point into the bundle."""
    present = {e["resource"]["url"] for e in r4b["entry"] if "url" in e["resource"]}
    ours = "https://gradeline.example/fhir/"
    pointed: set[str] = set()
    for entry in r4b["entry"]:
        resource = entry["resource"]
        pointed.update(resource.get("library", []))
        for action in resource.get("action", []):
            pointed.add(action["definitionCanonical"])
            pointed.update(c["expression"]["reference"].split("#")[0] for c in action["condition"])
        for requirement in resource.get("dataRequirement", []):
            pointed.update(f["valueSet"] for f in requirement.get("codeFilter", []))
    assert pointed and all(p.startswith(ours) for p in pointed)
    assert pointed <= present


def test_every_plan_definition_references_the_logic_library(r4b: dict[str, Any]) -> None:
    plans = [e["resource"] for e in r4b["entry"] if e["resource"]["resourceType"] == "PlanDefinition"]
    [logic] = [e["resource"] for e in r4b["entry"] if e["resource"]["resourceType"] == "Library"]
    assert plans and all(p["library"] == [logic["url"]] for p in plans)
    source = base64.b64decode(logic["content"][0]["data"]).decode()
    for condition in plans[0]["action"][0]["condition"]:
        assert condition["expression"]["expression"] in source


def test_a_measure_per_monitoring_indicator(r4b: dict[str, Any]) -> None:
    from gradeline.monitor.definitions import load_catalogue

    measures = {
        e["resource"]["id"]: e["resource"] for e in r4b["entry"] if e["resource"]["resourceType"] == "Measure"
    }
    assert set(measures) == {ind.id for ind in load_catalogue().indicators}
    for measure in measures.values():
        assert "IKKE GÆLDENDE" in measure["disclaimer"]
        assert measure["scoring"] and measure["improvementNotation"] and measure["group"][0]["population"]


def test_statistics_carry_stato_coded_types(r5: dict[str, Any]) -> None:
    stats = [
        s
        for e in r5["entry"]
        if e["resource"]["resourceType"] == "Evidence"
        for s in e["resource"].get("statistic", [])
    ]
    assert stats
    for stat in stats:
        assert (
            stat["statisticType"]["coding"][0]["system"]
            == "http://terminology.hl7.org/CodeSystem/statistic-type"
        )
        for estimate in stat.get("attributeEstimate", []):
            assert estimate["type"]["coding"][0]["code"] == "C53324"  # confidence interval
