"""Size of effect, the verb, whether a computed statement may stand beside the guideline's judgement, and the
sentences around it."""

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.absolute import absolute_effect
from gradeline.evidence.data import Bilingual, Judgements, RowJudgement, cached_evidence_data
from gradeline.evidence.estimate import Estimate
from gradeline.evidence.judgement import (
    Judgement,
    computed_agrees,
    favoured_side,
    judgement_of,
    uncertain_codes,
)
from gradeline.evidence.relevance import Threshold
from gradeline.evidence.statement import computed_part, joined, threshold_text
from gradeline.evidence.wording import size_class, statement
from gradeline.model import Erratum
from gradeline.model.outcome import Certainty, EffectMeasure

g = cached_pack()
DATA = cached_evidence_data()
TEXTS = DATA.wording.reading
MD, SMD, RR = EffectMeasure.MD, EffectMeasure.SMD, EffectMeasure.RR
COHEN = Threshold(0.2, "smd", "Cohen")
NRS = Threshold(2.0, "mcid", "NRS", "pain_nrs_10")


@pytest.mark.parametrize(
    ("estimate", "threshold", "size"),
    [
        (Estimate(SMD, 0.19, -0.1, 0.4), COHEN, "trivial"),
        (Estimate(SMD, -0.2, -0.4, 0.0), COHEN, "small"),  # exactly 0.2 is small, either sign
        (Estimate(SMD, 0.49, 0.3, 0.7), COHEN, "small"),
        (Estimate(SMD, -0.5, -0.7, -0.3), COHEN, "important"),  # exactly 0.5 is moderate
        (Estimate(MD, -2.0, -3.0, -1.0), NRS, "important"),  # exactly the MCID
        (Estimate(MD, 1.99, 1.0, 3.0), NRS, "trivial"),
        (Estimate(MD, 0.0, -0.28, 0.28), None, "trivial"),  # no threshold, but no difference at all
        (Estimate(RR, 1.0, 0.5, 2.0), None, "trivial"),
        (Estimate(MD, -0.1, -0.74, 0.54), None, "unclear"),  # the CI includes no effect
        (Estimate(MD, -3.0, -4.0, -2.0), None, "unclassified"),
        (Estimate(RR, 0.64, 0.45, 0.91), None, "unclassified"),
    ],
)
def test_size_class(estimate: Estimate, threshold: Threshold | None, size: str) -> None:
    assert size_class(estimate, threshold) == size


def test_a_ratio_whose_absolute_difference_rounds_to_zero_is_trivial() -> None:
    # RR 0.99 with 8 per 1,000: 7.92 - 8 = -0.08 per 1,000, shown as 0.
    estimate = Estimate(RR, 0.99, 0.29, 3.42)
    shown = absolute_effect(RR, 0.008, 0.99, 0.29, 3.42)
    assert shown.difference == 0
    assert size_class(estimate, None, shown) == "trivial"
    assert size_class(estimate, None) == "unclear"
    assert (
        size_class(Estimate(RR, 0.5, 0.3, 0.8), None, absolute_effect(RR, 0.2, 0.5, 0.3, 0.8))
        == "unclassified"
    )


PARACETAMOL = Bilingual(da="Paracetamol", en="Paracetamol")
PAIN = Bilingual(da="smerter", en="pain")


@pytest.mark.parametrize(
    ("certainty", "size", "point", "da", "en"),
    [
        (Certainty.HIGH, "important", -1.0, "Paracetamol mindsker smerter.", "Paracetamol reduces pain."),
        (Certainty.HIGH, "important", 1.0, "Paracetamol øger smerter.", "Paracetamol increases pain."),
        (Certainty.HIGH, "important", 0.0, "Paracetamol øger smerter.", "Paracetamol increases pain."),
        (
            Certainty.LOW,
            "small",
            -1.0,
            "Paracetamol mindsker muligvis smerter lidt.",
            "Paracetamol may reduce pain slightly.",
        ),
        (
            Certainty.MODERATE,
            "trivial",
            -1.0,
            "Paracetamol gør sandsynligvis kun lille eller ingen forskel for smerter.",
            "Paracetamol probably results in little to no difference in pain.",
        ),
        (
            Certainty.VERY_LOW,
            "important",
            -1.0,
            "Vi er meget usikre på, hvordan paracetamol påvirker smerter.",
            "The evidence is very uncertain about the effect of paracetamol on pain.",
        ),
    ],
)
def test_statement_wording_and_verb(certainty: Certainty, size: str, point: float, da: str, en: str) -> None:
    said = statement(
        DATA.wording, certainty, size, Estimate(MD, point, point - 1, point + 1), PARACETAMOL, PAIN
    )  # type: ignore[arg-type]
    assert (said.da, said.en) == (da, en)


