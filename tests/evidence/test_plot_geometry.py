"""Where the outcome plot draws things, worked out by hand from the plot's fixed frame.

The plot area runs from x = 320 (label column 300 + 20) to x = 736 (width 760 − 24): 416 pixels. Row i starts
at y = 40 + 96·i.
"""

import dataclasses
import math
import xml.etree.ElementTree as ET

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.estimate import Estimate
from gradeline.evidence.plot import Axis, axis_for, outcome_plot_svg, text_alternative, ticks
from gradeline.evidence.reading import OutcomeReading, recommendation_readings
from gradeline.model.outcome import EffectMeasure

SVG = "{http://www.w3.org/2000/svg}"
g = cached_pack()


def _row(rec_id: str, outcome_id: str, lang: str = "en", published: bool = False) -> ET.Element:
    root = ET.fromstring(outcome_plot_svg(g.recommendation(rec_id), g, lang, published))  # type: ignore[arg-type]
    return next(e for e in root.findall(f"{SVG}g") if e.get("data-outcome") == outcome_id)


def _reading(rec_id: str, outcome_id: str) -> OutcomeReading:
    return next(r for r in recommendation_readings(g.recommendation(rec_id), g) if r.outcome.id == outcome_id)


@pytest.mark.parametrize(
    ("axis", "value", "x"),
    [
        (Axis(-1.0, 1.0, False), 0.0, 528.0),  # the middle of 320..736
        (Axis(-1.0, 1.0, False), -1.0, 320.0),
        (Axis(-1.0, 1.0, False), 0.5, 632.0),  # 320 + 0.75 × 416
        (Axis(0.5, 2.0, True), 1.0, 528.0),  # log 1 is halfway between log 0.5 and log 2
        (Axis(0.5, 2.0, True), 2.0, 736.0),
        (Axis(1.0, 100.0, True), 10.0, 528.0),
    ],
)
def test_axis_maps_values_to_pixels(axis: Axis, value: float, x: float) -> None:
    assert axis.x(value) == pytest.approx(x)


@pytest.mark.parametrize(
    ("estimate", "threshold", "lo", "hi", "log"),
    [
        # values -0.28, 0.28, 0, 0 and ±2: -2..2, padded by 8 % of 4 = 0.32
        (Estimate(EffectMeasure.MD, 0.0, -0.28, 0.28), 2.0, -2.32, 2.32, False),
        # a CI beyond the threshold: -5..2, padded by 8 % of 7 = 0.56
        (Estimate(EffectMeasure.MD, -3.0, -5.0, -1.0), 2.0, -5.56, 2.56, False),
        # -4.09..1.77 (no threshold), padded by 8 % of 5.86 = 0.4688
        (Estimate(EffectMeasure.MD, -1.16, -4.09, 1.77), None, -4.5588, 2.2388, False),
        # everything at 0: a pad of 1 so that the axis has a width
        (Estimate(EffectMeasure.MD, 0.0, 0.0, 0.0), None, -1.0, 1.0, False),
        # a ratio: 0.45..1 (the no-effect line), divided and multiplied by 1.3, on a log scale
        (Estimate(EffectMeasure.RR, 0.64, 0.45, 0.91), None, 0.45 / 1.3, 1.3, True),
        (Estimate(EffectMeasure.RR, 1.51, 1.25, 8.99), 5.0, 1 / 1.3, 8.99 * 1.3, True),
    ],
)
def test_axis_covers_ci_null_and_threshold(
    estimate: Estimate, threshold: float | None, lo: float, hi: float, log: bool
) -> None:
    axis = axis_for(estimate, threshold)
    assert (axis.lo, axis.hi, axis.log) == (pytest.approx(lo), pytest.approx(hi), log)


