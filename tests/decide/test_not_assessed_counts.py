"""Every door gives the same count of red flags not assessed: 22 when nothing is answered (the pack's red-flag
items that can raise triage), with the two risk factors (level 'note') counted apart, never added in."""

from gradeline.decide import Rules, make_plan
from gradeline.decide.render import plan_to_text
from gradeline.model import Guideline
from tests.decide.conftest import context_of


def test_summary_journal_notes_and_text_agree_on_22(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({}), guideline, rules)
    assert len(plan.triage.red_flags_not_assessed()) == 22
    assert [f.question for f in plan.triage.risk_factors_not_asked()] == [
        "Konstante smerter eller natlige smerter/hvilesmerter?",
        "Thorakale smerter?",
    ]
    assert plan.summary.do_now[0].text.endswith("(22 spørgsmål)")
    assert plan.summary.do_now[0].text_en.endswith("(22 questions)")
    assert "Røde flag ikke vurderet: 22." in plan.journal_note
    assert "Red flags not assessed: 22." in plan.journal_note_en
    assert "? Ikke vurderet (22): " in plan_to_text(plan)


def test_one_unanswered_red_flag_is_counted_once(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "red_flags": {"fever": "unknown"}}), guideline, rules)
    assert [f.item_id for f in plan.triage.red_flags_not_assessed()] == ["fever"]
    assert "Røde flag ikke vurderet: 1." in plan.journal_note
    assert plan.summary.do_now[0].text.endswith("(1 spørgsmål)")