def test_a_ratio_below_one_reduces() -> None:
    said = statement(
        DATA.wording, Certainty.HIGH, "important", Estimate(RR, 0.9, 0.8, 0.95), PARACETAMOL, PAIN
    )
    assert said.en == "Paracetamol reduces pain."
    said = statement(
        DATA.wording, Certainty.HIGH, "important", Estimate(RR, 1.1, 1.05, 1.2), PARACETAMOL, PAIN
    )
    assert said.en == "Paracetamol increases pain."


@pytest.mark.parametrize(
    ("estimate", "better", "side"),
    [
        (Estimate(MD, -1.0, -2.0, 0.0), "lower", "intervention"),
        (Estimate(MD, -1.0, -2.0, 0.0), "higher", "comparator"),
        (Estimate(MD, 1.0, 0.0, 2.0), "higher", "intervention"),
        (Estimate(MD, 1.0, 0.0, 2.0), "lower", "comparator"),
        (Estimate(MD, 0.0, -1.0, 1.0), "lower", None),  # no difference favours nobody
        (Estimate(MD, -1.0, -2.0, 0.0), None, None),
        (Estimate(RR, 0.5, 0.3, 0.8), "lower", "intervention"),
        (Estimate(RR, 1.0, 0.5, 2.0), "lower", None),
    ],
)
def test_favoured_side(estimate: Estimate, better: str | None, side: str | None) -> None:
    assert favoured_side(estimate, better) == side  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("finding", "size", "side", "certainty", "agrees"),
    [
        (
            "no_effect",
            "important",
            "intervention",
            Certainty.VERY_LOW,
            True,
        ),  # 'very uncertain' claims nothing
        ("not_stated", "important", "comparator", Certainty.HIGH, True),
        ("no_effect", "trivial", "intervention", Certainty.LOW, True),
        ("no_effect", "unclear", None, Certainty.LOW, True),
        ("no_effect", "important", "intervention", Certainty.LOW, False),
        ("no_effect", "small", "intervention", Certainty.LOW, False),
        ("no_effect", "unclassified", "intervention", Certainty.LOW, False),  # names no side
        ("no_relevant_difference", "unclassified", "comparator", None, False),
        ("not_relevant_favours_intervention", "unclassified", "intervention", Certainty.LOW, True),
        ("not_relevant_favours_intervention", "unclassified", "comparator", Certainty.LOW, False),
        ("not_relevant_favours_comparator", "unclassified", "comparator", Certainty.MODERATE, True),
        ("not_relevant_favours_comparator", "important", "comparator", Certainty.MODERATE, False),
        ("relevant_benefit", "important", "intervention", Certainty.LOW, True),
        ("relevant_benefit", "small", "intervention", Certainty.LOW, True),
        ("relevant_benefit", "unclassified", "intervention", None, True),
        ("relevant_benefit", "trivial", "intervention", Certainty.LOW, False),
        ("relevant_benefit", "unclear", "intervention", Certainty.LOW, False),
        ("relevant_benefit", "important", "comparator", Certainty.HIGH, False),
    ],
)
def test_computed_agrees(
    finding: str, size: str, side: str | None, certainty: Certainty | None, agrees: bool
) -> None:
    assert computed_agrees(finding, size, side, certainty) is agrees  # type: ignore[arg-type]


def test_judgement_comes_from_the_sammenfatning_then_the_row_summary() -> None:
    row = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")
    quoted = RowJudgement(
        finding="no_effect",
        section="3.sammenfatning",
        seed_line=12,
        quote="Der  blev\n ikke fundet effekt. ",
        quote_en="No effect was found.",
    )
    data = DATA.model_copy(
        update={"judgements": Judgements(rows={"paracetamol/smerteniveau-0-12-uger": quoted})}
    )
    assert judgement_of("paracetamol/smerteniveau-0-12-uger", row, None, data) == Judgement(
        "no_effect",
        "sammenfatning",
        Bilingual(da="Der blev ikke fundet effekt.", en="No effect was found."),
        "3.sammenfatning",
        12,
    )
    empty = DATA.model_copy(update={"judgements": Judgements()})
    claimed = row.model_copy(update={"summary": "Ingen klinisk relevant forskel"})
    assert judgement_of("x/y", claimed, "no_relevant_difference", empty) == Judgement(
        "no_relevant_difference", "row_summary"
    )
    assert judgement_of("x/y", claimed, None, empty) == Judgement("not_stated", "none")
    assert judgement_of("x/y", row.model_copy(update={"summary": None}), "no_relevant_difference", empty) == (
        Judgement("not_stated", "none")
    )