@pytest.mark.parametrize(
    ("axis", "expected"),
    [
        # width 4.64 / 5 = 0.928: the next round step is 1
        (Axis(-2.32, 2.32, False), [-2.0, -1.0, 0.0, 1.0, 2.0]),
        # width 6.7976 / 5 = 1.36: step 2, from -4 (the first multiple of 2 above -4.56)
        (Axis(-4.5588, 2.2388, False), [-4.0, -2.0, 0.0, 2.0]),
        (Axis(0.0, 11.0, False), [0.0, 2.5, 5.0, 7.5, 10.0]),  # 2.2: step 2.5
        (Axis(0.0, 20.0, False), [0.0, 5.0, 10.0, 15.0, 20.0]),  # 4: step 5
        (Axis(0.0, 40.0, False), [0.0, 10.0, 20.0, 30.0, 40.0]),  # 8: step 10
        (Axis(0.0, 5.0, False), [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]),  # exactly 1: step 1
        # 0.1 + 2 × 0.1 is 0.30000000000000004 in floating point; the tick reads 0.3
        (Axis(0.05, 0.55, False), [0.1, 0.2, 0.3, 0.4, 0.5]),
        (Axis(0.5, 2.0, True), [0.5, 1.0, 2.0]),  # round ratios, bounds included
        (Axis(0.45 / 1.3, 1.3, True), [0.5, 1.0]),
        (Axis(0.009, 120.0, True), [0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0, 20.0, 100.0]),
    ],
)
def test_ticks_are_round_numbers_inside_the_axis(axis: Axis, expected: list[float]) -> None:
    assert ticks(axis) == expected


def test_paracetamol_pain_row_is_drawn_where_hand_arithmetic_puts_it() -> None:
    # MD 0 (-0.28 to 0.28) with the NRS MCID ±2: axis -2.32..2.32, x(v) = 320 + (v + 2.32) / 4.64 × 416.
    # Third row with an estimate: y = 40 + 2 × 96 = 232; the CI runs at y + 30 = 262.
    row = _row("paracetamol", "smerteniveau-0-12-uger")
    band = row.find(f"{SVG}rect[@class='band']")
    assert band is not None
    # x(-2) = 320 + 0.32/4.64 × 416 = 348.69; x(2) = 707.31; width 358.62
    assert (band.get("x"), band.get("width"), band.get("y"), band.get("height")) == (
        "348.7",
        "358.6",
        "244",
        "36",
    )
    assert band.findtext(f"{SVG}title") == "±2: no clinically relevant difference"
    tick_x = [t.get("x1") for t in row.findall(f"{SVG}line[@class='tick']")]
    assert tick_x == ["348.7", "438.3", "528.0", "617.7", "707.3"]  # -2, -1, 0, 1, 2
    assert [t.text for t in row.findall(f"{SVG}text[@class='ticklabel']")] == ["-2", "-1", "0", "1", "2"]
    assert {(t.get("y1"), t.get("y2")) for t in row.findall(f"{SVG}line[@class='tick']")} == {("280", "284")}
    assert {t.get("y") for t in row.findall(f"{SVG}text[@class='ticklabel']")} == {"295"}
    axis_line = row.find(f"{SVG}line[@class='axis']")
    assert axis_line is not None and axis_line.attrib == {
        "x1": "320",
        "y1": "280",
        "x2": "736",
        "y2": "280",
        "class": "axis",
    }
    null = row.find(f"{SVG}line[@class='null']")
    assert null is not None and (null.get("x1"), null.get("x2"), null.get("y1"), null.get("y2")) == (
        "528.0",
        "528.0",
        "240",
        "280",
    )
    ci = row.find(f"{SVG}line[@class='ci est cmoderate']")
    # x(-0.28) = 320 + 2.04/4.64 × 416 = 502.90; x(0.28) = 553.10
    assert ci is not None and (ci.get("x1"), ci.get("x2"), ci.get("y1"), ci.get("y2")) == (
        "502.9",
        "553.1",
        "262",
        "262",
    )
    point = row.find(f"{SVG}rect[@class='point est cmoderate']")
    assert point is not None and (point.get("x"), point.get("y"), point.get("width")) == (
        "522.0",
        "256",
        "12",
    )
    texts = {t.get("class"): (t.get("x"), t.get("y"), t.text) for t in row.findall(f"{SVG}text")}
    assert texts["name"] == ("8", "254", "Pain")
    assert texts["sub"] == ("8", "272", "in the first 12 weeks · MD")
    assert texts["cert"] == ("8", "290", "⊕⊕⊕◯ Moderate certainty")
    # lower is better for pain: the intervention's side is on the left
    assert texts["side"] == ("320", "308", "← better with paracetamol")
    assert texts["side end"] == ("736", "321", "better with no paracetamol →")


