"""A patient-context file that cannot become a plan gets one whole sentence naming the file and the problem;
a plan out is plain JSON data."""

import shutil
from pathlib import Path

import pytest
import yaml

from gradeline.content.packs import activated
from gradeline.decide import PatientContext, Rules, make_plan
from gradeline.decide.render import PlanInputError, plan_from_json_file, plan_to_dict
from gradeline.model import Guideline


def _message(path: Path) -> str:
    with pytest.raises(PlanInputError) as caught:
        plan_from_json_file(path)
    return str(caught.value).replace(str(path), "FILE")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"age_years": -3}', "FILE: age_years: Input should be greater than or equal to 0."),
        (
            '{"age_years": -3, "pain_nrs": 11}',
            "FILE: age_years: Input should be greater than or equal to 0 (and 1 more problem).",
        ),
        (
            '{"age_years": -3, "pain_nrs": 11, "sex": "x"}',
            "FILE: age_years: Input should be greater than or equal to 0 (and 2 more problems).",
        ),
        (
            '{"duration_days": 3, "duration_weeks": 1}',
            "FILE: the top level: Value error, give the duration in days or in weeks, not both.",
        ),
        (
            '{"red_flags": {"fever": "maybe"}}',
            "FILE: red_flags.fever: Input should be 'yes', 'no' or 'unknown'.",
        ),
    ],
    ids=["one", "two", "three", "top-level", "nested"],
)
def test_the_first_problem_is_named_with_a_count_of_the_rest(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "patient.json"
    path.write_text(content, encoding="utf-8")
    assert _message(path) == message


def test_a_file_that_is_not_utf8_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "patient.json"
    path.write_bytes(b'{"sex": "\xff"}')
    assert _message(path) == "FILE: cannot be read (UnicodeDecodeError)."


def test_danish_letters_in_the_file_are_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "patient.json"
    path.write_text('{"red_flags": {"blødning": "yes"}}', encoding="utf-8")
    assert _message(path) == "FILE: red_flags: 'blødning' is not a red-flag item of this guideline."


def test_broken_rules_are_reported_by_their_first_line(tmp_path: Path, pack_dir: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(pack_dir, pack)
    (pack / "decide" / "scope.yaml").write_text("rules: [\n  - id: x\n", encoding="utf-8")
    path = tmp_path / "patient.json"
    path.write_text("{}", encoding="utf-8")
    with activated(pack):
        message = _message(path)
    assert message == (
        f"the guideline's content or rules cannot be read: {pack}/decide/scope.yaml: line 2: not valid YAML "
        "(did not find expected node content)"
    )


def test_the_plan_as_data_holds_only_plain_json_types(
    screened: PatientContext, guideline: Guideline, rules: Rules
) -> None:
    data = plan_to_dict(make_plan(screened, guideline, rules))
    # Plain strings, not enum members: a safe YAML dump (or any strict JSON consumer) accepts them.
    assert type(data["scope"]["verdict"]) is str and type(data["triage"]["level"]) is str
    assert yaml.safe_load(yaml.safe_dump(data, allow_unicode=True))["triage"]["level"] == "routine"
