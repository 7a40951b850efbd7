"""EBM-on-FHIR (R5, IG 1.0.0-ballot semantics): Citation, Composition (Guideline, Recommendation,
SummaryOfFindings), ArtifactAssessment (RecommendationRating, RecommendationJustification),
EvidenceVariable (PICO, outcomes) and Evidence (one per outcome row, numbers as published)."""

from typing import Any

from gradeline.fhir.common import (
    CERTAINTY_TYPE_SYSTEM,
    Json,
    certainty_concept,
    fid,
    narrative,
    publication_status,
    rating,
    ref,
    status_note,
)
from gradeline.fhir.labels import label
from gradeline.model import Guideline, Recommendation
from gradeline.model.outcome import AbsoluteEffect, Effect, Outcome

ROLE_SYSTEM = "http://hl7.org/fhir/variable-role"
MEASURE_TEXT = {"MD": "Mean difference", "SMD": "Standardized mean difference", "RR": "Risk ratio",
                "OR": "Odds ratio", "HR": "Hazard ratio"}  # fmt: skip
# Statistic and attribute-estimate types: HL7 THO code systems (STATO numbers, NCI C-codes), as listed in
# hl7.fhir.r4b.core 4.3.0 CodeSystem-statistic-type.json and CodeSystem-attribute-estimate-type.json.
STATISTIC_SYSTEM = "http://terminology.hl7.org/CodeSystem/statistic-type"
STATISTIC_CODE = {
    "MD": ("0000457", "Mean Difference"),
    "SMD": ("0000100", "Standardized Mean Difference"),
    "RR": ("C93152", "Relative Risk"),
    "OR": ("C16932", "Odds Ratio"),
    "HR": ("C93150", "Hazard Ratio"),
    "RD": ("0000424", "Risk Difference"),
}
ESTIMATE_SYSTEM = "http://terminology.hl7.org/CodeSystem/attribute-estimate-type"
CONFIDENCE_INTERVAL = ("C53324", "Confidence interval")


def _role(code: str) -> Json:
    return {"coding": [{"system": ROLE_SYSTEM, "code": code}]}


def _section(
    title: str,
    code: str,
    *,
    text: list[str] | None = None,
    entry: list[Json] | None = None,
    lang: str = "da",
) -> Json:
    section: Json = {"title": title, "code": {"text": code}}
    if text:
        section["text"] = narrative(*text)
    if entry:
        section["entry"] = entry
    if not text and not entry:
        section["emptyReason"] = {"text": label("not_stated", lang)}
    return section


def citation(g: Guideline) -> Json:
    """The guideline as a Citation (GuidelineCitation)."""
    return {
        "resourceType": "Citation",
        "id": "guideline-citation",
        "status": publication_status(g),
        "title": g.title,
        "note": [{"text": status_note(g)}],
        "citedArtifact": {
            "title": [{"text": g.title}],
            "version": {"value": g.version},
            "publicationForm": [{"publishedIn": {"publisher": {"display": g.publisher}}}],
            "currentState": [{"text": g.status.label}],
        },
    }


def variables(rec: Recommendation) -> list[Json]:
    """PICO as EvidenceVariables, plus one per outcome."""
    pico = rec.pico
    found = [
        _variable(fid("pop", rec.id), "Population", pico.population),
        _variable(fid("int", rec.id), "Intervention", pico.intervention),
        _variable(fid("comp", rec.id), "Comparator", pico.comparison),
    ]
    for outcome in rec.outcomes:
        name = outcome.name + (f" ({outcome.time_frame})" if outcome.time_frame else "")
        found.append(_variable(fid("out", rec.id, outcome.id), name, outcome.measured_with or name))
    return found


def _variable(rid: str, title: str, description: str) -> Json:
    return {
        "resourceType": "EvidenceVariable",
        "id": rid,
        "status": "active",
        "title": title,
        "description": description,
    }


def _statistic_type(measure: str, text: str) -> Json:
    """statisticType coded where the measure has a code, with the text as published."""
    found: Json = {"text": text}
    if measure in STATISTIC_CODE:
        code, display = STATISTIC_CODE[measure]
        found["coding"] = [{"system": STATISTIC_SYSTEM, "code": code, "display": display}]
    return found