def test_a_ratio_row_has_a_log_axis_and_no_band() -> None:
    # RR 0.99 (0.29 to 3.42): axis 0.29/1.3 .. 3.42 × 1.3 on a log scale; first row, y = 40.
    row = _row("paracetamol", "alvorlige-bivirkninger-efter-endt-intervention")
    lo, hi = math.log(0.29 / 1.3), math.log(3.42 * 1.3)

    def x(v: float) -> str:
        return f"{320 + (math.log(v) - lo) / (hi - lo) * 416:.1f}"

    assert row.find(f"{SVG}rect[@class='band']") is None
    assert [t.text for t in row.findall(f"{SVG}text[@class='ticklabel']")] == ["0.25", "0.5", "1", "2", "4"]
    null = row.find(f"{SVG}line[@class='null']")
    assert null is not None and null.get("x1") == x(1.0) == "528.6"
    ci = row.find(f"{SVG}line[@class='ci est cmoderate']")
    assert ci is not None and (ci.get("x1"), ci.get("x2"), ci.get("y1")) == (x(0.29), x(3.42), "70")
    assert row.find(f"{SVG}text[@class='side']") is None  # no 'better' direction for adverse events


def test_an_inconsistent_row_shows_the_published_text_and_no_drawing() -> None:
    # Fifth row (y = 40 + 4 × 96 = 424) of supervised exercise: pain on a scale its numbers leave (GL006).
    row = _row("superviseret-fysisk-traening", "smerteniveau-0-12-uger", "da")
    assert row.findall(f"{SVG}line") == [] and row.findall(f"{SVG}rect") == []
    lines = [(t.get("x"), t.get("y"), t.get("class"), t.text) for t in row.findall(f"{SVG}text")]
    assert lines[-2:] == [
        ("320", "450", "sub", "publiceret: MD 3.24 lavere (CI 95% 6.52 lavere — 0.04 højere)"),
        ("320", "468", "side", "de publicerede tal er indbyrdes uoverensstemmende (GL006); se errata"),
    ]
    assert lines[0][:2] == ("8", "446")


def test_sides_swap_when_higher_is_better() -> None:
    r = _reading("paracetamol", "smerteniveau-0-12-uger")
    higher = dataclasses.replace(r, relevance=dataclasses.replace(r.relevance, better="higher"))
    from gradeline.evidence.plot import _row as draw

    svg = "".join(draw(higher, 40, "en", ("better with A", "better with B"), False))
    assert "← better with B</text>" in svg and "better with A →</text>" in svg


def test_very_low_certainty_rows_are_styled_as_such() -> None:
    row = _row("akupunktur", "sygefravaer-antal-sygedage-6-18-maaneder")
    assert row.find(f"{SVG}line[@class='ci est cvery_low']") is not None
    assert row.findtext(f"{SVG}text[@class='cert']") == "⊕◯◯◯ Very low certainty"


def test_a_recommendation_without_estimates_gets_one_empty_row_and_says_so() -> None:
    svg = outcome_plot_svg(g.recommendation("gruppespecifik-intervention"), g, "en")
    root = ET.fromstring(svg)
    assert root.get("viewBox") == "0 0 760 146"  # 40 + 1 × 96 + 10
    desc = root.findtext(f"{SVG}desc")
    assert desc is not None and desc.endswith(" No outcomes with an effect estimate.")
    assert root.findall(f"{SVG}g") == []


def test_plot_frame_title_and_ids() -> None:
    root = ET.fromstring(outcome_plot_svg(g.recommendation("paracetamol"), g, "en"))
    assert root.get("viewBox") == "0 0 760 434"  # 40 + 4 × 96 + 10
    assert root.get("lang") == "en" and root.get("class") == "outcome-plot"
    assert root.findtext(f"{SVG}title") == "Effects for paracetamol"
    assert root.find(f"{SVG}title").get("id") == "plot-paracetamol-en-title"  # type: ignore[union-attr]
    heading = root.find(f"{SVG}text[@class='heading']")
    assert heading is not None and heading.text == "Effects for paracetamol"
    assert (heading.get("x"), heading.get("y")) == ("8", "18")
    legend = root.find(f"{SVG}text[@class='sub']")
    assert legend is not None and legend.get("y") == "34" and legend.text is not None
    assert legend.text.startswith("Blue band: no clinically relevant difference")
    desc = root.findtext(f"{SVG}desc")
    assert desc is not None and desc.startswith("Each outcome on its own scale:")


