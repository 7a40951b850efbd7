"""STarT Back scored by hand (Hill 2008: total 0-9, psychosocial subscale 0-5; low when the total is at
most 3, high when the subscale is at least 4, else medium), shown as information with the text it rests on."""

from typing import Any

import pytest

from gradeline.decide import Rules, StartBackAnswers
from gradeline.decide.startback import score_startback

PHYSICAL = (
    "referred_leg_pain",
    "comorbid_shoulder_or_neck_pain",
    "walks_only_short_distances",
    "dresses_more_slowly",
)
PSYCHOSOCIAL = (
    "fear_not_safe_to_be_active",
    "anxiety_worrying_thoughts",
    "catastrophising_terrible_never_better",
    "depression_not_enjoying_things",
)


def _answers(yes: int, psychosocial_yes: int, bothersomeness: str) -> StartBackAnswers:
    values: dict[str, Any] = {name: i < yes for i, name in enumerate(PHYSICAL)}
    values |= {name: i < psychosocial_yes for i, name in enumerate(PSYCHOSOCIAL)}
    return StartBackAnswers(**values, bothersomeness=bothersomeness)


@pytest.mark.parametrize(
    ("physical", "psychosocial", "bothersomeness", "total", "subscale", "group"),
    [
        (3, 0, "moderately", 3, 0, "low"),  # total 3: the top of low
        (4, 0, "moderately", 4, 0, "medium"),  # total 4, subscale 0
        (1, 2, "very_much", 4, 3, "medium"),  # subscale 3: one short of high
        (0, 3, "extremely", 4, 4, "high"),  # subscale 4: high
        (0, 4, "slightly", 4, 4, "high"),
        (4, 4, "not_at_all", 8, 4, "high"),
    ],
)
def test_hand_scored_groups(
    rules: Rules, physical: int, psychosocial: int, bothersomeness: str, total: int, subscale: int, group: str
) -> None:
    assert rules.startback is not None
    result = score_startback(_answers(physical, psychosocial, bothersomeness), rules.startback)
    assert (result.complete, result.total, result.psychosocial_subscale, result.risk_group) == (
        True,
        total,
        subscale,
        group,
    )


def test_the_score_cites_chapter_5_and_its_outside_sources(rules: Rules) -> None:
    assert rules.startback is not None
    citation = score_startback(_answers(1, 1, "slightly"), rules.startback).citation
    assert citation.section == "5"
    assert citation.quote is not None and citation.quote.startswith(
        "Det er god praksis ikke rutinemæssigt at tilbyde patienter intervention"
    )
    assert citation.external[0].startswith("Hill JC et al. Arthritis Rheum 2008;59:632-41")
    assert len(citation.external) == 4