def _ci(first: object, second: object) -> Json:
    low, high = sorted([first, second])  # type: ignore[type-var]
    code, display = CONFIDENCE_INTERVAL
    return {
        "type": {"coding": [{"system": ESTIMATE_SYSTEM, "code": code, "display": display}], "text": display},
        "level": 0.95,
        "range": {"low": {"value": low}, "high": {"value": high}},
    }


def _statistic(effect: Effect, outcome: Outcome) -> Json:
    stat: Json = {
        "description": effect.text,
        "statisticType": _statistic_type(
            effect.measure.value,
            f"{MEASURE_TEXT.get(effect.measure.value, effect.measure.value)} ({effect.measure})",
        ),
        "quantity": {"value": effect.point.signed},
        "attributeEstimate": [_ci(effect.ci_first.signed, effect.ci_second.signed)],
    }
    size: Json = {}
    if outcome.studies is not None:
        size["numberOfStudies"] = outcome.studies
    if outcome.participants is not None:
        size["numberOfParticipants"] = outcome.participants
    if size:
        stat["sampleSize"] = size
    return stat


def _absolute(absolute: AbsoluteEffect) -> Json:
    return {
        "description": absolute.text,
        "statisticType": _statistic_type("RD", f"Risk difference per {absolute.per}"),
        "quantity": {"value": absolute.point.signed, "unit": f"per {absolute.per}"},
        "attributeEstimate": [_ci(absolute.ci_first.signed, absolute.ci_second.signed)],
    }


def evidence(rec: Recommendation, outcome: Outcome, lang: str = "da") -> Json:
    """One outcome row as Evidence (ComparativeEvidence)."""
    notes = [t for t in (outcome.summary, outcome.no_data, outcome.study_design) if t]
    for key, arm in (("comparator", outcome.comparator), ("intervention", outcome.intervention)):
        if arm is not None:
            notes.append(f"{label(key, lang)}: {arm.value} {arm.unit}".strip())
    found: Json = {
        "resourceType": "Evidence",
        "id": fid("ev", rec.id, outcome.id),
        "status": "active",
        "title": f"{rec.title}: {outcome.name}",
        "variableDefinition": [
            {"variableRole": _role("population"), "observed": ref("EvidenceVariable", fid("pop", rec.id))},
            {"variableRole": _role("exposure"), "observed": ref("EvidenceVariable", fid("int", rec.id))},
            {
                "variableRole": _role("referenceExposure"),
                "observed": ref("EvidenceVariable", fid("comp", rec.id)),
            },
            {
                "variableRole": _role("measuredVariable"),
                "observed": ref("EvidenceVariable", fid("out", rec.id, outcome.id)),
            },
        ],
    }
    if notes:
        found["note"] = [{"text": n} for n in notes]
    stats = []
    if outcome.effect is not None:
        stats.append(_statistic(outcome.effect, outcome))
    if outcome.absolute is not None:
        stats.append(_absolute(outcome.absolute))
    if stats:
        found["statistic"] = stats
    if outcome.certainty is not None:
        found["certainty"] = [
            {
                "type": {"coding": [{"system": CERTAINTY_TYPE_SYSTEM, "code": "Overall"}]},
                "rating": certainty_concept(outcome.certainty),
            }
        ]
    return found


def rating_assessment(g: Guideline, rec: Recommendation) -> Json:
    """RecommendationRating: strength, direction and overall certainty."""
    content: list[Json] = [
        {
            "informationType": "rating",
            "type": {"text": "Strength of recommendation"},
            "classifier": [rating(g, rec.strength.value, label(rec.strength.value, g.language))],
            "summary": rec.label,
        },
        {
            "informationType": "rating",
            "type": {"text": "Direction of recommendation"},
            "classifier": [rating(g, rec.direction.value, label(rec.direction.value, g.language))],
        },
    ]
    if rec.overall_certainty is not None:
        item: Json = {
            "informationType": "rating",
            "type": {"text": "Certainty of evidence"},
            "classifier": [certainty_concept(rec.overall_certainty)],
        }
        if rec.overall_certainty_text:
            item["summary"] = rec.overall_certainty_text
        content.append(item)
    return {
        "resourceType": "ArtifactAssessment",
        "id": fid("rating", rec.id),
        "title": f"{label('strength_and_direction', g.language)}: {rec.title}",
        "artifactReference": ref("Composition", fid("rec", rec.id)),
        "content": content,
    }


