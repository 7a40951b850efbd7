"""FHIR R4B Measure (one per indicator) and MeasureReport (summary, stratified) from a monitoring run.

Validated with ``fhir.resources.R4B``. The executable definition stays the Ibis expression; the Measure points
to it by identifier. Every Measure's ``disclaimer`` and every MeasureReport's narrative say the guideline is
not in force (ikke gældende).
"""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.measure import Measure
from fhir.resources.R4B.measurereport import MeasureReport

from gradeline.monitor.compute import stratifiers
from gradeline.monitor.definitions import IndicatorDefinition, load_catalogue
from gradeline.monitor.results import MonitorResult

BASE = "https://gradeline.example/fhir/Measure"
POP = "http://terminology.hl7.org/CodeSystem/measure-population"
STRATIFIER_SYSTEM = "https://gradeline.example/fhir/CodeSystem/monitor-stratifier"
IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation"


def _pop(code: str, count: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"code": {"coding": [{"system": POP, "code": code}]}}
    if count is not None:
        item["count"] = count
    return item


def _criteria(ind: IndicatorDefinition, column: str) -> dict[str, Any]:
    """Points at the executable Ibis definition (the column of its per-episode result)."""
    return {
        "language": "text/x-python-ibis",
        "expression": f"gradeline.monitor.indicators.INDICATORS['{ind.id}'] -> {column}",
    }


def measure(ind: IndicatorDefinition, notice: str) -> Measure:
    """The Measure resource describing one indicator."""
    return Measure.model_validate(
        {
            "resourceType": "Measure",
            "id": ind.id,
            "url": f"{BASE}/{ind.id}",
            "identifier": [{"system": "https://gradeline.example/monitor/indicator", "value": ind.id}],
            "name": ind.id.replace("-", "_"),
            "title": ind.title,
            "status": "draft",
            "experimental": True,
            "description": f"{ind.title_en}. {ind.rationale}",
            "disclaimer": notice,
            "purpose": ind.rationale,
            "scoring": {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/measure-scoring", "code": "proportion"}
                ]
            },
            "improvementNotation": {"coding": [{"system": IMPROVEMENT, "code": ind.improvement}]},
            "relatedArtifact": [
                {
                    "type": "justification",
                    "display": f"Anbefaling '{ind.recommendation}' (kapitel {ind.chapter})",
                }
            ],
            "group": [
                {
                    "population": [
                        {
                            **_pop("initial-population"),
                            "description": "New-onset LBP episodes in scope.",
                            "criteria": _criteria(ind, "episodes"),
                        },
                        {
                            **_pop("denominator"),
                            "description": ind.denominator,
                            "criteria": _criteria(ind, "den"),
                        },
                        {
                            **_pop("denominator-exclusion"),
                            "description": ind.exclusions,
                            "criteria": _criteria(ind, "excl"),
                        },
                        {
                            **_pop("numerator"),
                            "description": ind.numerator,
                            "criteria": _criteria(ind, "num"),
                        },
                    ],
                    "stratifier": [
                        {"code": {"coding": [{"system": STRATIFIER_SYSTEM, "code": s}], "text": s}}
                        for s in stratifiers()
                        if s != "all"
                    ],
                }
            ],
        }
    )


def _populations(row: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        _pop("initial-population", row["initial_population"]),
        _pop("denominator", row["denominator"] + row["denominator_exclusions"]),
        _pop("denominator-exclusion", row["denominator_exclusions"]),
        _pop("numerator", row["numerator"]),
    ]


def _score(row: dict[str, Any]) -> dict[str, Any]:
    return {"measureScore": {"value": round(row["share"], 6)}} if row["share"] is not None else {}


def measure_report(result: MonitorResult, ind: IndicatorDefinition, stratified: bool = True) -> MeasureReport:
    """A summary MeasureReport of one indicator (with every stratifier when ``stratified``)."""
    overall = result.overall(ind.id)
    group: dict[str, Any] = {"population": _populations(overall), **_score(overall)}
    if stratified:
        group["stratifier"] = []
        for s in stratifiers():
            if s == "all":
                continue
            strata = [
                {"value": {"text": r["stratum"]}, "population": _populations(r), **_score(r)}
                for r in result.select(ind.id, s)
            ]
            group["stratifier"].append(
                {
                    "code": [{"coding": [{"system": STRATIFIER_SYSTEM, "code": s}], "text": s}],
                    "stratum": strata,
                }
            )
    notice = result.summary["notice"]
    return MeasureReport.model_validate(
        {
            "resourceType": "MeasureReport",
            "id": f"{ind.id}-report",
            "text": {
                "status": "generated",
                "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{notice}</p></div>',
            },
            "status": "complete",
            "type": "summary",
            "measure": f"{BASE}/{ind.id}",
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "period": {
                "start": result.summary["observation_start"],
                "end": result.summary["observation_end"],
            },
            "improvementNotation": {"coding": [{"system": IMPROVEMENT, "code": ind.improvement}]},
            "group": [group],
        }
    )


def measure_bundle(result: MonitorResult, stratified: bool = True) -> Bundle:
    """A collection Bundle: one Measure and one MeasureReport per indicator that ran."""
    catalogue = load_catalogue()
    ran = {r["indicator"] for r in result.rows}
    entries: list[dict[str, Any]] = []
    for ind in catalogue.indicators:
        if ind.id not in ran:
            continue
        m = measure(ind, catalogue.notice)
        r = measure_report(result, ind, stratified)
        entries.append({"fullUrl": str(m.url), "resource": m.model_dump()})
        entries.append({"fullUrl": f"urn:uuid:report-{ind.id}", "resource": r.model_dump()})
    return Bundle.model_validate({"resourceType": "Bundle", "type": "collection", "entry": entries})


def write_measure_bundle(result: MonitorResult, path: Path, stratified: bool = True) -> Path:
    bundle = measure_bundle(result, stratified)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(json.loads(bundle.model_dump_json()), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return path
