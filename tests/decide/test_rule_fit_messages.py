"""Rules that do not fit the guideline: each problem is reported, whole, naming the file, the rule and what
the guideline says; a missing or malformed rule folder says so in one sentence."""

from pathlib import Path

import pytest
import yaml

from gradeline.decide import RuleError, check_rules, load_rules
from gradeline.model import Guideline
from tests.decide.conftest import edit_rule


def _problems(pack: Path, guideline: Guideline) -> list[str]:
    return check_rules(load_rules(pack), guideline)


def test_no_decide_folder_means_no_decision_support(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'decide'}: the pack has no decide/ folder with decision rules, so this guideline "
        f"offers "
        "no decision support"
    )


def test_a_rule_file_must_be_a_mapping(rule_pack: Path) -> None:
    (rule_pack / "decide" / "journal.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(rule_pack)
    assert (
        str(caught.value)
        == f"{rule_pack / 'decide' / 'journal.yaml'}: (top level): must be a mapping of fields"
    )


def test_a_missing_and_a_doubled_entry_are_counted(rule_pack: Path, guideline: Guideline) -> None:
    path = rule_pack / "decide" / "recommendations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = data["recommendations"]
    nsaid = next(r for r in entries if r["recommendation"] == "nsaid")
    data["recommendations"] = [r for r in entries if r["recommendation"] != "akupunktur"] + [nsaid]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert _problems(rule_pack, guideline) == [
        "recommendations.yaml: 'akupunktur' must have exactly one entry (has 0)",
        "recommendations.yaml: 'nsaid' must have exactly one entry (has 2)",
    ]


def test_every_unknown_recommendation_is_reported(rule_pack: Path, guideline: Guideline) -> None:
    edit_rule(rule_pack, "recommendations.yaml", "recommendation: ledmobilisering", "recommendation: massage")
    edit_rule(rule_pack, "recommendations.yaml", "recommendation: nsaid", "recommendation: ibuprofen")
    assert _problems(rule_pack, guideline) == [
        "recommendations.yaml: 'ledmobilisering' must have exactly one entry (has 0)",
        "recommendations.yaml: 'nsaid' must have exactly one entry (has 0)",
        "recommendations.yaml: 'massage' is not a recommendation of the guideline",
        "recommendations.yaml: 'ibuprofen' is not a recommendation of the guideline",
    ]


@pytest.mark.parametrize(
    ("change", "to", "expected"),
    [
        # Weak against fits, but the printed text does not say "ikke rutinemæssig".
        (
            "recommendation: akupunktur\n  action: only_after_careful_consideration",
            "recommendation: akupunktur\n  action: do_not_offer_routinely",
            "recommendations.yaml: akupunktur: action 'do_not_offer_routinely' does not fit (weak/against: "
            "'Tilbyd kun akupunktur teknikker i tillæg til vanlig behandli')",
        ),
        # No words to check, but a weak recommendation is not a strong one.
        (
            "recommendation: vanlig-aktivitet\n  action: consider",
            "recommendation: vanlig-aktivitet\n  action: offer",
            "recommendations.yaml: vanlig-aktivitet: action 'offer' does not fit (weak/for: "
            "'Overvej at opfordre patienter med nyopståede lænderygsmerter')",
        ),
    ],
    ids=["words", "strength"],
)
def test_an_action_must_fit_both_words_and_strength(
    rule_pack: Path, guideline: Guideline, change: str, to: str, expected: str
) -> None:
    edit_rule(rule_pack, "recommendations.yaml", change, to)
    assert _problems(rule_pack, guideline) == [expected]


def test_the_paragraph_just_past_the_last_does_not_exist(rule_pack: Path, guideline: Guideline) -> None:
    # ledmobilisering has two practical-advice paragraphs (0 and 1).
    edit_rule(
        rule_pack,
        "recommendations.yaml",
        "action: consider\n  advice:\n  - paragraph: 0\n    because: Hvis ledmobiliserende",
        "action: consider\n  advice:\n  - paragraph: 2\n    because: Hvis ledmobiliserende",
    )
    assert _problems(rule_pack, guideline) == [
        "recommendations.yaml: ledmobilisering: paragraph 2 does not exist (the recommendation has 2)"
    ]


def test_medication_and_scope_rules_must_name_what_the_pack_has(
    rule_pack: Path, guideline: Guideline
) -> None:
    edit_rule(rule_pack, "medication.yaml", "recommendation: opioider", "recommendation: tramadol")
    edit_rule(rule_pack, "scope.yaml", "scope_ref: location", "scope_ref: lumbar_location")
    assert _problems(rule_pack, guideline) == [
        "medication.yaml: 'tramadol' is not a recommendation of the guideline",
        "scope.yaml: location: scope_ref 'lumbar_location' is not in the pack's scope",
    ]


@pytest.mark.parametrize(
    ("change", "to"),
    [
        ("- id: age\n", "- id: age_gate\n"),  # no rule named 'age' at all
        (
            "{fact: age_years, less_than: 16}",
            "{fact: pain_nrs, less_than: 16}",
        ),  # the right number, wrong fact
    ],
    ids=["missing", "wrong-fact"],
)
def test_the_age_gate_must_test_the_packs_age(
    rule_pack: Path, guideline: Guideline, change: str, to: str
) -> None:
    edit_rule(rule_pack, "scope.yaml", change, to)
    assert _problems(rule_pack, guideline) == [
        "scope.yaml: rule 'age' must test age_years less_than 16 (the pack's scope)"
    ]
