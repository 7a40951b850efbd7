"""FHIR R4B Measure (one per indicator) and MeasureReport (summary, stratified) from a monitoring run.

Validated with ``fhir.resources.R4B``. The executable definition stays the Ibis expression; the Measure points
to it by identifier. Every Measure's ``disclaimer`` and every MeasureReport's narrative say the guideline is
not in force (ikke gældende).
"""

import json
import uuid
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
UCUM = "http://unitsofmeasure.org"
DEFAULT_REPORTER = "gradeline monitor"
"""MeasureReport.reporter when the run does not name the reporting organisation."""


def _pop(code: str, count: int | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"code": {"coding": [{"system": POP, "code": code}]}}
    if count is not None:
        item["count"] = count
    return item


def _criteria(ind: IndicatorDefinition, column: str) -> dict[str, Any]:
    """Points at the executable Ibis definition (the column of its per-episode result)."""
    return {
        "language": "text/x-python-ibis",
        "expression": f"gradeline.monitor.indicators.KINDS['{ind.compute.get('kind')}'] -> {column}",
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
                            "description": "New-onset episodes in scope.",
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
                    "stratifier": _measure_stratifiers(),
                }
            ],
        }
    )


def value_measure(ind: IndicatorDefinition, notice: str) -> Measure:
    """The continuous-variable Measure of an indicator's day count (mean days, e.g. a course)."""
    assert ind.value, f"{ind.id} has no day count"
    return Measure.model_validate(
        {
            "resourceType": "Measure",
            "id": f"{ind.id}-dage",
            "url": f"{BASE}/{ind.id}-dage",
            "identifier": [
                {"system": "https://gradeline.example/monitor/indicator", "value": f"{ind.id}-dage"}
            ],
            "name": ind.id.replace("-", "_") + "_dage",
            "title": f"{ind.title} (dage)",
            "status": "draft",
            "experimental": True,
            "description": f"{ind.title_en}: {ind.value}",
            "disclaimer": notice,
            "scoring": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/measure-scoring",
                        "code": "continuous-variable",
                    }
                ]
            },
            "relatedArtifact": [{"type": "composed-of", "resource": f"{BASE}/{ind.id}"}],
            "group": [
                {
                    "population": [
                        {**_pop("initial-population"), "criteria": _criteria(ind, "episodes")},
                        {**_pop("measure-population"), "criteria": _criteria(ind, "value IS NOT NULL")},
                        {
                            **_pop("measure-observation"),
                            "description": ind.value,
                            "criteria": _criteria(ind, "value"),
                        },
                    ],
                    "stratifier": _measure_stratifiers(),
                }
            ],
        }
    )


def _stratifier_code(name: str) -> dict[str, Any]:
    return {"coding": [{"system": STRATIFIER_SYSTEM, "code": name}], "text": name}


def _measure_stratifiers() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in stratifiers():
        if s == "all":
            continue
        parts = s.split("×")
        if len(parts) == 1:
            out.append({"code": _stratifier_code(s)})
        else:
            out.append(
                {
                    "code": _stratifier_code(s),
                    "component": [
                        {
                            "code": _stratifier_code(p),
                            "criteria": {
                                "language": "text/x-python-ibis",
                                "expression": f"episode stratum '{p}'",
                            },
                        }
                        for p in parts
                    ],
                }
            )
    return out


def _populations(row: dict[str, Any]) -> list[dict[str, Any]]:
    if row["suppressed"]:
        return []
    return [
        _pop("initial-population", row["initial_population"]),
        _pop("denominator", row["denominator"] + row["denominator_exclusions"]),
        _pop("denominator-exclusion", row["denominator_exclusions"]),
        _pop("numerator", row["numerator"]),
    ]


def _value_populations(row: dict[str, Any]) -> list[dict[str, Any]]:
    if row["suppressed"]:
        return []
    return [
        _pop("initial-population", row["initial_population"]),
        _pop("measure-population", row["value_n"]),
    ]


def _score(row: dict[str, Any]) -> dict[str, Any]:
    return {"measureScore": {"value": round(row["share"], 6)}} if row["share"] is not None else {}


def _mean_days(row: dict[str, Any]) -> dict[str, Any]:
    mean = row["value_mean_days"]
    if mean is None:
        return {}
    return {"measureScore": {"value": round(mean, 3), "unit": "d", "system": UCUM, "code": "d"}}


