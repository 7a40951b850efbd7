"""The journal note and the scope reasons in both languages: one code path, the pack's wording."""

from pathlib import Path

import pytest

from gradeline.decide import PatientContext, RuleError, Rules, load_rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import context_of, edit_rule


def test_an_under_age_patient_is_told_why_in_both_languages(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of({"base": "screened", "age_years": 15}), guideline, rules)
    age = next(r for r in plan.scope.reasons if r.rule_id == "age")
    assert age.text.startswith("Patienten er under 16 år")
    assert age.text_en.startswith("The patient is under 16")
    assert plan.scope.refer_to_en == [
        "The guideline does not cover patients under 16; assess by other relevant guidance."
    ]
    assert "Next steps: The guideline does not cover patients under 16" in plan.journal_note_en
    assert "Videre forløb: Retningslinjen omfatter ikke patienter under 16 år" in plan.journal_note


def test_the_english_note_has_no_danish_scope_reason(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(PatientContext(age_years=40), guideline, rules)  # most answers unknown
    note = plan.journal_note_en
    assert "Duration unknown – the guideline covers pain of up to 12 weeks' duration." in note
    assert "Varighed ukendt" not in note and "Varighed ukendt" in plan.journal_note
    assert note.splitlines()[0].endswith("(2016 (gennemgået 2019); not in force).")
    assert plan.journal_note.splitlines()[0].endswith("; ikke gældende).")


def test_english_findings_name_the_english_questions(guideline: Guideline, rules: Rules) -> None:
    context = context_of({"base": "screened", "red_flags": {"saddle_anaesthesia": "yes"}})
    plan = make_plan(context, guideline, rules)
    (finding,) = plan.triage.findings
    assert finding.question_en and finding.question_en != finding.question
    assert f"Findings: {finding.question_en.rstrip('?')}." in plan.journal_note_en
    assert f"Fund: {finding.question.rstrip('?')}." in plan.journal_note


def test_the_note_wording_comes_from_the_pack(guideline: Guideline, rule_pack: Path) -> None:
    edit_rule(rule_pack, "journal.yaml", "Revurdering: {text}", "Ny vurdering: {text}")
    plan = make_plan(context_of({"base": "screened"}), guideline, load_rules(rule_pack))
    assert "Ny vurdering: " in plan.journal_note and "Revurdering: " not in plan.journal_note


def test_a_form_question_must_be_an_answer_of_the_context(rule_pack: Path) -> None:
    edit_rule(rule_pack, "form.yaml", "name: wants_acupuncture", "name: wants_a_pony")
    with pytest.raises(RuleError, match=r"form\.yaml.*wants_a_pony.*not answers of the patient context"):
        load_rules(rule_pack)


def test_a_quick_box_target_must_be_a_question(rule_pack: Path) -> None:
    edit_rule(rule_pack, "form.yaml", "  - recent_spinal_surgery\n", "  - recent_surgery\n")
    with pytest.raises(RuleError, match=r"none_exclusions: targets \['recent_surgery'\]"):
        load_rules(rule_pack)