def test_uncertain_codes_are_the_direction_errata_sorted_once() -> None:
    row = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")
    errata = [
        Erratum(code=c, location="x", explanation="kept as published")
        for c in ("GL017", "GL002", "GL003", "GL017", "GL014", "GL001")
    ]
    assert uncertain_codes(row.model_copy(update={"errata": errata})) == ["GL001", "GL003", "GL017"]
    every = [
        Erratum(code=c, location="x", explanation="kept as published")
        for c in ("GL004", "GL006", "GL012", "GL013")
    ]
    assert uncertain_codes(row.model_copy(update={"errata": every})) == ["GL004", "GL006", "GL012"]


@pytest.mark.parametrize(
    ("threshold", "inconsistent", "en"),
    [
        (NRS, False, "against the guideline's minimal clinically relevant difference ±2, section 3"),
        (
            Threshold(15.0, "mcid", "VAS", "pain_vas_100"),
            False,
            "against the guideline's minimal clinically relevant difference ±15, section 3",
        ),
        (
            Threshold(2.5, "mcid", "?", "unknown"),
            False,
            "against the guideline's minimal clinically relevant difference ±2.5, section ",
        ),
        (
            COHEN,
            False,
            "against Cohen's rule of thumb ±0.2 SD, an external convention the guideline does not use",
        ),
        (None, False, "the guideline states no threshold for this measure"),
        (NRS, True, "no threshold applied, because the published numbers are inconsistent"),
    ],
)
def test_threshold_text(threshold: Threshold | None, inconsistent: bool, en: str) -> None:
    assert threshold_text(TEXTS, threshold, g, inconsistent).en == en


def test_threshold_text_in_danish() -> None:
    assert (
        threshold_text(TEXTS, NRS, g).da
        == "mod retningslinjens mindste klinisk relevante forskel ±2, afsnit 3"
    )


THRESHOLD = Bilingual(da="tærskel", en="threshold")
RELEVANCE = Bilingual(da="relevans", en="relevance")
COMPUTED = Bilingual(da="Paracetamol mindsker smerter.", en="Paracetamol reduces pain.")


def test_computed_part_by_mode() -> None:
    inconsistent = computed_part(TEXTS, "inconsistent", COMPUTED, THRESHOLD, RELEVANCE, ["GL001", "GL003"])
    assert inconsistent == Bilingual(
        da=(
            "De publicerede tal er indbyrdes uoverensstemmende (GL001, GL003), så gradeline giver ingen "
            "beregnet retning eller størrelse; se errata."
        ),
        en=(
            "The published numbers are inconsistent (GL001, GL003), so gradeline gives no computed direction "
            "or size; see the errata."
        ),
    )
    no_direction = computed_part(TEXTS, "no_direction", COMPUTED, THRESHOLD, RELEVANCE, [])
    assert no_direction is not None and no_direction.da.startswith("Rækken angiver ikke, hvilken retning")
    assert no_direction.en.startswith("The row does not state which direction is better")
    differs = computed_part(TEXTS, "differs", COMPUTED, THRESHOLD, RELEVANCE, [])
    assert differs is not None
    assert differs.en.startswith(
        "Computed by gradeline (threshold): relevance. This differs from the guideline's judgement above, "
        "which "
        "stands;"
    )
    assert differs.da.startswith(
        "Beregnet af gradeline (tærskel): relevans. Det afviger fra retningslinjens vurdering ovenfor, som "
        "gælder;"
    )
    agrees = computed_part(TEXTS, "agrees", COMPUTED, THRESHOLD, RELEVANCE, [])
    assert agrees == Bilingual(
        da="Beregnet af gradeline (tærskel): Paracetamol mindsker smerter.",
        en="Computed by gradeline (threshold): Paracetamol reduces pain.",
    )
    assert computed_part(TEXTS, "agrees", None, THRESHOLD, RELEVANCE, []) is None


def test_joined_puts_the_judgement_first() -> None:
    judgement = Bilingual(da="J.", en="J.")
    assert joined(judgement, None) == judgement
    assert joined(judgement, Bilingual(da="P.", en="Q.")) == Bilingual(da="J. P.", en="J. Q.")


def test_decimal_thresholds_are_printed_without_trailing_zeros() -> None:
    said = threshold_text(TEXTS, Threshold(0.25, "smd", "x"), g).en
    assert said.startswith("against Cohen's rule of thumb ±0.25 SD")
