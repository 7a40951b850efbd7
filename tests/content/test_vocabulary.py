"""The language-neutral codes of certainty, importance and direction, and their labels per language."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from gradeline.model import Certainty, Importance, Outcome, PrintedValue
from gradeline.model.vocabulary import (
    certainty_label,
    change_code,
    change_label,
    count,
    importance_label,
    per_label,
)


@pytest.mark.parametrize(
    ("code", "da", "en"),
    [
        ("high", "Høj", "High"),
        ("moderate", "Moderat", "Moderate"),
        ("low", "Lav", "Low"),
        ("very_low", "Meget lav", "Very low"),
    ],
)
def test_certainty_labels_are_the_printed_words(code: str, da: str, en: str) -> None:
    assert certainty_label(Certainty(code), "da") == da
    assert certainty_label(code, "en") == en


def test_importance_labels() -> None:
    assert [importance_label(i, "da") for i in Importance] == ["Kritisk", "Vigtig", "Ikke vigtig"]
    assert [importance_label(i, "en") for i in Importance] == ["Critical", "Important", "Not important"]


def test_a_language_without_labels_falls_back_to_english() -> None:
    assert certainty_label("very_low", "de") == "Very low"


def test_a_printed_value_is_written_in_the_page_language() -> None:
    value = PrintedValue(value=Decimal("0.56"), direction="lower")
    assert value.signed == Decimal("-0.56")
    assert value.text("da") == "0.56 lavere"
    assert value.text("en") == "0.56 lower"
    assert PrintedValue(value=Decimal(172), direction="fewer").text("da") == "172 færre"


def test_a_legacy_label_is_read_as_its_code() -> None:
    # packs and stored editions written before the codes ('Lav', 'lavere') still load, as codes
    assert PrintedValue.model_validate({"value": "0.56", "direction": "lavere"}).direction == "lower"
    row = Outcome.model_validate(
        {"id": "r", "name": "n", "importance_label": "Kritisk", "certainty": "Meget lav", "no_data": "x"}
    )
    assert (row.importance_label, row.certainty) == (Importance.CRITICAL, Certainty.VERY_LOW)
    assert row.model_dump(mode="json")["certainty"] == "very_low"


def test_an_unknown_word_is_refused() -> None:
    with pytest.raises(ValidationError):
        PrintedValue.model_validate({"value": "0.56", "direction": "smaller"})
    with pytest.raises(ValueError, match="not a change word"):
        change_label("lavere", "da")


def test_printed_words_map_back_to_codes() -> None:
    assert change_code("færre") == "fewer"
    assert change_code("higher") == "higher"
    assert change_code("Lav") is None


def test_per_thousand_in_each_language() -> None:
    assert per_label(1000, "da") == "per 1.000"
    assert per_label(1000, "en") == "per 1,000"
    assert count(12345, "da") == "12.345"