def justification(rec: Recommendation, lang: str = "da") -> Json:
    """RecommendationJustification from the key info."""
    parts = [
        (label("benefits_harms", lang), rec.key_info.benefits_harms),
        (label("certainty", lang), rec.key_info.certainty),
        (label("preferences", lang), rec.key_info.preferences),
        (label("rationale", lang), rec.key_info.rationale),
        (label("other", lang), rec.key_info.other),
    ]
    content = [
        {"informationType": "comment", "type": {"text": title}, "summary": "\n\n".join(text)}
        for title, text in parts
        if text
    ]
    found: Json = {
        "resourceType": "ArtifactAssessment",
        "id": fid("justification", rec.id),
        "title": f"{label('justification', lang)}: {rec.title}",
        "artifactReference": ref("Composition", fid("rec", rec.id)),
    }
    if content:
        found["content"] = content
    return found


def _composition(g: Guideline, rid: str, kind: str, title: str, sections: list[Json]) -> Json:
    return {
        "resourceType": "Composition",
        "id": rid,
        "status": "final",
        "type": {"text": kind},
        "date": f"{g.last_reviewed_year or g.published_year}-01-01",
        "author": [{"display": g.publisher}],
        "title": title,
        "note": [{"text": status_note(g)}],
        "section": sections,
    }


def summary_of_findings(g: Guideline, rec: Recommendation) -> Json:
    """SummaryOfFindings: one section per outcome, focused on its EvidenceVariable, entry its Evidence."""
    sections = [
        {
            "title": o.name,
            "focus": ref("EvidenceVariable", fid("out", rec.id, o.id)),
            "entry": [ref("Evidence", fid("ev", rec.id, o.id))],
        }
        for o in rec.outcomes
    ]
    if not sections:
        sections = [_section(label("evidence_profile", g.language), "evidence", lang=g.language)]
    title = f"{label('evidence_profile', g.language)}: {rec.title}"
    return _composition(g, fid("sof", rec.id), "SummaryOfFindings", title, sections)


def recommendation(g: Guideline, rec: Recommendation) -> Json:
    """Composition (Recommendation profile)."""
    lang = g.language
    justified = ref("ArtifactAssessment", fid("justification", rec.id))

    def section(key: str, code: str, **parts: Any) -> Json:
        return _section(label(key, lang), code, lang=lang, **parts)

    sections = [
        section("recommendation", "recommendationStatement", text=[rec.label, rec.text]),
        section("ratings", "ratings", entry=[ref("ArtifactAssessment", fid("rating", rec.id))]),
        section("population", "population", entry=[ref("EvidenceVariable", fid("pop", rec.id))]),
        section("intervention", "action", entry=[ref("EvidenceVariable", fid("int", rec.id))]),
        section("comparison", "oppositeAction", entry=[ref("EvidenceVariable", fid("comp", rec.id))]),
        section("evidence", "evidence", entry=[ref("Composition", fid("sof", rec.id))]),
        section("justification", "justification", entry=[justified]),
        section("practical_advice", "considerations", text=rec.practical_advice or rec.practical_info),
    ]
    return _composition(g, fid("rec", rec.id), "Recommendation", rec.title, sections)


def guideline(g: Guideline) -> Json:
    """Composition (Guideline profile) listing the recommendations."""
    sections = [
        _section(label("status", g.language), "status", text=[status_note(g)], lang=g.language),
        _section(label("target_group", g.language), "population", text=[g.scope.population], lang=g.language),
        {
            "title": label("recommendations", g.language),
            "code": {"text": "recommendations"},
            "section": [
                {
                    "title": f"{r.chapter}. {r.title}",
                    "entry": [ref("Composition", fid("rec", r.id))],
                }
                for r in g.recommendations
            ],
        },
    ]
    found = _composition(g, "guideline", "Guideline", g.title, sections)
    found["relatesTo"] = [{"type": "cite-as", "resourceReference": ref("Citation", "guideline-citation")}]
    return found


def resources(g: Guideline) -> list[Json]:
    """All R5 resources for the guideline, Guideline composition first."""
    found = [guideline(g), citation(g)]
    for rec in g.recommendations:
        found.append(recommendation(g, rec))
        found.append(rating_assessment(g, rec))
        found.append(justification(rec, g.language))
        found.extend(variables(rec))
        found.append(summary_of_findings(g, rec))
        found.extend(evidence(rec, o, g.language) for o in rec.outcomes)
    return found
