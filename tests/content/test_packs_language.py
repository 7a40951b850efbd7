"""The loader on both packs: codes shown in each pack's language, optional source text and scope limits."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from gradeline.content.errors import PackError
from gradeline.content.pack import load_pack, pack_language
from gradeline.model import Certainty, Guideline, Importance, certainty_label, importance_label
from gradeline.publish.terminal import layer_two
from tests.content.fixtures import guideline as small_guideline
from tests.content.fixtures import row


def test_the_fictional_pack_loads_in_its_own_language(fictional_dir: Path) -> None:
    g = load_pack(fictional_dir)
    assert pack_language(fictional_dir) == "en" and g.language == "en"
    assert g.status.value == "example"
    assert [(r.strength.value, r.direction.value) for r in g.recommendations] == [
        ("strong", "for"),
        ("weak", "against"),
        ("good_practice", "for"),
    ]
    measures = {o.effect.measure.value for r in g.recommendations for o in r.outcomes if o.effect}
    assert measures == {"MD", "RR"}
    assert all(2 <= len(r.outcomes) <= 3 for r in g.recommendations)
    assert g.source_file is None and g.scope.provenance is None
    assert {m.domain for m in g.mcids} == {"pain", "widget_use"}


def test_its_own_language_applies_no_translation(fictional_dir: Path) -> None:
    assert load_pack(fictional_dir, "en") == load_pack(fictional_dir)


def test_every_page_of_the_fictional_pack_says_it_is_fictional(fictional_dir: Path) -> None:
    g = load_pack(fictional_dir)
    assert "fictional" in g.title.lower() and "not clinical advice" in g.status.note
    assert all("fictional example, not clinical advice" in r.text for r in g.recommendations)


def test_the_first_pack_keeps_its_danish_display() -> None:
    g = load_pack()
    row_ = g.recommendation("vanlig-aktivitet").outcome("smerteniveau-0-12-uger")
    assert row_.certainty is Certainty.LOW and row_.importance_label is Importance.CRITICAL
    assert certainty_label(row_.certainty, g.language) == "Lav"
    assert importance_label(row_.importance_label, g.language) == "Kritisk"
    assert row_.effect is not None and row_.effect.point.text(g.language) == "0.56 lavere"
    assert row_.effect.text == "MD 0.56 lavere (CI 95% 0.24 lavere — 0.87 lavere)"


def test_the_terminal_prints_headings_in_the_pack_language(fictional_dir: Path) -> None:
    from rich.console import Console

    g = load_pack(fictional_dir)
    console = Console(width=200, record=True)
    console.print(layer_two(g, g.recommendation("zorblex-drops")))
    text = console.export_text()
    assert "Evidence profile" in text and "Focused question:" in text and "Critical" in text
    assert "Evidensprofil" not in text and "Kritisk" not in text and "Fokuseret" not in text


def test_seed_lines_are_required_only_when_a_source_text_is_declared() -> None:
    g = small_guideline(row(seed_lines=[]))
    assert g.source_file is None and g.recommendations[0].outcomes[0].seed_lines == []
    with pytest.raises(ValidationError, match="missing for: test/smerte"):
        Guideline.model_validate({**g.model_dump(), "source_file": "source/seed.txt"})


def test_a_pack_without_a_guideline_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a content pack"):
        load_pack(tmp_path)


def test_english_per_thousand_arms_give_absolute_effects(fictional_dir: Path) -> None:
    from gradeline.evidence.absolute import outcome_absolute_effect

    g = load_pack(fictional_dir)
    row_ = g.recommendation("zorblex-drops").outcome("skin-irritation")
    effect = outcome_absolute_effect(row_)
    assert effect is not None and effect.per == 1000
    assert effect.difference == 40  # 40 per 1,000 × (RR 2.0 − 1), as printed


def test_the_fictional_pain_row_is_read_against_its_own_mcid(fictional_dir: Path) -> None:
    from gradeline.content.packs import activated
    from gradeline.evidence.reading import outcome_reading

    with activated(fictional_dir):
        g = load_pack(fictional_dir)
        rest, drops = g.recommendation("graduated-rest"), g.recommendation("zorblex-drops")
        # MD 1.4 lower (2.0 to 0.8 lower) against an MCID of 1 point: the CI spans the threshold
        first = outcome_reading(rest.outcome("pain-intensity-0-2-weeks"), g, rest)
        second = outcome_reading(drops.outcome("pain-intensity-0-2-weeks"), g, drops)
    assert first is not None and first.relevance.cls == "relevant_benefit_possible"
    assert second is not None and second.relevance.cls == "no_relevant_difference"
