"""CPG-on-FHIR (R4B models, FHIR 4.x): one PlanDefinition (eca-rule) with its ActivityDefinition per
recommendation, carrying strength, direction, quality and rationale extensions and FHIRPath applicability."""

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
from gradeline.model import Guideline, Recommendation

STRENGTH_EXT = "http://hl7.org/fhir/StructureDefinition/cqf-strengthOfRecommendation"
QUALITY_EXT = "http://hl7.org/fhir/StructureDefinition/cqf-qualityOfEvidence"
DIRECTION_EXT = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-directionOfRecommendation"
RATIONALE_EXT = "http://hl7.org/fhir/uv/cpg/StructureDefinition/cpg-rationale"
PLAN_TYPE = "http://terminology.hl7.org/CodeSystem/plan-definition-type"
ACTIVITY_KIND = {
    "billeddiagnostik": "ServiceRequest",
    "opioider": "MedicationRequest",
    "nsaid": "MedicationRequest",
    "paracetamol": "MedicationRequest",
}


def _in(value_set: ValueSet, path: str) -> str:
    pairs = [f"(system = '{c.system}' and code = '{c.code}')" for c in value_set.codes]
    pairs += [f"(system = '{c.system}' and code.startsWith('{c.code}'))" for c in value_set.prefixes]
    return f"{path}.coding.where({' or '.join(pairs)}).exists()"


def applicability(g: Guideline, terminology: Terminology, rec: Recommendation) -> list[Json]:
    """FHIRPath applicability conditions (evaluated over a Bundle of the patient's data)."""
    lbp = _in(terminology.lbp_problem, "code")
    age = g.scope.min_age_exclusive
    weeks = g.scope.max_duration_weeks
    conditions = [
        (
            f"Lænderygsmerter registreret inden for {weeks} uger",
            f"%bundle.entry.resource.ofType(Condition).where({lbp} and "
            f"(onset as dateTime) >= today() - {weeks} weeks).exists()",
        ),
        (
            f"Alder over {age} år",
            # over 16 in whole years: the 17th birthday has been reached (today counts)
            f"%bundle.entry.resource.ofType(Patient).birthDate <= today() - {age + 1} years",
        ),
        (
            "Ingen registrerede røde flag",
            f"%bundle.entry.resource.ofType(Condition).where({_in(terminology.red_flags, 'code')}).empty()",
        ),
    ]
    return [
        {
            "kind": "applicability",
            "expression": {"description": text, "language": "text/fhirpath", "expression": expression},
        }
        for text, expression in conditions
    ]


def activity(g: Guideline, rec: Recommendation) -> Json:
    """The ActivityDefinition a recommendation's action points to."""
    rid = fid("act", rec.id)
    return {
        "resourceType": "ActivityDefinition",
        "id": rid,
        "url": canonical("ActivityDefinition", rid),
        "version": g.version,
        "name": fid("Act", rec.id).replace("-", "_").replace(".", "_"),
        "title": rec.pico.intervention[:200],
        "status": publication_status(g),
        "description": rec.pico.intervention,
        "kind": ACTIVITY_KIND.get(rec.id, "CommunicationRequest"),
        "intent": "proposal",
        "doNotPerform": rec.direction.value == "against" and rec.strength.value != "good_practice",
        "code": {"text": rec.title},
    }


def plan(g: Guideline, terminology: Terminology, rec: Recommendation) -> Json:
    """CPGRecommendationDefinition-style PlanDefinition."""
    rid = fid("plan", rec.id)
    extensions: list[Json] = [
        {"url": STRENGTH_EXT, "valueCodeableConcept": rating(rec.strength.value, rec.label)},
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
                    "text": str(rec.overall_certainty),
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
        "url": canonical("PlanDefinition", rid),
        "version": g.version,
        "name": rid.replace("-", "_").replace(".", "_").capitalize(),
        "title": rec.title,
        "type": {"coding": [{"system": PLAN_TYPE, "code": "eca-rule"}]},
        "status": publication_status(g),
        "publisher": g.publisher,
        "description": f"{rec.label} (kapitel {rec.chapter}): {rec.text}\n\n{status_note(g)}",
        "action": [action],
    }


def resources(g: Guideline, terminology: Terminology) -> list[Json]:
    """PlanDefinition + ActivityDefinition for every recommendation."""
    found: list[Json] = []
    for rec in g.recommendations:
        found.append(plan(g, terminology, rec))
        found.append(activity(g, rec))
    return found
