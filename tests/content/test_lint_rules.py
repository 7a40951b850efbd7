"""Each linter rule on small fixtures: it fires on the inconsistency and stays quiet on a sound row."""

import pytest

from gradeline.content.lint import Finding, lint_guideline
from gradeline.content.lint.findings import reconcile
from gradeline.model import Erratum, Guideline
from gradeline.model.vocabulary import change_label
from tests.content.fixtures import guideline, md, row, rr


def codes(g: Guideline) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in lint_guideline(g).new]


def test_a_sound_row_gives_no_finding() -> None:
    g = guideline(
        row(effect=md("0.56", "0.87", "0.25"), comparator={"value": "2.81"}, scale={"min": 0, "max": 10})
    )
    assert codes(g) == []


def test_gl001_point_outside_ci() -> None:
    g = guideline(row(effect=md("0.78", "2.75", "4.32", direction="higher")))
    assert ("GL001", "test/smerte/effect") in codes(g)


def test_gl002_reversed_bounds() -> None:
    # 0.24 lavere — 0.87 lavere is -0.24 then -0.87: the larger bound printed first.
    g = guideline(row(effect=md("0.56", "0.24", "0.87")))
    assert codes(g) == [("GL002", "test/smerte/effect")]


def test_gl003_not_centred_beyond_rounding() -> None:
    g = guideline(row(effect=md("0.3", "0.39", "0.99", directions=("lower", "higher"))))
    assert codes(g) == [("GL003", "test/smerte/effect")]


def test_gl003_allows_rounding_of_printed_digits() -> None:
    # centre of 0.08 and 0.43 is 0.255, printed as 0.25: within rounding.
    g = guideline(row(effect=md("0.25", "0.08", "0.43", direction="higher", measure="SMD")))
    assert codes(g) == []


def test_gl003_ratio_is_centred_on_the_log_scale() -> None:
    assert codes(guideline(row(effect=rr("0.64", "0.45", "0.91")))) == []
    assert codes(guideline(row(effect=rr("0.99", "0.45", "0.91")))) == [("GL001", "test/smerte/effect")]
    assert codes(guideline(row(effect=rr("0.70", "0.45", "0.91")))) == [("GL003", "test/smerte/effect")]


def test_gl004_arms_disagree_with_mean_difference() -> None:
    g = guideline(
        row(
            effect=md("22", "8.9", "35.1", direction="higher"),
            comparator={"value": "41"},
            intervention={"value": "19"},
        )
    )
    assert ("GL004", "test/smerte/effect") in codes(g)
    sound = guideline(
        row(
            effect=md("22", "35.1", "8.9", direction="lower"),
            comparator={"value": "41"},
            intervention={"value": "19"},
        )
    )
    assert codes(sound) == []


def da(code: str) -> str:
    return change_label(code, "da")


def _absolute(point: str, d: str, first: str, d1: str, second: str, d2: str) -> dict[str, object]:
    return {
        "point": {"value": point, "direction": d},
        "ci_first": {"value": first, "direction": d1},
        "ci_second": {"value": second, "direction": d2},
        "text": f"{point} {da(d)} per 1.000 (CI 95% {first} {da(d1)} — {second} {da(d2)})",
    }


def test_gl005_per_thousand_agrees_with_rr_and_baseline() -> None:
    published = row(
        effect=rr("0.64", "0.45", "0.91"),
        comparator={"value": "479", "unit": "per 1.000"},
        intervention={"value": "307", "unit": "per 1.000"},
        absolute=_absolute("172", "fewer", "263", "fewer", "43", "fewer"),
    )
    assert codes(guideline(published)) == []


def test_gl005_flags_a_wrong_difference_and_a_wrong_treated_risk() -> None:
    wrong = row(
        effect=rr("0.64", "0.45", "0.91"),
        comparator={"value": "479", "unit": "per 1.000"},
        intervention={"value": "350", "unit": "per 1.000"},
        absolute=_absolute("150", "fewer", "263", "fewer", "43", "fewer"),
    )
    assert codes(guideline(wrong)) == [
        ("GL005", "test/smerte/absolute"),
        ("GL005", "test/smerte/intervention"),
    ]


def test_gl006_values_outside_the_scale() -> None:
    g = guideline(row(effect=md("12", "11", "13"), comparator={"value": "11"}, scale={"min": 0, "max": 10}))
    found = codes(g)
    assert ("GL006", "test/smerte/comparator") in found and ("GL006", "test/smerte/effect") in found


@pytest.mark.parametrize(
    ("number", "label", "flagged"),
    [
        (9, "critical", False),
        (6, "critical", True),
        (6, "important", False),
        (7, "important", True),
        (2, "not_important", False),
    ],
)
def test_gl007_importance_number_and_label(number: int, label: str, flagged: bool) -> None:
    g = guideline(row(importance=number, importance_label=label, no_data="Ingen studier."))
    assert (("GL007", "test/smerte/importance") in codes(g)) is flagged


