"""The question catalogue for integrators: every answer ``POST /api/plan`` reads, with its type, allowed
values, Danish and English labels, and the red-flag items by group with their levels."""

from typing import Any

from ninja import Schema

from gradeline.decide import PatientContext
from gradeline.decide.context import TRI_FIELDS
from gradeline.web.decide.form import AGE, DURATION, OTHER_FLAGS, Question, all_groups, rules

TRI_VALUES = ["yes", "no", "unknown"]


class Labels(Schema):
    """A label in Danish and English."""

    da: str
    en: str


class QuestionEntry(Schema):
    """One field of the patient context."""

    id: str
    type: str
    allowed: list[str] | None = None
    minimum: int | None = None
    maximum: int | None = None
    labels: Labels
    description: str


class RedFlagItemEntry(Schema):
    """One red-flag item: answered under ``red_flags.<id>`` unless derived from other answers."""

    id: str
    level: str
    derived: bool
    labels: Labels


class RedFlagGroupEntry(Schema):
    """A serious pathology with its items and time frame."""

    id: str
    labels: Labels
    time_frame: Labels
    items: list[RedFlagItemEntry]


class EscalationEntry(Schema):
    """Items that together raise triage."""

    id: str
    all_of: list[str]
    level: str
    labels: Labels


class Catalogue(Schema):
    """Every question of the decision support."""

    questions: list[QuestionEntry]
    red_flag_groups: list[RedFlagGroupEntry]
    escalations: list[EscalationEntry]
    triage_levels: dict[str, Labels]
    rules: list[str]


RULES_TEXT = [
    "Give the duration in days (duration_days) or in weeks (duration_weeks), not both.",
    "Give the age in whole years (age_years) or the date of birth (birth_date), not both.",
    "Yes/no answers are yes, no or unknown (JSON true/false/null); an omitted answer is unknown, never no.",
    "red_flags maps red-flag item ids to yes/no/unknown; other_red_flags answers every item not listed.",
    "Triage is routine only when every red-flag item that can raise it is answered.",
]


def _schema_field(name: str) -> dict[str, Any]:
    properties: dict[str, Any] = PatientContext.model_json_schema()["properties"]
    return dict(properties.get(name, {}))


def _entry(q: Question, name: str | None = None) -> dict[str, Any]:
    field = name or q.name
    schema = _schema_field(field)
    entry: dict[str, Any] = {
        "id": field,
        "labels": {"da": q.da, "en": q.en},
        "description": schema.get("description", ""),
    }
    if field in TRI_FIELDS or field == OTHER_FLAGS.name:
        entry |= {"type": "answer", "allowed": TRI_VALUES}
    elif q.kind in ("number", "duration"):
        entry |= {
            "type": "integer",
            "minimum": q.low,
            "maximum": q.high if field != "duration_days" else 36500,
        }
    elif q.kind == "date":
        entry |= {"type": "date"}
    else:
        entry |= {"type": "choice", "allowed": [v for v, _, _ in q.options]}
    return entry


def catalogue() -> dict[str, Any]:
    """The catalogue as plain data (validated against ``Catalogue`` in the tests)."""
    main, _, _ = all_groups("da")
    questions = [_entry(AGE), _entry(DURATION, "duration_days"), _entry(DURATION, "duration_weeks")]
    questions += [_entry(q) for g in main for q in g.questions]
    questions.append(_entry(OTHER_FLAGS))
    r = rules()
    groups = [
        {
            "id": g.id,
            "labels": {"da": g.name, "en": g.name_en},
            "time_frame": g.time_frame.model_dump(),
            "items": [
                {
                    "id": i.id,
                    "level": i.level.value,
                    "derived": i.derive is not None,
                    "labels": {"da": i.question, "en": i.question_en},
                }
                for i in g.items
            ],
        }
        for g in r.red_flags.groups
    ]
    escalations = [
        {"id": e.id, "all_of": e.all_of, "level": e.level.value, "labels": e.name.model_dump()}
        for e in r.red_flags.escalations
    ]
    levels = {key: text.label.model_dump() for key, text in r.red_flags.levels.items()}
    return {
        "questions": questions,
        "red_flag_groups": groups,
        "escalations": escalations,
        "triage_levels": levels,
        "rules": RULES_TEXT,
    }
