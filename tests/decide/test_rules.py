"""Rule files: loading errors name the file and field; the rules fit the guideline; every rule is sourced."""

from pathlib import Path

import pytest
import yaml

from gradeline.content.seedtext import SeedText
from gradeline.decide import RuleError, Rules, check_rules, load_rules
from gradeline.model import Guideline
from tests.decide.conftest import edit_rule as _edit


def test_bundled_rules_fit_the_guideline(rules: Rules, guideline: Guideline) -> None:
    assert check_rules(rules, guideline) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no decide/ folder"):
        load_rules(tmp_path)


def test_missing_file_names_it(rule_pack: Path) -> None:
    (rule_pack / "decide" / "follow-up.yaml").unlink()
    with pytest.raises(RuleError, match=r"follow-up\.yaml: file not found"):
        load_rules(rule_pack)


def test_startback_and_medication_are_optional(rule_pack: Path) -> None:
    (rule_pack / "decide" / "startback.yaml").unlink()
    (rule_pack / "decide" / "medication.yaml").unlink()
    rules = load_rules(rule_pack)
    assert rules.startback is None and rules.medication.medicines == []


def test_yaml_syntax_error_names_file_and_line(rule_pack: Path) -> None:
    (rule_pack / "decide" / "scope.yaml").write_text("rules: [\n  - id: x\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"scope\.yaml:.*line"):
        load_rules(rule_pack)


def test_unknown_fact_names_file_and_field(rule_pack: Path) -> None:
    _edit(rule_pack, "scope.yaml", "fact: age_years", "fact: age_in_years")
    with pytest.raises(RuleError, match=r"scope\.yaml: rules\.0\.excludes_when.*unknown fact 'age_in_years'"):
        load_rules(rule_pack)


def test_wrong_answer_value(rule_pack: Path) -> None:
    _edit(rule_pack, "scope.yaml", "is: ['no']", "is: ['maybe']")
    with pytest.raises(RuleError, match=r"scope\.yaml: rules\.2\.excludes_when.*not \['maybe'\]"):
        load_rules(rule_pack)


def test_unknown_field(rule_pack: Path) -> None:
    _edit(rule_pack, "red-flags.yaml", "    level: emergency\n", "    level: emergency\n    urgency: high\n")
    with pytest.raises(RuleError, match=r"red-flags\.yaml: groups\.0\.items\.0\.urgency: Extra inputs"):
        load_rules(rule_pack)


def test_bad_level(rule_pack: Path) -> None:
    _edit(rule_pack, "red-flags.yaml", "level: emergency", "level: urgent")
    with pytest.raises(RuleError, match=r"red-flags\.yaml: groups\.0\.items\.0\.level"):
        load_rules(rule_pack)


def test_item_without_source(rule_pack: Path) -> None:
    path = rule_pack / "decide" / "red-flags.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["groups"][2]["items"][0]["source"] = {"external": []}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(
        RuleError, match=r"groups\.2\.items\.0\.source.*guideline quote or an external citation"
    ):
        load_rules(rule_pack)


def test_duplicate_item_ids(rule_pack: Path) -> None:
    _edit(rule_pack, "red-flags.yaml", "id: saddle_anaesthesia", "id: bladder_or_bowel_change")
    with pytest.raises(RuleError, match="not unique"):
        load_rules(rule_pack)


def test_condition_with_two_kinds(rule_pack: Path) -> None:
    _edit(
        rule_pack,
        "scope.yaml",
        "{fact: age_years, less_than: 16}",
        "{fact: age_years, less_than: 16, always: true}",
    )
    with pytest.raises(RuleError, match="exactly one of"):
        load_rules(rule_pack)


def test_our_own_words_need_an_external_source(rule_pack: Path) -> None:
    path = rule_pack / "decide" / "patient.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["tell"][1]["source"] = {"guideline": {"section": "2", "quote": "cauda equina"}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RuleError, match=r"patient\.yaml: tell\.1.*external source"):
        load_rules(rule_pack)


