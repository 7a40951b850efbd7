"""What the editor sees as they type: the strength's wording template and check, and an evidence row's
absolute effects, clinical relevance and plain-language statement, computed by the evidence code."""

import re
from pathlib import Path
from typing import Any

from gradeline.content.pack import DEFAULT_PACK
from gradeline.evidence.data import EvidenceData, Lang, cached_evidence_data, load_evidence_data
from gradeline.evidence.fmt import absolute_text
from gradeline.evidence.reading import outcome_reading
from gradeline.model import Direction, Guideline, Outcome, Recommendation, Strength, StrengthLevel
from gradeline.web.authoring.convert import outcome_data


def wording(levels: list[Any], strength: str, direction: str, text: str) -> dict[str, Any]:
    """The strength level's label and wording templates, and whether ``text`` follows one (rule GL008)."""
    for raw in levels:
        try:
            level = StrengthLevel.model_validate(raw)
        except ValueError:
            continue
        if level.strength.value == strength and level.direction in (None, Direction(direction)):
            try:
                matches = any(re.search(p, text) for p in level.wording_patterns) if text.strip() else None
            except re.error:
                matches = None
            return {"label": level.label, "templates": level.wording, "matches": matches}
    return {"label": None, "templates": [], "matches": None}


def valid_choice(strength: str, direction: str) -> bool:
    return strength in {s.value for s in Strength} and direction in {d.value for d in Direction}


def evidence_data(folder: Path | None) -> EvidenceData:
    """The draft's evidence wording and thresholds when it has them, else the first guideline's."""
    if folder is not None and all(
        (folder / "evidence" / f"{n}.yaml").exists() for n in ("wording", "relevance", "names")
    ):
        return load_evidence_data(folder)
    return cached_evidence_data(DEFAULT_PACK)


def row_reading(
    form: dict[str, Any],
    language: str,
    rec: Recommendation | None,
    guideline: Guideline | None,
    data: EvidenceData,
    lang: Lang,
) -> dict[str, Any]:
    """The computed reading of a row being typed (cleaned OutcomeForm data)."""
    row = outcome_data(form, language)
    effect = row.get("effect") or {}
    result: dict[str, Any] = {
        "effect_text": effect.get("text"),
        "absolute": None,
        "relevance": None,
        "statement": None,
        "notes": [],
    }
    try:
        outcome = Outcome.model_validate({**row, "seed_lines": row.get("seed_lines") or [1]})
    except ValueError as exc:
        result["notes"] = [str(e.get("msg")) for e in getattr(exc, "errors", lambda: [])()] or [str(exc)]
        return result
    if guideline is None or rec is None:
        result["notes"].append("needs_valid_pack")
        return result
    rec = rec.model_copy(update={"outcomes": [*[o for o in rec.outcomes if o.id != outcome.id], outcome]})
    try:
        reading = outcome_reading(outcome, guideline, rec, data)
    except Exception as exc:  # a half-typed row: say what the evidence code could not read, never a 500
        result["notes"].append(str(exc))
        return result
    if reading is None:
        return result
    if reading.absolute is not None:
        result["absolute"] = absolute_text(reading.absolute, lang)
    result["relevance"] = reading.relevance_label.get(lang)
    result["statement"] = reading.statement.get(lang) if reading.statement else None
    return result
