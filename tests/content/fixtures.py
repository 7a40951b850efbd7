"""Small hand-made guidelines for linter tests: one recommendation, rows built from keyword arguments."""

from typing import Any

from gradeline.model import Guideline
from gradeline.model.vocabulary import change_label

LEVELS: list[dict[str, Any]] = [
    {
        "id": "weak_for",
        "strength": "weak",
        "direction": "for",
        "label": "Svag anbefaling",
        "heading": "Svag anbefaling for (Gul)",
        "colour": "yellow",
        "colour_hex": "#f2c94c",
        "icon": "↑",
        "description_reading_guide": "d",
        "description": ["d"],
        "wording": ["Overvej at…"],
        "wording_patterns": ["^Overvej at "],
    },
    {
        "id": "weak_against",
        "strength": "weak",
        "direction": "against",
        "label": "Svag anbefaling mod",
        "heading": "Svag anbefaling imod (Orange)",
        "colour": "orange",
        "colour_hex": "#e8710a",
        "icon": "↓",
        "description_reading_guide": "d",
        "description": ["d"],
        "wording": ["Anvend kun … efter nøje overvejelse"],
        "wording_patterns": ["^(Anvend|Tilbyd) kun .+ efter nøje overvejelse"],
    },
]


def value(number: str, direction: str | None = None) -> dict[str, Any]:
    return {"value": number, "direction": direction}


def md(
    point: str,
    first: str,
    second: str,
    direction: str = "lower",
    measure: str = "MD",
    directions: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """An MD/SMD effect; all three values in one direction unless ``directions`` says otherwise."""
    d1, d2 = directions or (direction, direction)
    w, w1, w2 = (change_label(d, "da") for d in (direction, d1, d2))
    text = f"{measure} {point} {w} (CI 95% {first} {w1} — {second} {w2})"
    return {
        "measure": measure,
        "point": value(point, direction),
        "ci_first": value(first, d1),
        "ci_second": value(second, d2),
        "text": text,
    }


def rr(point: str, first: str, second: str) -> dict[str, Any]:
    return {
        "measure": "RR",
        "point": value(point),
        "ci_first": value(first),
        "ci_second": value(second),
        "text": f"Relative risiko {point} (CI 95% {first} — {second})",
    }


def row(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "smerte",
        "name": "Smerte",
        "importance": 9,
        "importance_label": "critical",
        "certainty": "low",
        "seed_lines": ["1"],
    }
    return {**base, **fields}


def guideline(*rows: dict[str, Any], **rec_fields: Any) -> Guideline:
    """A one-recommendation guideline holding the given rows; every layer present unless overridden."""
    rec: dict[str, Any] = {
        "id": "test",
        "chapter": 3,
        "title": "Test",
        "focused_question": "Bør …?",
        "strength": "weak",
        "direction": "for",
        "label": "Svag anbefaling",
        "text": "Overvej at tilbyde test.",
        "update_note": "u",
        "practical_advice": ["p"],
        "background": ["b"],
        "key_info": {"benefits_harms": ["b"], "certainty": ["c"], "preferences": ["p"], "rationale": ["r"]},
        "overall_certainty": "low",
        "pico": {"population": "p", "intervention": "i", "comparison": "c"},
        "summary": ["s"],
        "outcomes": list(rows),
        "footnotes": [],
        "seed_lines": ["1"],
    }
    rec.update(rec_fields)
    return Guideline.model_validate(
        {
            "id": "t",
            "short_code": "T",
            "title": "T",
            "publisher": "P",
            "language": "da",
            "version": "1",
            "published_year": 2016,
            "review_interval_years": 3,
            "status": {"value": "in_force", "label": "Gældende", "note": "n", "source": "s"},
            "scope": {
                "population": "p",
                "min_age_exclusive": 16,
                "max_duration_weeks": 12,
                "criteria": [{"id": "age", "rule": "r", "text": "t", "provenance": {"section": "2"}}],
                "provenance": {"section": "2"},
            },
            "strength_levels": LEVELS,
            "recommendations": [rec],
        }
    )