def test_age_threshold_must_match_the_pack(rule_pack: Path, guideline: Guideline) -> None:
    _edit(rule_pack, "scope.yaml", "less_than: 16", "less_than: 17")
    problems = check_rules(load_rules(rule_pack), guideline)
    assert any("age_years less_than 16" in p for p in problems)


def test_duration_threshold_must_match_the_pack(rule_pack: Path, guideline: Guideline) -> None:
    _edit(rule_pack, "scope.yaml", "more_than: 84", "more_than: 91")
    assert any("duration_in_days more_than 84" in p for p in check_rules(load_rules(rule_pack), guideline))


def test_action_must_fit_the_recommendation(rule_pack: Path, guideline: Guideline) -> None:
    _edit(
        rule_pack,
        "recommendations.yaml",
        "action: do_not_offer_routinely\n  highlight",
        "action: consider\n  highlight",
    )
    problems = check_rules(load_rules(rule_pack), guideline)
    assert any("billeddiagnostik: action 'consider' does not fit" in p for p in problems)


def test_paragraph_must_exist(rule_pack: Path, guideline: Guideline) -> None:
    _edit(rule_pack, "recommendations.yaml", "  - paragraph: 3\n", "  - paragraph: 9\n")
    assert any("paragraph 9 does not exist" in p for p in check_rules(load_rules(rule_pack), guideline))


def test_every_recommendation_needs_an_entry(rule_pack: Path, guideline: Guideline) -> None:
    path = rule_pack / "decide" / "recommendations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["recommendations"] = [r for r in data["recommendations"] if r["recommendation"] != "nsaid"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert any(
        "'nsaid' must have exactly one entry" in p for p in check_rules(load_rules(rule_pack), guideline)
    )


def test_make_plan_refuses_rules_that_do_not_fit(rule_pack: Path, guideline: Guideline) -> None:
    from gradeline.decide import PatientContext, make_plan

    _edit(rule_pack, "scope.yaml", "less_than: 16", "less_than: 15")
    with pytest.raises(RuleError, match=r"scope\.yaml"):
        make_plan(PatientContext(), guideline, load_rules(rule_pack))


def _quotes(rules: Rules) -> list[str]:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "quote" in node and "section" in node:
                found.append(str(node["quote"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(rules.model_dump())
    return found


def test_every_guideline_quote_is_verbatim(rules: Rules, seed: SeedText) -> None:
    quotes = _quotes(rules)
    assert len(quotes) > 20
    missing = [q[:70] for q in quotes if not seed.contains(q, max_pieces=2)]
    assert missing == []


def test_every_red_flag_item_is_sourced_and_external_ones_are_cited(rules: Rules) -> None:
    for group, item in rules.red_flags.items():
        assert item.source.guideline or item.source.external, item.id
        for source in item.source.external:
            assert source.citation and source.reference_note.startswith("clinical.md"), item.id
        assert group.guideline.quote


def test_caveat_states_modest_value_with_downie(rules: Rules) -> None:
    assert "beskeden diagnostisk værdi" in rules.red_flags.caveat
    assert any("Downie" in s.citation for s in rules.red_flags.caveat_source.external)


def test_pathologies_named_in_section_2_and_chapter_6_are_covered(rules: Rules) -> None:
    groups = {g.id for g in rules.red_flags.groups}
    assert {
        "spondyloarthropathy",
        "malignancy",
        "infection",
        "fracture",
        "cauda_equina",
        "pareses",
        "vascular",
        "listhesis",
    } <= groups
    triggers = {g.id for g in rules.red_flags.groups if g.imaging_trigger}
    assert {"fracture", "malignancy", "infection", "pareses", "listhesis"} <= triggers


def test_each_scope_gate_quotes_the_scope_item_it_refers_to(rules: Rules, guideline: Guideline) -> None:
    items = {item.id: item.text for item in [*guideline.scope.criteria, *guideline.scope.exclusions]}
    squashed = {key: " ".join(text.split()) for key, text in items.items()}
    for rule in rules.scope.rules:
        assert rule.source.guideline is not None, rule.id
        quote = " ".join(rule.source.guideline.quote.split())
        assert quote in squashed[rule.scope_ref] or squashed[rule.scope_ref] in quote, rule.id
