"""Written clinical vignettes (tests/decide/vignettes/*.yaml): patient -> expected scope, triage and actions.

Each vignette cites the guideline text it relies on; the citation must occur verbatim in the pack's source.
"""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gradeline.content.seedtext import SeedText
from gradeline.decide import Plan, Rules, make_plan
from gradeline.model import Guideline
from tests.decide.conftest import context_of, load_vignette, vignette_files

FILES = vignette_files()


def test_at_least_forty_vignettes_across_categories() -> None:
    categories = Counter(load_vignette(p)["category"] for p in FILES)
    assert len(FILES) >= 40
    for needed in (
        "scope-age",
        "scope-duration",
        "scope-unknown",
        "scope-radiculopathy",
        "scope-pregnancy",
        "scope-postop",
        "red-flags",
        "tailoring-imaging",
        "tailoring-analgesics",
        "tailoring-education",
    ):
        assert categories[needed] > 0, needed


def _check_recommendation(plan: Plan, rec_id: str, expected: dict[str, Any]) -> None:
    rec = next(r for r in plan.recommendations if r.id == rec_id)
    if "applicability" in expected:
        assert rec.applicability.value == expected["applicability"], rec_id
    if "highlighted" in expected:
        assert rec.highlighted is expected["highlighted"], rec_id
    shown = [a.paragraph for a in rec.advice]
    if "advice" in expected:
        assert shown == expected["advice"], f"{rec_id}: advice paragraphs {shown}"
    if "highlighted_advice" in expected:
        assert [a.paragraph for a in rec.advice if a.highlighted] == expected["highlighted_advice"], rec_id
    if "ask" in expected:
        assert [a.paragraph for a in rec.advice if a.status.value == "ask"] == expected["ask"], rec_id


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_vignette(path: Path, guideline: Guideline, rules: Rules, seed: SeedText) -> None:
    vignette = load_vignette(path)
    assert vignette["cites"], "a vignette cites the guideline text it relies on"
    for cite in vignette["cites"]:
        assert seed.contains(cite["quote"], max_pieces=2), (
            f"citation not verbatim in the seed: {cite['quote'][:60]}"
        )
    plan = make_plan(context_of(vignette["patient"]), guideline, rules)
    expect = vignette["expect"]

    # Every vignette states its scope verdict (a missing one would compare the plan with itself).
    assert plan.scope.verdict.value == expect["scope"]
    for rule_id, status in expect.get("gates", {}).items():
        assert next(r for r in plan.scope.reasons if r.rule_id == rule_id).status.value == status, rule_id
    if "triage" in expect:
        assert plan.triage.level.value == expect["triage"]
    if "findings" in expect:
        assert sorted(f.item_id for f in plan.triage.findings) == sorted(expect["findings"])
    if "risk_factors" in expect:
        assert sorted(f.item_id for f in plan.triage.risk_factors) == sorted(expect["risk_factors"])
    if "not_assessed" in expect:
        assert [f.item_id for f in plan.triage.not_assessed] == expect["not_assessed"]
    if "not_assessed_at_least" in expect:
        assert len(plan.triage.not_assessed) >= expect["not_assessed_at_least"]
    for rec_id, expected in expect.get("recommendations", {}).items():
        _check_recommendation(plan, rec_id, expected)
    topics = [t.topic for t in plan.tell_patient]
    for topic in expect.get("tell_topics", []):
        assert topic in topics
    if "refer_contains" in expect:
        assert any(expect["refer_contains"] in r for r in plan.scope.refer_to)
    if "action_contains" in expect:
        assert any(expect["action_contains"] in a for a in plan.triage.actions)
    if "escalations" in expect:
        assert plan.triage.escalations == expect["escalations"]
    if "time_frame_contains" in expect:
        assert expect["time_frame_contains"] in plan.triage.time_frame
    if "label_en" in expect:
        assert plan.triage.label_en == expect["label_en"]
    for rec_id, cautions in expect.get("cautions", {}).items():
        rec = next(r for r in plan.recommendations if r.id == rec_id)
        shown = {c.id: c.status.value for c in rec.cautions if c.id != "general"}
        assert shown == cautions, f"{rec_id}: cautions {shown}"
    if "follow_up" in expect:
        assert [f.id for f in plan.follow_up] == expect["follow_up"]
    for part, words in expect.get("summary_contains", {}).items():
        lines = " | ".join(line.text for line in getattr(plan.summary, part))
        for word in words:
            assert word in lines, f"summary.{part}: {word!r} not in {lines!r}"
    if "refer_count" in expect:
        assert len(plan.scope.refer_to) == expect["refer_count"]
    if "startback" in expect:
        assert plan.startback is not None
        for key, value in expect["startback"].items():
            assert getattr(plan.startback, key) == value, key

    # Invariants every plan keeps (hazard controls H1-H4 in docs/clinical-safety.md).
    assert "IKKE GÆLDENDE" in plan.status_notice
    assert "Klinikeren" in plan.clinician_decides
    assert "ikke gældende" in plan.journal_note and "klinikeren" in plan.journal_note
    assert [r.chapter for r in plan.recommendations] == list(range(3, 13))
    for rec in plan.recommendations:
        source = guideline.recommendation(rec.id)
        assert rec.text == source.text and rec.strength_label == source.label
        assert rec.strength_colour == guideline.strength_level(source).colour
        assert all(a.text in source.practical_advice for a in rec.advice)
    if plan.scope.verdict.value == "out_of_scope":
        assert all(r.applicability.value in ("not_applicable", "work_up") for r in plan.recommendations)
    # Unknown is never reassuring: routine only when every red-flag item that can raise triage is answered.
    if plan.triage.level.value == "routine":
        assert not [f for f in plan.triage.not_assessed if f.level != "note"]
    assert plan.triage.time_frame and plan.triage.label_en and plan.scope.label_en
    assert "not in force" in plan.journal_note_en
    assert len(set(plan.scope.refer_to)) == len(plan.scope.refer_to)
