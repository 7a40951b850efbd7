"""make_plan checks every pairing of rules and guideline it is given (once each), and refuses one that does
not fit with every problem, one per line."""

from pathlib import Path

import pytest

from gradeline.decide import PatientContext, RuleError, Rules, load_rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import edit_rule


def test_rules_that_do_not_fit_are_refused_after_rules_that_do(
    guideline: Guideline, rules: Rules, rule_pack: Path
) -> None:
    make_plan(PatientContext(), guideline, rules)
    edit_rule(rule_pack, "scope.yaml", "less_than: 16", "less_than: 15")
    edit_rule(rule_pack, "medication.yaml", "recommendation: opioider", "recommendation: tramadol")
    with pytest.raises(RuleError) as caught:
        make_plan(PatientContext(), guideline, load_rules(rule_pack))
    assert str(caught.value) == (
        "medication.yaml: 'tramadol' is not a recommendation of the guideline\n"
        "scope.yaml: rule 'age' must test age_years less_than 16 (the pack's scope)"
    )


def test_a_guideline_the_rules_do_not_fit_is_refused_after_one_they_do(
    guideline: Guideline, rules: Rules
) -> None:
    make_plan(PatientContext(), guideline, rules)
    fewer = guideline.model_copy(
        update={"recommendations": [r for r in guideline.recommendations if r.id != "akupunktur"]}
    )
    with pytest.raises(RuleError) as caught:
        make_plan(PatientContext(), fewer, rules)
    assert str(caught.value) == "recommendations.yaml: 'akupunktur' is not a recommendation of the guideline"
