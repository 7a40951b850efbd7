"""What a methodologist reads: every rule's whole sentence, with the numbers worked out by hand."""

import pytest

from gradeline.content.lint import lint_guideline
from gradeline.model import Guideline
from tests.content.fixtures import guideline, md, row, rr
from tests.content.test_lint_rules import _absolute

CASES: list[tuple[str, Guideline, list[str]]] = [
    (
        "GL001: a difference beyond its CI",
        guideline(row(effect=md("0.78", "2.75", "4.32", direction="higher"))),
        [
            "GL001 test/smerte/effect: the point estimate 0.78 higher (0.78) lies outside its 95% CI 2.75 "
            "higher "
            "— 4.32 higher (2.75 to 4.32)."
        ],
    ),
    (
        "GL001: a ratio beyond its CI",
        guideline(row(effect=rr("0.99", "0.45", "0.91"))),
        [
            "GL001 test/smerte/effect: the point estimate 0.99 (0.99) lies outside its 95% CI 0.45 — 0.91 "
            "(0.45 to 0.91)."
        ],
    ),
    (
        "GL002: 0.24 lower is -0.24, larger than -0.87",
        guideline(row(effect=md("0.56", "0.24", "0.87"))),
        [
            "GL002 test/smerte/effect: the 95% CI is printed as 0.24 lower — 0.87 lower: the first bound is "
            "the "
            "larger (-0.24 > -0.87)."
        ],
    ),
    (
        "GL003: the centre of -0.39 and 0.99 is 0.30 higher, not 0.3 lower",
        guideline(row(effect=md("0.3", "0.39", "0.99", directions=("lower", "higher")))),
        [
            "GL003 test/smerte/effect: MD 0.3 lower is not the centre of its 95% CI 0.39 lower — 0.99 "
            "higher, "
            "even allowing for rounding of the printed digits."
        ],
    ),
    (
        "GL003: the log-centre of 0.45 and 0.91 is 0.64, not 0.70",
        guideline(row(effect=rr("0.70", "0.45", "0.91"))),
        [
            "GL003 test/smerte/effect: RR 0.70 is not the centre on the log scale of its 95% CI 0.45 — 0.91, "
            "even allowing for rounding of the printed digits."
        ],
    ),
    (
        "GL004: 19 - 41 = -22, printed as 22 higher",
        guideline(
            row(
                effect=md("22", "8.9", "35.1", direction="higher"),
                comparator={"value": "41"},
                intervention={"value": "19"},
            )
        ),
        [
            "GL004 test/smerte/effect: intervention 19 − comparator 41 = -22, but the printed difference is "
            "MD "
            "22 higher."
        ],
    ),
    (
        # RR 0.635..0.645 and baseline 478.5..479.5: treated 478.5 × 0.635 = 303.85 to 479.5 × 0.645 = 309.28;
        # difference 479.5 × -0.365 = -175.02 to 478.5 × -0.355 = -169.87; CI bound 0.45:
        # 479.5 × -0.555 = -266.12 to 478.5 × -0.545 = -260.78. 200 and 150 fewer and 350 are all outside.
        "GL005: per 1,000 values against baseline × RR",
        guideline(
            row(
                effect=rr("0.64", "0.45", "0.91"),
                comparator={"value": "479", "unit": "per 1.000"},
                intervention={"value": "350", "unit": "per 1.000"},
                absolute=_absolute("150", "fewer", "200", "fewer", "43", "fewer"),
            )
        ),
        [
            "GL005 test/smerte/absolute: difference CI bound is printed as 200 fewer per 1.000, but baseline "
            "479 "
            "per 1.000 with the RR's CI bound gives -266.1 to -260.8.",
            "GL005 test/smerte/absolute: difference is printed as 150 fewer per 1.000, but baseline 479 per "
            "1.000 "
            "with RR 0.64 gives -175.0 to -169.9.",
            "GL005 test/smerte/intervention: intervention is printed as 350 per 1.000, but baseline 479 per "
            "1.000 with RR 0.64 gives 303.8 to 309.3.",
        ],
    ),
    (
        "GL006: arms and a difference beyond a 0-10 scale",
        guideline(
            row(
                effect=md("12", "11", "13", directions=("lower", "lower")),
                comparator={"value": "11"},
                intervention={"value": "-1"},
                scale={"min": 0, "max": 10},
                measured_with="NRS",
            )
        ),
        [
            "GL002 test/smerte/effect: the 95% CI is printed as 11 lower — 13 lower: the first bound is the "
            "larger "
            "(-11 > -13).",
            "GL006 test/smerte/comparator: comparator value 11 lies outside the scale 0–10 (NRS).",
            "GL006 test/smerte/effect: a mean difference of 11 lower is larger than the whole scale 0–10.",
            "GL006 test/smerte/effect: a mean difference of 12 lower is larger than the whole scale 0–10.",
            "GL006 test/smerte/effect: a mean difference of 13 lower is larger than the whole scale 0–10.",
            "GL006 test/smerte/intervention: intervention value -1 lies outside the scale 0–10 (NRS).",
        ],
    ),
    (
        "GL007: 6 is not critical",
        guideline(row(importance=6, importance_label="critical", no_data="x")),
        ["GL007 test/smerte/importance: importance 6 is labelled Kritisk, which GRADE reserves for 7–9."],
    ),
    (
        "GL007: a label without a number",
        guideline(row(importance=None, importance_label="critical", no_data="x")),
        ["GL007 test/smerte/importance: only one of the importance number and label is given."],
    ),
    (
        "GL007: a number without a label",
        guideline(row(importance=8, importance_label=None, no_data="x")),
        ["GL007 test/smerte/importance: only one of the importance number and label is given."],
    ),
    (
        "GL008: the first 60 characters of a wrongly worded text",
        guideline(row(no_data="x"), text="Tilbyd test til alle patienter med rygsmerter i mindst seks uger."),
        [
            "GL008 test/text: a Svag anbefaling for (Gul) recommendation is worded “Overvej at…”, but this "
            "one "
            "reads “Tilbyd test til alle patienter med rygsmerter i mindst seks …”."
        ],
    ),
    (
        "GL009",
        guideline(row(no_data="x"), label="Svag anbefaling mod"),
        ["GL009 test/label: the label “Svag anbefaling mod” does not match weak/for (“Svag anbefaling”)."],
    ),
    (
        "GL010: two layers missing",
        guideline(row(no_data="x"), practical_advice=[], update_note=""),
        [
            "GL010 test/practical_advice: the recommendation has no practical advice.",
            "GL010 test/update_note: the recommendation has no update note.",
        ],
    ),
    (
        "GL011",
        guideline(
            row(no_data="x", footnotes=[1]),
            footnotes=[{"number": 1, "text": "a"}, {"number": 2, "text": "b"}],
        ),
        ["GL011 test/footnotes/2: footnote 2 is printed but no row cites it."],
    ),
    (
        "GL012",
        guideline(
            row(
                effect={
                    **md("0.56", "0.87", "0.25"),
                    "text": "MD 0.65 lavere (CI 95% 0.87 lavere — 0.25 lavere)",
                }
            )
        ),
        [
            "GL012 test/smerte/effect: the structured values read '0.56 lower 0.87 lower 0.25 lower' but the "
            "published text is 'MD 0.65 lavere (CI 95% 0.87 lavere — 0.25 lavere)'."
        ],
    ),
    (
        "GL013",
        guideline(row(certainty="moderate", effect=md("0.5", "0.8", "0.2")), overall_certainty="low"),
        [
            "GL013 test/overall_certainty: overall certainty is stated as Lav, but the lowest certainty "
            "among the "
            "critical outcomes is Moderat."
        ],
    ),
]


@pytest.mark.parametrize(("g", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_says_what_is_wrong_in_full(g: Guideline, expected: list[str]) -> None:
    assert [str(f) for f in lint_guideline(g).new] == expected
