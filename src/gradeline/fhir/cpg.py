"""CPG-on-FHIR (R4B models, FHIR 4.x): one PlanDefinition (eca-rule) with its ActivityDefinition per
recommendation, carrying strength, direction, quality and rationale extensions and FHIRPath applicability; the
applicability logic as a Library the PlanDefinitions reference; the pack's value sets as ValueSets; and one
Measure per monitoring indicator (built by gradeline.monitor.outputs.measure).

Profiles claimed (``meta.profile``): CPG-on-FHIR STU2 cpg-recommendationdefinition and
cpg-computableplandefinition (PlanDefinition), cpg-computableactivity (ActivityDefinition),
cpg-computablemetric (Measure), whose required elements come from HL7/cqf-recommendations
input/fsh/profiles (CPG is not on the npm registry); and the core shareableactivitydefinition,
shareablelibrary, shareablemeasure and shareablevalueset profiles of hl7.fhir.r4b.core, which the tests
validate against (tests/fhir/test_conformance.py)."""

import base64
import json

from gradeline.cdshooks.valuesets import Terminology, ValueSet
from gradeline.fhir.common import (
    CERTAINTY_CODE,
    Json,
    canonical,
    fid,
    publication_status,
    rating,
    status_note,
)
from gradeline.fhir.labels import label
from gradeline.model import Guideline, Recommendation
from gradeline.model.vocabulary import certainty_label

STRENGTH_EXT = "http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation"
QUALITY_EXT = "http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence"
DIRECTION_EXT = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-directionOfRecommendation"
RATIONALE_EXT = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-rationale"
PLAN_TYPE = "http://terminology.hl7.org/CodeSystem/plan-definition-type"
LIBRARY_TYPE = "http://terminology.hl7.org/CodeSystem/library-type"
CPG = "http://hl7.org/fhir/uv/cpg/StructureDefinition"
CORE = "http://hl7.org/fhir/StructureDefinition"
PROFILES = {
    "PlanDefinition": (f"{CPG}/cpg-recommendationdefinition", f"{CPG}/cpg-computableplandefinition"),
    "ActivityDefinition": (f"{CPG}/cpg-computableactivity", f"{CORE}/shareableactivitydefinition"),
    "Library": (f"{CORE}/shareablelibrary",),
    "Measure": (f"{CPG}/cpg-computablemetric", f"{CORE}/shareablemeasure"),
    "ValueSet": (f"{CORE}/shareablevalueset",),
}
LIBRARY_ID = "applicability"


def _in(value_set: ValueSet, path: str) -> str:
    pairs = [f"(system = '{c.system}' and code = '{c.code}')" for c in value_set.codes]
    pairs += [f"(system = '{c.system}' and code.startsWith('{c.code}'))" for c in value_set.prefixes]
    return f"{path}.coding.where({' or '.join(pairs)}).exists()"


def _meta(kind: str) -> Json:
    return {"profile": list(PROFILES[kind])}


def _expressions(g: Guideline, terminology: Terminology) -> list[tuple[str, str, str]]:
    """(name, description, FHIRPath) of the applicability logic, evaluated over a Bundle of patient data."""
    problem = terminology.problem
    recorded = _in(problem, "code")
    age = g.scope.min_age_exclusive or 0
    weeks = g.scope.max_duration_weeks or 0
    named = problem.extra.get("expression") or {}
    problem_name = str(named.get("name", "RecentProblem"))
    unlimited = {"OverMinimumAge"} if g.scope.min_age_exclusive is None else set()
    unlimited |= {problem_name} if g.scope.max_duration_weeks is None else set()
    expressions = [
        (
            problem_name,
            str(named.get("description", "{weeks}")).format(weeks=weeks),
            f"%bundle.entry.resource.ofType(Condition).where({recorded} and "
            f"(onset as dateTime) >= today() - {weeks} weeks).exists()",
        ),
        (
            "OverMinimumAge",
            label("over_age", g.language, age=age),
            # over 16 in whole years: the 17th birthday has been reached (today counts)
            f"%bundle.entry.resource.ofType(Patient).birthDate <= today() - {age + 1} years",
        ),
        (
            "NoRecordedRedFlag",
            label("no_red_flag", g.language),
            f"%bundle.entry.resource.ofType(Condition).where({_in(terminology.red_flags, 'code')}).empty() "
            f"and %bundle.entry.resource.ofType(Observation).where({_in(terminology.red_flags, 'code')} "
            f"or {_in(terminology.red_flags, 'value')}).empty()",
        ),
    ]
    return [e for e in expressions if e[0] not in unlimited]


