"""Rendering a plan (JSON dict, terminal text) and reading a patient context from a JSON file."""

import json
from pathlib import Path

import pytest

from gradeline.decide import PatientContext, Rules, Tri, make_plan
from gradeline.decide.render import PlanInputError, plan_from_json_file, plan_to_dict, plan_to_text
from gradeline.model import Guideline


def test_dict_is_json_and_round_trips(screened: PatientContext, guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(screened, guideline, rules)
    data = plan_to_dict(plan)
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["scope"]["verdict"] == "in_scope"
    assert data["guideline_status"] == "not_in_force"
    assert type(plan).model_validate(data) == plan


def test_text_shows_status_scope_triage_strength_and_trace(
    screened: PatientContext, guideline: Guideline, rules: Rules
) -> None:
    context = screened.model_copy(update={"wants_imaging": Tri.YES})
    text = plan_to_text(make_plan(context, guideline, rules), trace=True)
    assert "IKKE GÆLDENDE" in text.splitlines()[0]
    for needed in (
        "OMFANG: Omfattet af retningslinjen",
        "TRIAGE: Rutine",
        "Svag anbefaling mod, orange",
        "Tilbyd ikke rutinemæssigt",
        "JOURNALNOTAT",
        "FORKLARING",
        "scope.yaml:age",
        "Klinikeren træffer beslutningen",
    ):
        assert needed in text, needed


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "patient.json"
    path.write_text(content, encoding="utf-8")
    return path


def test_plan_from_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps({"age_years": 45, "duration_weeks": 2, "red_flags": {"fever": "yes"}}))
    plan = plan_from_json_file(path)
    assert plan.triage.level.value == "work_up" and plan.scope.verdict.value == "out_of_scope"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON (line 1"),
        ("[1, 2]", "must be a JSON object"),
        ('{"age_years": -3}', "age_years: Input should be greater than or equal to 0"),
        ('{"age": 40}', "age: Extra inputs are not permitted"),
        ('{"wants_imaging": "maybe"}', "wants_imaging: Input should be 'yes', 'no' or 'unknown'"),
        ('{"duration_days": 3, "duration_weeks": 1}', "in days or in weeks, not both"),
        ('{"red_flags": {"headache": "yes"}}', "'headache' is not a red-flag item"),
        ('{"red_flags": {"age_under_20": "yes"}}', "derived from other answers"),
    ],
)
def test_bad_input_gives_one_sentence(tmp_path: Path, content: str, message: str) -> None:
    with pytest.raises(PlanInputError) as caught:
        plan_from_json_file(_write(tmp_path, content))
    text = str(caught.value)
    assert message in text
    assert "\n" not in text and text.endswith(".")
    assert isinstance(caught.value, ValueError)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PlanInputError, match="no such file"):
        plan_from_json_file(tmp_path / "nope.json")


def test_booleans_and_null_are_read_as_answers() -> None:
    context = PatientContext.model_validate(
        {"wants_imaging": True, "worried_or_fearful": False, "sex": None, "red_flags": {"fever": None}}
    )
    assert (context.wants_imaging, context.worried_or_fearful, context.sex) == ("yes", "no", "unknown")
    assert context.red_flag("fever") == "unknown"
    assert PatientContext().inactive_or_passive == "unknown"