def test_text_alternative_states_each_row_in_full() -> None:
    lines = text_alternative(recommendation_readings(g.recommendation("paracetamol"), g), "en")
    assert lines[0] == (
        "Serious side effects (at the end of treatment): guideline: no effect; published RR 0.99 (95% CI "
        "0.29 "
        "to 3.42); certainty: moderate; computed: no stated threshold for clinical relevance (the guideline "
        "states no threshold for this measure)."
    )
    # MD 0 is printed without a direction word; -0.28 and 0.28 with theirs
    assert lines[2] == (
        "Pain (in the first 12 weeks): guideline: no effect; published MD 0 (95% CI 0.28 lower to 0.28 "
        "higher); certainty: moderate; computed: no clinically relevant difference (against the guideline's "
        "minimal clinically relevant difference ±2, section 3)."
    )
    da = text_alternative(recommendation_readings(g.recommendation("paracetamol"), g), "da")
    assert "publiceret MD 0.1 lavere (95 % KI 0.74 lavere til 0.54 højere); sikkerhed: moderat" in da[3]


def test_text_alternative_names_a_disagreement_and_the_errata() -> None:
    lines = text_alternative(recommendation_readings(g.recommendation("akupunktur"), g), "en")
    assert lines[0].endswith(
        "computed: clinically relevant benefit possible (against the guideline's minimal clinically relevant "
        "difference ±15, section 3), differs from the guideline's judgement, which stands."
    )
    assert lines[2].endswith("(the guideline states no threshold for this measure); errata: GL014.")


def test_text_alternative_of_inconsistent_rows_quotes_the_published_text() -> None:
    lines = text_alternative(recommendation_readings(g.recommendation("billeddiagnostik"), g), "da", True)
    assert lines[0].startswith("Sygefravær - antal dage 6- 18 måneder (efter 6-18 måneder): retningslinjen:")
    assert lines[1] == (
        "Smerteniveau (efter 6-18 måneder): retningslinjen: ikke klinisk relevant forskel til fordel for "
        "ingen "
        "rutinemæssig scanning; publiceret MD 0.78 højere (CI 95% 4.32 højere — 2.75 højere); sikkerhed: "
        "lav; "
        "de publicerede tal er indbyrdes uoverensstemmende (GL001); se errata; errata: GL001, GL002."
    )


def test_published_titles_are_the_printed_names_or_their_translation(monkeypatch: pytest.MonkeyPatch) -> None:
    readings = recommendation_readings(g.recommendation("billeddiagnostik"), g)
    assert text_alternative(readings, "en")[1].startswith("Pain (after 6 to 18 months)")  # plain words
    assert text_alternative(readings, "da", True)[1].startswith("Smerteniveau (efter 6-18 måneder)")
    where = "recommendations/billeddiagnostik/outcomes/smerteniveau-6-18-maaneder/name"
    monkeypatch.setattr("gradeline.evidence.plot.cached_translations", lambda: {where: "Pain level"})
    assert text_alternative(readings, "en", True)[1].startswith("Pain level (after 6 to 18 months)")
    # without a translation, English shows the printed Danish name
    monkeypatch.setattr("gradeline.evidence.plot.cached_translations", dict)
    assert text_alternative(readings, "en", True)[1].startswith("Smerteniveau (after 6 to 18 months)")


def test_danish_rows_use_danish_names_time_frames_and_codes() -> None:
    row = _row("patientuddannelse", "sygefravaer-antal-sygedage-6-18-maaneder", "da")
    texts = [(t.get("class"), t.text) for t in row.findall(f"{SVG}text")]
    assert texts[:2] == [("name", "Sygedage"), ("sub", "efter 6-18 måneder · MD")]
    assert texts[-1] == (
        "side",
        "de publicerede tal er indbyrdes uoverensstemmende (GL004, GL017); se errata",
    )
    published = _row("patientuddannelse", "sygefravaer-antal-sygedage-6-18-maaneder", "da", published=True)
    assert published.findtext(f"{SVG}text[@class='name']") == "Sygefravær, antal sygedage"