def applicability(g: Guideline, terminology: Terminology, rec: Recommendation) -> list[Json]:
    """FHIRPath applicability conditions, each pointing to its definition in the logic Library."""
    library = canonical("Library", LIBRARY_ID)
    return [
        {
            "kind": "applicability",
            "expression": {
                "description": text,
                "name": name,
                "language": "text/fhirpath",
                "expression": expression,
                "reference": f"{library}#{name}",
            },
        }
        for name, text, expression in _expressions(g, terminology)
    ]


def _section(g: Guideline) -> str:
    """' (afsnit N)' naming the section the scope cites, or nothing when the pack cites none."""
    provenance = g.scope.provenance
    return label("section", g.language, section=provenance.section) if provenance else ""


def library(g: Guideline, terminology: Terminology) -> Json:
    """The applicability logic as a logic Library (FHIRPath, one named expression per block)."""
    blocks = [f"// {name}: {text}\n{expression}" for name, text, expression in _expressions(g, terminology)]
    source = "\n\n".join(blocks) + "\n"
    return {
        "resourceType": "Library",
        "id": LIBRARY_ID,
        "meta": _meta("Library"),
        "url": canonical("Library", LIBRARY_ID),
        "version": g.version,
        "name": "Applicability",
        "title": label("applicability", g.language, title=g.title),
        "status": publication_status(g),
        "experimental": False,
        "type": {"coding": [{"system": LIBRARY_TYPE, "code": "logic-library"}]},
        "publisher": g.publisher,
        "description": f"{label('applicability_text', g.language, section=_section(g))}\n\n{status_note(g)}",
        "dataRequirement": [
            {"type": "Patient", "profile": [f"{CORE}/Patient"]},
            {
                "type": "Condition",
                "codeFilter": [{"path": "code", "valueSet": canonical("ValueSet", terminology.problem.id)}],
            },
            {
                "type": "Condition",
                "codeFilter": [{"path": "code", "valueSet": canonical("ValueSet", terminology.red_flags.id)}],
            },
        ],
        "content": [
            {
                "contentType": "text/fhirpath",
                "data": base64.b64encode(source.encode("utf-8")).decode("ascii"),
                "title": "Applicability expressions",
            }
        ],
    }


def value_set(g: Guideline, vs: ValueSet) -> Json:
    """One of the pack's value sets: exact codes per system, prefixes as regex filters on the code."""
    systems: dict[str, Json] = {}
    for code in vs.codes:
        entry = systems.setdefault(code.system, {"system": code.system, "concept": []})
        concept: Json = {"code": code.code}
        if code.display:
            concept["display"] = code.display
        entry["concept"].append(concept)
    include = list(systems.values())
    for prefix in vs.prefixes:
        pattern = "^" + "".join(c if c.isalnum() else "\\" + c for c in prefix.code)
        include.append(
            {"system": prefix.system, "filter": [{"property": "code", "op": "regex", "value": pattern}]}
        )
    total, verified = vs.counts()
    return {
        "resourceType": "ValueSet",
        "id": vs.id,
        "meta": _meta("ValueSet"),
        "url": canonical("ValueSet", vs.id),
        "version": g.version,
        "name": "".join(part.capitalize() for part in vs.id.split("-")),
        "title": vs.title,
        "status": publication_status(g),
        "experimental": False,
        "publisher": g.publisher,
        "description": label("value_set_text", g.language, title=vs.title, total=total, verified=verified),
        "compose": {"include": include},
    }


def measures(g: Guideline) -> list[Json]:
    """One Measure per monitoring indicator, from the monitor's own Measure builder (same definitions); none
    for a guideline without monitoring indicators."""
    from gradeline.monitor.codes import has_monitoring
    from gradeline.monitor.definitions import load_catalogue
    from gradeline.monitor.outputs.measure import measure

    if not has_monitoring():
        return []
    catalogue = load_catalogue()
    found = []
    for ind in catalogue.indicators:
        built = json.loads(measure(ind, catalogue.notice).model_dump_json(exclude_none=True))
        built.update(
            {
                "meta": _meta("Measure"),
                "version": g.version,
                "publisher": g.publisher,
                "status": publication_status(g),  # the guideline it measures is retired (not in force)
            }
        )
        found.append(built)
    return found