def test_gl008_wording_must_follow_the_template() -> None:
    g = guideline(
        row(no_data="x"),
        strength="weak",
        direction="against",
        label="Svag anbefaling mod",
        text="Tilbyd ikke rutinemæssig test.",
    )
    assert ("GL008", "test/text") in codes(g)
    ok = guideline(
        row(no_data="x"),
        strength="weak",
        direction="against",
        label="Svag anbefaling mod",
        text="Tilbyd kun test efter nøje overvejelse, da effekten er usikker.",
    )
    assert ("GL008", "test/text") not in codes(ok)


def test_gl009_label_must_match_strength() -> None:
    g = guideline(row(no_data="x"), label="Svag anbefaling mod")
    assert ("GL009", "test/label") in codes(g)


def test_gl010_a_missing_layer() -> None:
    g = guideline(row(no_data="x"), summary=[], key_info={"benefits_harms": ["b"]})
    found = codes(g)
    for layer in ("summary", "key_info.certainty", "key_info.preferences", "key_info.rationale"):
        assert ("GL010", f"test/{layer}") in found


def test_gl011_uncited_footnote() -> None:
    g = guideline(
        row(no_data="x", footnotes=[1]), footnotes=[{"number": 1, "text": "a"}, {"number": 2, "text": "b"}]
    )
    assert codes(g) == [("GL011", "test/footnotes/2")]


def test_gl012_structured_values_must_read_as_the_text() -> None:
    effect = md("0.56", "0.87", "0.25")
    effect["text"] = "MD 0.65 lavere (CI 95% 0.87 lavere — 0.25 lavere)"
    assert codes(guideline(row(effect=effect))) == [("GL012", "test/smerte/effect")]


@pytest.mark.parametrize("per", ["per 1.000", "per 1,000", "per 1000"])
def test_gl012_reads_a_printed_1_in_a_per_thousand_text(per: str) -> None:
    # "1 flere per 1.000": the token "1" is a published value, not part of the denominator (issue 18).
    r = row(
        effect=rr("1.1", "0.9", "1.34"),
        comparator={"value": "10", "unit": "per 1.000"},
        absolute={
            "point": {"value": "1", "direction": "more"},
            "ci_first": {"value": "1", "direction": "fewer"},
            "ci_second": {"value": "3", "direction": "more"},
            "text": f"1 flere {per} (CI 95% 1 færre — 3 flere)",
        },
    )
    assert ("GL012", "test/smerte/absolute") not in codes(guideline(r))


def test_gl012_still_flags_a_wrong_1_in_a_per_thousand_text() -> None:
    r = row(
        effect=rr("1.1", "0.9", "1.34"),
        comparator={"value": "10", "unit": "per 1.000"},
        absolute={
            "point": {"value": "1", "direction": "more"},
            "ci_first": {"value": "1", "direction": "fewer"},
            "ci_second": {"value": "3", "direction": "more"},
            "text": "2 flere per 1.000 (CI 95% 1 færre — 3 flere)",
        },
    )
    assert ("GL012", "test/smerte/absolute") in codes(guideline(r))


def test_gl012_reads_english_direction_words() -> None:
    effect = md("0.56", "0.87", "0.25")
    effect["text"] = "MD 0.56 lower (95% CI 0.87 lower — 0.25 lower)"
    assert codes(guideline(row(effect=effect))) == []
    effect["text"] = "MD 0.56 higher (95% CI 0.87 lower — 0.25 lower)"
    assert codes(guideline(row(effect=effect))) == [("GL012", "test/smerte/effect")]


def test_gl013_overall_certainty_is_the_lowest_critical() -> None:
    g = guideline(
        row(certainty="moderate", no_data=None, effect=md("0.5", "0.8", "0.2")), overall_certainty="low"
    )
    assert codes(g) == [("GL013", "test/overall_certainty")]


def test_reconcile_splits_new_acknowledged_and_stale() -> None:
    finding = Finding("GL001", "a/b/effect", "m")
    report = reconcile(
        [finding],
        [
            Erratum(code="GL001", location="a/b/effect", explanation="kept as published"),
            Erratum(code="GL002", location="a/c/effect", explanation="no longer found"),
        ],
    )
    assert [f for f, _ in report.acknowledged] == [finding]
    assert [e.code for e in report.stale] == ["GL002"]
    assert not report.clean


@pytest.mark.parametrize(
    ("printed", "flagged"), [("175", False), ("176", True), ("170", False), ("169", True)]
)
def test_gl005_tolerance_edges_by_hand(printed: str, flagged: bool) -> None:
    # RR printed 0.64 means 0.635 to 0.645; 479 x (0.635 - 1) = -174.835 and 479 x (0.645 - 1) = -170.045;
    # with half a printed unit of slack the point may read 169.545 to 175.335 fewer per 1,000.
    r = row(
        effect=rr("0.64", "0.45", "0.91"),
        comparator={"value": "479", "unit": "per 1.000"},
        absolute=_absolute(printed, "fewer", "263", "fewer", "43", "fewer"),
    )
    assert (("GL005", "test/smerte/absolute") in codes(guideline(r))) is flagged
