"""Interval edges (touching counts, a float hair is allowed, a printed digit is not) and readings that take
their data from the pack named, the absolute effect and the row's own summary."""

from pathlib import Path

import pytest

from gradeline.content.pack import cached_pack
from gradeline.content.packs import activated
from gradeline.evidence.data import _cached_evidence_data, cached_evidence_data
from gradeline.evidence.natural import natural_units
from gradeline.evidence.reading import outcome_reading
from gradeline.evidence.rounding import Interval

g = cached_pack()
ONE_TWO = Interval(1.0, 2.0)


@pytest.mark.parametrize(
    ("other", "overlaps"),
    [
        (Interval(2.0, 3.0), True),  # touching at 2
        (Interval(0.0, 1.0), True),  # touching at 1
        (Interval(2.0 + 1e-10, 3.0), True),  # a float hair apart
        (Interval(0.0, 1.0 - 1e-10), True),
        (Interval(2.001, 3.0), False),
        (Interval(0.0, 0.999), False),
        (Interval(2.5, 3.0), False),
        (Interval(-1.0, 0.5), False),
        (Interval(1.2, 1.8), True),
    ],
)
def test_overlaps(other: Interval, overlaps: bool) -> None:
    assert ONE_TWO.overlaps(other) is overlaps
    assert other.overlaps(ONE_TWO) is overlaps


@pytest.mark.parametrize(
    ("value", "inside"),
    [
        (1.0, True),
        (2.0, True),
        (1.5, True),
        (1.0 - 1e-10, True),
        (2.0 + 1e-10, True),
        (0.999, False),
        (2.001, False),
    ],
)
def test_contains(value: float, inside: bool) -> None:
    assert ONE_TWO.contains(value) is inside


def test_natural_units_carry_the_printed_intervention_value() -> None:
    # Patient education, sick days: 41 days without, 19 printed with (the row GL004 names).
    row = g.recommendation("patientuddannelse").outcome("sygefravaer-antal-sygedage-6-18-maaneder")
    n = natural_units(row)
    assert n is not None and str(n.published_intervention) == "19" and n.published_differs
    assert natural_units(row.model_copy(update={"comparator": None})) is None  # an MD without a comparator


def test_a_reading_uses_the_named_packs_data(pack_dir: Path, fictional_dir: Path) -> None:
    rec = g.recommendation("vanlig-aktivitet")
    _cached_evidence_data.cache_clear()  # nothing loaded before may stand in for the named pack
    with activated(fictional_dir):
        r = outcome_reading(rec.outcome("smerteniveau-0-12-uger"), g, rec, pack=pack_dir)
        assert len(cached_evidence_data(pack_dir).judgements.rows) == 30
    assert r is not None and r.judgement.source == "sammenfatning"


def test_a_zero_per_1000_difference_is_trivial_in_the_reading() -> None:
    # RR 0.99 with 8 per 1,000: 0 fewer per 1,000 although the CI (0.29 to 3.42) includes no effect.
    r = outcome_reading(
        g.recommendation("paracetamol").outcome("alvorlige-bivirkninger-efter-endt-intervention"), g
    )
    assert r is not None and r.absolute is not None and r.absolute.difference == 0 and r.size == "trivial"


def test_a_row_summary_alone_gives_the_judgement() -> None:
    # Joint mobilisation, pain 6-18 months: only the row's own summary says "ingen klinisk relevant forskel".
    r = outcome_reading(g.recommendation("ledmobilisering").outcome("smerteniveau-6-18-maaneder"), g)
    assert r is not None and (r.judgement.finding, r.judgement.source) == (
        "no_relevant_difference",
        "row_summary",
    )