def _activity_kind(terminology: Terminology, rec: Recommendation) -> str:
    """ServiceRequest for the imaging recommendation, MedicationRequest for an analgesic one (as the value
    sets name them), CommunicationRequest otherwise."""
    if rec.id == terminology.imaging.recommendation:
        return "ServiceRequest"
    if any(rec.id == group.recommendation for group in terminology.analgesics):
        return "MedicationRequest"
    return "CommunicationRequest"


def activity(g: Guideline, terminology: Terminology, rec: Recommendation) -> Json:
    """The ActivityDefinition a recommendation's action points to."""
    rid = fid("act", rec.id)
    return {
        "resourceType": "ActivityDefinition",
        "id": rid,
        "meta": _meta("ActivityDefinition"),
        "url": canonical("ActivityDefinition", rid),
        "version": g.version,
        "name": fid("Act", rec.id).replace("-", "_").replace(".", "_"),
        "title": rec.pico.intervention[:200],
        "status": publication_status(g),
        "experimental": False,
        "publisher": g.publisher,
        "description": rec.pico.intervention,
        "kind": _activity_kind(terminology, rec),
        "intent": "proposal",
        "doNotPerform": rec.direction.value == "against" and rec.strength.value != "good_practice",
        "code": {"text": rec.title},
    }


def plan(g: Guideline, terminology: Terminology, rec: Recommendation) -> Json:
    """CPGRecommendationDefinition-style PlanDefinition."""
    rid = fid("plan", rec.id)
    extensions: list[Json] = [
        {"url": STRENGTH_EXT, "valueCodeableConcept": rating(g, rec.strength.value, rec.label)},
        {"url": DIRECTION_EXT, "valueCode": rec.direction.value},
    ]
    if rec.overall_certainty is not None:
        code, display = CERTAINTY_CODE[rec.overall_certainty]
        extensions.append(
            {
                "url": QUALITY_EXT,
                "valueCodeableConcept": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/certainty-rating",
                            "code": code,
                            "display": display,
                        }
                    ],
                    "text": certainty_label(rec.overall_certainty, g.language),
                },
            }
        )
    if rec.key_info.rationale:
        extensions.append({"url": RATIONALE_EXT, "valueMarkdown": "\n\n".join(rec.key_info.rationale)})
    action: Json = {
        "extension": extensions,
        "title": rec.title,
        "description": rec.text,
        "textEquivalent": f"{rec.label}: {rec.text}",
        "condition": applicability(g, terminology, rec),
        "definitionCanonical": canonical("ActivityDefinition", fid("act", rec.id)),
    }
    if rec.practical_advice:
        action["documentation"] = [
            {"type": "documentation", "display": p[:250]} for p in rec.practical_advice[:3]
        ]
    return {
        "resourceType": "PlanDefinition",
        "id": rid,
        "meta": _meta("PlanDefinition"),
        "url": canonical("PlanDefinition", rid),
        "version": g.version,
        "name": rid.replace("-", "_").replace(".", "_").capitalize(),
        "title": rec.title,
        "type": {"coding": [{"system": PLAN_TYPE, "code": "eca-rule"}]},
        "status": publication_status(g),
        "experimental": False,
        "publisher": g.publisher,
        "library": [canonical("Library", LIBRARY_ID)],
        "description": f"{rec.label} (kapitel {rec.chapter}): {rec.text}\n\n{status_note(g)}",
        "action": [action],
    }


def resources(g: Guideline, terminology: Terminology) -> list[Json]:
    """The logic Library and ValueSets, PlanDefinition + ActivityDefinition for every recommendation, and a
    Measure per monitoring indicator."""
    found: list[Json] = [library(g, terminology)]
    found += [value_set(g, vs) for vs in terminology.value_sets()]
    for rec in g.recommendations:
        found.append(plan(g, terminology, rec))
        found.append(activity(g, terminology, rec))
    return found + measures(g)