def test_a_row_without_time_frame_or_certainty() -> None:
    from gradeline.evidence.plot import _row as draw

    r = _reading("paracetamol", "smerteniveau-0-12-uger")
    bare = dataclasses.replace(r, time_frame=None, certainty=None)
    root = ET.fromstring(
        f'<svg xmlns="http://www.w3.org/2000/svg">{"".join(draw(bare, 40, "da", ("a", "b"), False))}</svg>'
    )
    row = root.find(f"{SVG}g")
    assert row is not None
    assert row.findtext(f"{SVG}text[@class='sub']") == " · MD"
    assert row.find(f"{SVG}text[@class='cert']") is None
    assert row.find(f"{SVG}line[@class='ci est']") is not None
    assert row.find(f"{SVG}rect[@class='point est']") is not None


@pytest.mark.parametrize("rec_id", ["paracetamol", "patientuddannelse", "gruppespecifik-intervention"])
def test_text_appears_only_in_text_elements(rec_id: str) -> None:
    root = ET.fromstring(outcome_plot_svg(g.recommendation(rec_id), g, "da"))
    worded = {f"{SVG}{name}" for name in ("text", "title", "desc", "style")}
    for element in root.iter():
        assert element.tag in worded or not (element.text or "").strip(), element.tag
        assert not (element.tail or "").strip(), element.tag


@pytest.mark.parametrize(
    ("lang", "title", "left", "right"),
    [
        (
            "da",
            "Effekter for superviseret træning",
            "← bedre med superviseret træning",
            "bedre med ingen superviseret træning →",
        ),
        (
            "en",
            "Effects for supervised exercise",
            "← better with supervised exercise",
            "better with no supervised exercise →",
        ),
    ],
)
def test_title_and_sides_name_intervention_and_comparator(
    lang: str, title: str, left: str, right: str
) -> None:
    root = ET.fromstring(outcome_plot_svg(g.recommendation("superviseret-fysisk-traening"), g, lang))  # type: ignore[arg-type]
    assert root.findtext(f"{SVG}title") == title
    row = root.find(f"{SVG}g")
    assert row is not None
    assert (row.findtext(f"{SVG}text[@class='side']"), row.findtext(f"{SVG}text[@class='side end']")) == (
        left,
        right,
    )


def test_the_default_plot_is_danish_in_plain_words() -> None:
    rec = g.recommendation("billeddiagnostik")
    root = ET.fromstring(outcome_plot_svg(rec, g))
    assert root.get("lang") == "da"
    names = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "name"]
    assert names[1] == "Smerter"  # plain words; the profile prints "Smerteniveau"


def test_the_description_is_the_intro_then_each_rows_sentence() -> None:
    rec = g.recommendation("billeddiagnostik")
    root = ET.fromstring(outcome_plot_svg(rec, g, "da", published=True))
    lines = text_alternative(recommendation_readings(rec, g), "da", published=True)
    intro = (
        "Hvert udfald vist på sin egen skala: punktestimat og 95 % konfidensinterval, lodret linje ved ingen "
        "effekt, "
        "skraveret bånd for ingen klinisk relevant forskel (±tærskel) og evidensens sikkerhed."
    )
    assert root.findtext(f"{SVG}desc") == " ".join([intro, *lines])
    assert "Smerteniveau (efter 6-18 måneder)" in " ".join(lines)


def test_text_alternative_without_a_time_frame_and_with_two_codes() -> None:
    r = _reading("paracetamol", "smerteniveau-0-12-uger")
    assert text_alternative([dataclasses.replace(r, time_frame=None)], "en")[0].startswith(
        "Pain: guideline: no effect; published MD 0 (95% CI"
    )
    two = text_alternative([_reading("patientuddannelse", "sygefravaer-antal-sygedage-6-18-maaneder")], "en")
    assert two[0].endswith(
        "; the published numbers are inconsistent (GL004, GL017); see the errata; "
        "errata: GL002, GL004, GL017."
    )


def test_text_alternative_in_danish_in_full() -> None:
    lines = text_alternative(recommendation_readings(g.recommendation("paracetamol"), g), "da")
    assert lines[2] == (
        "Smerter (i de første 12 uger): retningslinjen: ingen effekt; publiceret MD 0 (95 % KI 0.28 lavere "
        "til "
        "0.28 højere); sikkerhed: moderat; beregnet: ingen klinisk relevant forskel (mod retningslinjens "
        "mindste "
        "klinisk relevante forskel ±2, afsnit 3)."
    )
