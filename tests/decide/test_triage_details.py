"""Triage in detail: which red-flag items are unanswered (and which of them are emergencies), the findings and
risk factors with their answers, an escalation replacing its pathology's action, and the explanation steps;
counted by hand from decide/red-flags.yaml (27 items: 24 asked, 3 derived from the age)."""

from pathlib import Path

import pytest

from gradeline.decide import PatientContext, Rules, make_plan
from gradeline.decide.render import PlanInputError, plan_from_json_file
from gradeline.model import Guideline
from tests.decide.conftest import context_of

EMERGENCY_ITEMS = [
    "bladder_or_bowel_change",
    "saddle_anaesthesia",
    "bilateral_leg_symptoms",
    "sexual_dysfunction",
    "progressive_or_severe_motor_deficit",
    "gait_disturbance",
]
WORK_UP_ITEMS = [
    "major_trauma",
    "minor_trauma_with_osteoporosis_or_steroids",
    "prolonged_corticosteroid_use",
    "contusion_or_abrasion",
    "structural_deformity",
    "history_of_cancer",
    "unexplained_weight_loss",
    "fever",
    "iv_drug_use",
    "immunosuppression",
    "recent_infection_or_penetrating_wound",
    "inflammatory_back_pain",
    "sudden_severe_pain",
    "pulsatile_abdominal_mass",
    "suspected_listhesis",
    "other_suspected_serious_pathology",
]
ASKED_RISK_FACTORS = ["night_or_rest_pain", "thoracic_pain"]


def test_nothing_answered_lists_every_asked_item_and_the_emergencies(
    guideline: Guideline, rules: Rules
) -> None:
    plan = make_plan(PatientContext(), guideline, rules)
    triage = plan.triage
    assert triage.unanswered_emergency_items == EMERGENCY_ITEMS
    not_assessed = [f.item_id for f in triage.not_assessed]
    # File order; the risk factors derived from the (unknown) age are not asked, so not listed.
    assert sorted(not_assessed) == sorted(EMERGENCY_ITEMS + WORK_UP_ITEMS + ASKED_RISK_FACTORS)
    assert len(not_assessed) == 24 and not_assessed[:6] == EMERGENCY_ITEMS
    assert {f.answer for f in triage.not_assessed} == {"unknown"}
    (step,) = [s for s in plan.trace if s.rule == "red-flags.yaml:levels.not_assessed"]
    # The 22 items that can raise triage, not the risk factors.
    assert sorted(step.inputs) == sorted(f"red_flags.{i} = unknown" for i in EMERGENCY_ITEMS + WORK_UP_ITEMS)
    assert step.conclusion == "Ikke vurderet: røde flag er ikke besvaret"
    assert triage.findings == [] and triage.risk_factors == [] and triage.actions == []


def test_an_escalation_replaces_its_pathologys_action(guideline: Guideline, rules: Rules) -> None:
    answers = {"base": "screened", "age_years": 60, "red_flags": {"fever": "yes", "iv_drug_use": "yes"}}
    plan = make_plan(context_of(answers), guideline, rules)
    triage = plan.triage
    assert triage.level.value == "emergency" and triage.escalations == ["spinal_infection_iv_drugs"]
    assert triage.actions == ["Akut – kontakt rygkirurg/hospital samme dag ved mistanke om spinal infektion."]
    assert triage.actions_en == [
        "Emergency – contact the spinal surgeons/hospital the same day when spinal infection is suspected."
    ]
    assert [(f.item_id, f.answer, f.level, f.derived, f.question_en) for f in triage.findings] == [
        ("fever", "yes", "work_up", False, "Fever?"),
        ("iv_drug_use", "yes", "work_up", False, "Intravenous drug use?"),
    ]
    assert [(f.item_id, f.group_id, f.derived) for f in triage.risk_factors] == [
        ("age_over_50_new_pain", "malignancy", True)
    ]
    assert triage.unanswered_emergency_items == [] and triage.not_assessed == []
    steps = [(s.inputs, s.rule, s.conclusion) for s in plan.trace if s.rule.startswith("red-flags.yaml")]
    assert steps == [
        (
            ["age_years = 60"],
            "red-flags.yaml:malignancy.age_over_50_new_pain",
            "Risikofaktor vist (Cancer); ændrer ikke triage alene",
        ),
        (
            ["red_flags.fever = yes"],
            "red-flags.yaml:infection.fever",
            "Rettidig udredning ved mistanke om alvorlig patologi – Infektion",
        ),
        (
            ["red_flags.iv_drug_use = yes"],
            "red-flags.yaml:infection.iv_drug_use",
            "Rettidig udredning ved mistanke om alvorlig patologi – Infektion",
        ),
        (
            ["red_flags.fever = yes", "red_flags.iv_drug_use = yes"],
            "red-flags.yaml:escalations.spinal_infection_iv_drugs",
            "Akut: henvis samme dag – Mistanke om spinal infektion",
        ),
    ]


def test_a_derived_risk_factor_left_unknown_is_not_listed_as_unanswered(
    guideline: Guideline, rules: Rules
) -> None:
    plan = make_plan(context_of({"base": "screened", "age_years": None}), guideline, rules)
    assert plan.triage.level.value == "routine"
    assert plan.triage.not_assessed == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"red_flags": {"headache": "yes"}}',
            "FILE: red_flags: 'headache' is not a red-flag item of this guideline.",
        ),
        (
            '{"red_flags": {"age_under_20": "yes"}}',
            "FILE: red_flags: 'age_under_20' is derived from other answers and is not asked.",
        ),
    ],
)
def test_red_flag_answers_the_rules_do_not_ask_for_are_refused(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "patient.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanInputError) as caught:
        plan_from_json_file(path)
    assert str(caught.value).replace(str(path), "FILE") == message


def test_a_derived_item_may_be_sent_as_unknown(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(
        context_of({"base": "screened", "red_flags": {"age_under_20": "unknown"}}), guideline, rules
    )
    assert plan.triage.level.value == "routine"


def test_a_screened_patient_reads_as_no_red_flag_suspected(
    screened: PatientContext, guideline: Guideline, rules: Rules
) -> None:
    plan = make_plan(screened.model_copy(update={"wants_imaging": "yes"}), guideline, rules)
    steps = {s.rule: s.inputs for s in plan.trace}
    assert steps["scope.yaml:serious_pathology"] == ["red_flag_suspected = no"]
    assert steps["recommendations.yaml:billeddiagnostik.advice[0]"] == [
        "imaging_trigger = no",
        "wants_imaging = yes",
    ]
    reasons = {r.rule_id: r.depends_on for r in plan.scope.reasons}
    assert reasons["age"] == ["age_years = 40"]
    assert reasons["serious_pathology"] == ["red_flag_suspected = no"]