def _stratum(stratifier: str, row: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
    parts = stratifier.split("×")
    if len(parts) == 1:
        return {"value": {"text": row["stratum"]}, **content}
    values = row["stratum"].split("|")
    component = [
        {"code": _stratifier_code(p), "value": {"text": v}} for p, v in zip(parts, values, strict=True)
    ]
    return {"component": component, **content}


def _group(
    result: MonitorResult,
    ind: IndicatorDefinition,
    stratified: bool,
    populations: Any,
    score: Any,
) -> dict[str, Any]:
    overall = result.overall(ind.id)
    group: dict[str, Any] = {**({"population": p} if (p := populations(overall)) else {}), **score(overall)}
    if stratified:
        group["stratifier"] = []
        for s in stratifiers():
            if s == "all":
                continue
            strata = []
            for r in result.select(ind.id, s):
                content = {**({"population": p} if (p := populations(r)) else {}), **score(r)}
                strata.append(_stratum(s, r, content))
            group["stratifier"].append(
                {"code": [_stratifier_code(p) for p in s.split("×")], "stratum": strata}
            )
    return group


def _report(
    result: MonitorResult, measure_url: str, improvement: str | None, group: dict[str, Any], reporter: str
) -> dict[str, Any]:
    summary = result.summary
    notice = summary["notice"]
    suppressed = (
        f" Celler med færre end {summary['min_cell_patients']} patienter er undertrykt (uden tal)."
        if summary.get("min_cell_patients", 1) > 1
        else ""
    )
    return {
        "resourceType": "MeasureReport",
        "id": str(uuid.uuid4()),
        "text": {
            "status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{notice}{suppressed}</p></div>',
        },
        "status": "complete",
        "type": "summary",
        "measure": measure_url,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "reporter": {"display": reporter},
        "period": {"start": summary["measured_start"], "end": summary["measured_end"]},
        **(
            {"improvementNotation": {"coding": [{"system": IMPROVEMENT, "code": improvement}]}}
            if improvement
            else {}
        ),
        "group": [group],
    }


def measure_report(
    result: MonitorResult, ind: IndicatorDefinition, stratified: bool = True, reporter: str = DEFAULT_REPORTER
) -> MeasureReport:
    """A summary MeasureReport of one indicator (with every stratifier when ``stratified``); ``period`` is
    the window in which episode starts were measured."""
    return MeasureReport.model_validate(_report_dict(result, ind, stratified, reporter))


def _report_dict(
    result: MonitorResult, ind: IndicatorDefinition, stratified: bool, reporter: str
) -> dict[str, Any]:
    group = _group(result, ind, stratified, _populations, _score)
    return _report(result, f"{BASE}/{ind.id}", ind.improvement, group, reporter)


def value_measure_report(
    result: MonitorResult, ind: IndicatorDefinition, stratified: bool = True, reporter: str = DEFAULT_REPORTER
) -> MeasureReport:
    """The continuous-variable MeasureReport (mean days) of an indicator with a day count."""
    return MeasureReport.model_validate(_value_report_dict(result, ind, stratified, reporter))


def _value_report_dict(
    result: MonitorResult, ind: IndicatorDefinition, stratified: bool, reporter: str
) -> dict[str, Any]:
    group = _group(result, ind, stratified, _value_populations, _mean_days)
    return _report(result, f"{BASE}/{ind.id}-dage", None, group, reporter)


def measures() -> list[Measure]:
    """Every Measure of the pack's indicators (proportions and day counts), as `gradeline export fhir` and
    the MeasureReports use them."""
    catalogue = load_catalogue()
    out = []
    for ind in catalogue.indicators:
        out.append(measure(ind, catalogue.notice))
        if ind.value:
            out.append(value_measure(ind, catalogue.notice))
    return out


def bundle_dict(
    result: MonitorResult, stratified: bool = True, reporter: str = DEFAULT_REPORTER
) -> dict[str, Any]:
    """The collection Bundle as plain JSON data: the Measures and one MeasureReport per Measure of every
    indicator that ran. Built without per-element validation (fast for thousands of strata); the tests
    validate the same data with ``fhir.resources.R4B`` (:func:`measure_bundle`)."""
    catalogue = load_catalogue()
    ran = {r["indicator"] for r in result.rows}
    entries: list[dict[str, Any]] = []

    def add(m: Measure, report: dict[str, Any]) -> None:
        entries.append({"fullUrl": str(m.url), "resource": json.loads(m.model_dump_json())})
        entries.append({"fullUrl": f"urn:uuid:{report['id']}", "resource": report})

    for ind in catalogue.indicators:
        if ind.id not in ran:
            continue
        add(measure(ind, catalogue.notice), _report_dict(result, ind, stratified, reporter))
        if ind.value:
            add(value_measure(ind, catalogue.notice), _value_report_dict(result, ind, stratified, reporter))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "entry": entries,
    }


def measure_bundle(
    result: MonitorResult, stratified: bool = True, reporter: str = DEFAULT_REPORTER
) -> Bundle:
    """:func:`bundle_dict`, validated as an R4B Bundle."""
    return Bundle.model_validate(bundle_dict(result, stratified, reporter))


def write_measure_bundle(
    result: MonitorResult, path: Path, stratified: bool = True, reporter: str = DEFAULT_REPORTER
) -> Path:
    """Write :func:`bundle_dict` as JSON (validated in the tests, not on every run)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(bundle_dict(result, stratified, reporter), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    return path
