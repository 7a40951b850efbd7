"""Triage's time frame names only the pathologies at the plan's level, each with its own (or its escalation's)
time frame, in Danish and English; the actions keep an escalation's action first. Frames by hand from
decide/red-flags.yaml."""

from pathlib import Path
from typing import Any

import pytest

from gradeline.decide import Rules, load_rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import context_of, edit_rule

AAA = ("samme dag (akut vurdering)", "the same day (emergency assessment)")
CANCER = (
    "hurtigt: akut MR og, ved bekræftet fund, henvisning inden for 2 uger (britisk forløb)",
    "urgently: urgent MRI and, once confirmed, referral within 2 weeks (UK pathway)",
)
TIMELY = (
    "rettidigt – kilderne angiver ingen fast tidsramme; vurderes klinisk",
    "timely – the sources give no fixed time frame; judge clinically",
)
RHEUMATOLOGY = (
    "hurtig henvisning til reumatolog (britisk forløb); ingen fast tidsramme",
    "urgent referral to rheumatology (UK pathway); no fixed time frame",
)


def _flags(**answers: str) -> dict[str, Any]:
    return {"base": "screened", "red_flags": answers}


@pytest.mark.parametrize(
    ("answers", "level", "frame"),
    [
        # The suspected aneurysm (an escalation) is an emergency; cancer (work-up) is not named in the frame.
        (
            _flags(sudden_severe_pain="yes", pulsatile_abdominal_mass="yes", history_of_cancer="yes"),
            "emergency",
            AAA,
        ),
        # Fever alone: the infection group's own frame, not its escalations' (which did not fire).
        (_flags(fever="yes"), "work_up", TIMELY),
        # Two work-up pathologies with different frames: both, in the order of the rules.
        (
            _flags(history_of_cancer="yes", inflammatory_back_pain="yes"),
            "work_up",
            (f"{CANCER[0]}; {RHEUMATOLOGY[0]}", f"{CANCER[1]}; {RHEUMATOLOGY[1]}"),
        ),
    ],
    ids=["escalation-over-work-up", "fever-alone", "two-work-ups"],
)
def test_the_time_frame_is_that_of_the_pathologies_at_the_plans_level(
    guideline: Guideline, rules: Rules, answers: dict[str, Any], level: str, frame: tuple[str, str]
) -> None:
    triage = make_plan(context_of(answers), guideline, rules).triage
    assert triage.level.value == level
    assert (triage.time_frame, triage.time_frame_en) == frame


def test_an_escalation_puts_its_action_first(guideline: Guideline, rules: Rules) -> None:
    answers = _flags(sudden_severe_pain="yes", pulsatile_abdominal_mass="yes", history_of_cancer="yes")
    triage = make_plan(context_of(answers), guideline, rules).triage
    assert triage.escalations == ["suspected_aaa"]
    assert len(triage.actions) == len(triage.actions_en) == 2
    assert "aortaaneurisme" in triage.actions[0] and "aneurysm" in triage.actions_en[0]


def test_a_groups_frame_counts_only_the_items_answered_yes(guideline: Guideline, rule_pack: Path) -> None:
    # An item answered 'no' made an emergency one: the group stays at the work-up level of its yes item.
    edit_rule(
        rule_pack,
        "red-flags.yaml",
        "question_en: Unexplained weight loss?\n    level: work_up",
        "question_en: Unexplained weight loss?\n    level: emergency",
    )
    answers = _flags(history_of_cancer="yes", unexplained_weight_loss="no")
    triage = make_plan(context_of(answers), guideline, load_rules(rule_pack)).triage
    assert triage.level.value == "work_up"
    assert (triage.time_frame, triage.time_frame_en) == CANCER
