"""Rule conditions in three-valued logic, by hand: comparisons at their bounds, 'not' of an unknown answer
stays unknown, and the facts a condition reads (shown in the explanation) include the nested ones."""

from pathlib import Path
from typing import Any

import pytest

from gradeline.decide import PatientContext, load_rules, make_plan
from gradeline.decide.conditions import Condition, FactValue, context_facts
from gradeline.model import Guideline
from tests.decide.conftest import context_of, edit_rule


@pytest.mark.parametrize(
    ("test", "value", "expected"),
    [
        ({"at_least": 16}, 15, False),
        ({"at_least": 16}, 16, True),
        ({"at_most": 84}, 84, True),
        ({"at_most": 84}, 85, False),
        ({"more_than": 84}, 84, False),
        ({"more_than": 84}, 85, True),
        ({"less_than": 16}, 15, True),
        ({"less_than": 16}, 16, False),
        ({"at_least": 16}, None, None),
    ],
)
def test_comparisons_at_their_bounds(test: dict[str, int], value: FactValue, expected: bool | None) -> None:
    assert Condition.model_validate({"fact": "age_years", **test}).evaluate({"age_years": value}) is expected


@pytest.mark.parametrize(("answer", "expected"), [("yes", False), ("no", True), (None, None)])
def test_not_of_an_unknown_answer_is_unknown(answer: str | None, expected: bool | None) -> None:
    condition = Condition.model_validate({"not": {"fact": "wants_imaging", "is": ["yes"]}})
    assert condition.evaluate({"wants_imaging": answer}) is expected


@pytest.mark.parametrize(
    ("condition", "facts"),
    [
        ({"fact": "pain_nrs", "at_least": 7}, {"pain_nrs"}),
        ({"not": {"fact": "wants_imaging", "is": ["yes"]}}, {"wants_imaging"}),
        (
            {
                "any": [
                    {"fact": "heart_disease", "is": ["yes"]},
                    {
                        "all": [
                            {"fact": "age_years", "at_least": 65},
                            {"not": {"fact": "pregnant", "is": ["no"]}},
                        ]
                    },
                ]
            },
            {"heart_disease", "age_years", "pregnant"},
        ),
    ],
    ids=["fact", "not", "nested"],
)
def test_the_facts_a_condition_reads(condition: dict[str, Any], facts: set[str]) -> None:
    assert Condition.model_validate(condition).facts_used() == facts


def test_a_derived_item_that_cannot_be_derived_is_not_assessed(guideline: Guideline, rule_pack: Path) -> None:
    # Make 'age under 20' (derived from the age) an item that raises triage; with the age unknown it cannot be
    # derived, so it is unanswered -- never a 'no'.
    edit_rule(
        rule_pack,
        "red-flags.yaml",
        "question_en: Age under 20 -- derived from age\n    level: note",
        "question_en: Age under 20 -- derived from age\n    level: work_up",
    )
    plan = make_plan(context_of({"base": "screened", "age_years": None}), guideline, load_rules(rule_pack))
    assert plan.triage.level.value == "not_assessed"
    assert [f.item_id for f in plan.triage.not_assessed] == ["age_under_20"]


@pytest.mark.parametrize(
    ("condition", "answers", "expected"),
    [
        ({"fact": "pain_nrs", "at_least": 7}, {"pain_nrs": 8}, True),
        ({"fact": "pain_nrs", "at_least": 7}, {}, None),
        ({"fact": "sex", "is": ["female"]}, {"sex": "male"}, False),
        ({"fact": "sex", "is": ["female"]}, {}, None),
        ({"fact": "work_status", "is": ["sick_leave"]}, {"work_status": "sick_leave"}, True),
        ({"fact": "work_status", "is": ["sick_leave"]}, {}, None),
    ],
)
def test_rules_read_pain_sex_and_work_from_the_context(
    condition: dict[str, Any], answers: dict[str, Any], expected: bool | None
) -> None:
    facts = context_facts(PatientContext.model_validate(answers))
    assert Condition.model_validate(condition).evaluate(facts) is expected
