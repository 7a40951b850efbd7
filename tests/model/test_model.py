"""The model rejects impossible values with a message that names the field."""

from typing import Any

import pytest
from pydantic import ValidationError

from gradeline.model import Effect, Outcome, PrintedValue, Recommendation, Scale, SeedSpan
from tests.content.fixtures import guideline, md, row, rr


def _error(model: Any, data: dict[str, Any]) -> str:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    return str(caught.value)


def test_importance_is_1_to_9() -> None:
    assert "importance" in _error(Outcome, row(importance=12, no_data="x"))


def test_participants_cannot_be_negative() -> None:
    assert "participants" in _error(Outcome, row(participants=-3, no_data="x"))


def test_scale_must_go_upwards() -> None:
    assert "not above its minimum" in _error(Scale, {"min": 10, "max": 0})


def test_a_ratio_has_no_direction_word() -> None:
    bad = rr("0.64", "0.45", "0.91")
    bad["point"] = {"value": "0.64", "direction": "lower"}
    assert "has no direction word" in _error(Effect, bad)


def test_a_ratio_is_positive() -> None:
    assert "must be positive" in _error(Effect, rr("0", "0.45", "0.91"))


def test_unknown_fields_are_rejected() -> None:
    assert "Extra inputs are not permitted" in _error(Outcome, row(no_data="x", colour="red"))


def test_a_row_without_data_needs_its_no_data_text() -> None:
    assert "no_data" in _error(Outcome, row(certainty=None))


def test_duplicate_outcome_ids_are_rejected() -> None:
    rec = guideline(row(no_data="x")).recommendations[0].model_dump()
    rec["outcomes"] = [rec["outcomes"][0], rec["outcomes"][0]]
    assert "not unique: smerte" in _error(Recommendation, rec)


def test_a_row_cannot_cite_a_missing_footnote() -> None:
    rec = guideline(row(no_data="x")).recommendations[0].model_dump()
    rec["outcomes"][0]["footnotes"] = [4]
    assert "footnote(s) [4]" in _error(Recommendation, rec)


def test_seed_spans_read_compact_forms() -> None:
    assert SeedSpan.model_validate("12-40") == SeedSpan(start=12, end=40)
    assert SeedSpan.model_validate(7) == SeedSpan(start=7, end=7)
    assert "not 'x-1'" in _error(SeedSpan, "x-1")  # type: ignore[arg-type]
    assert "ends (3) before it starts (9)" in _error(SeedSpan, "9-3")  # type: ignore[arg-type]


def test_signed_values_follow_the_direction_word() -> None:
    assert PrintedValue.model_validate({"value": "0.56", "direction": "lower"}).signed < 0
    assert PrintedValue.model_validate({"value": "172", "direction": "fewer"}).signed == -172
    assert PrintedValue.model_validate({"value": "0.3", "direction": "higher"}).signed > 0


def test_decimals_keep_their_printed_digits() -> None:
    effect = Effect.model_validate(md("0.30", "0.10", "0.50"))
    assert str(effect.point.value) == "0.30"
