"""Comparator + MD in the instrument's own units, and when those computed values must not be shown."""

from decimal import Decimal

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import Bilingual
from gradeline.evidence.natural import NaturalUnits, natural_units, withheld_reason

g = cached_pack()
POINTS = Bilingual(da="point", en="points")


def units(
    comparator: str = "5",
    values: tuple[str, str, str] = ("4", "3", "6"),
    published: str | None = None,
    scale: tuple[str, str] | None = ("0", "10"),
) -> NaturalUnits:
    point, low, high = (Decimal(v) for v in values)
    return NaturalUnits(
        comparator=Decimal(comparator),
        intervention=point,
        intervention_low=low,
        intervention_high=high,
        published_intervention=Decimal(published) if published is not None else None,
        unit=POINTS,
        statistic=None,
        scale_min=Decimal(scale[0]) if scale else None,
        scale_max=Decimal(scale[1]) if scale else None,
    )


def test_acupuncture_pain_in_points_on_vas() -> None:
    # comparator 22.4 (median, VAS 0-100), MD 11.95 lower (19.12 lower to 4.79 lower):
    # 22.4 - 11.95 = 10.45; 22.4 - 19.12 = 3.28; 22.4 - 4.79 = 17.61.
    n = natural_units(g.recommendation("akupunktur").outcome("smerteniveau-0-12-uger"))
    assert n is not None
    assert (n.comparator, n.intervention, n.intervention_low, n.intervention_high) == (
        Decimal("22.4"),
        Decimal("10.45"),
        Decimal("3.28"),
        Decimal("17.61"),
    )
    assert n.unit == POINTS and n.statistic == Bilingual(da="median", en="median")
    assert (n.scale_min, n.scale_max, n.published_intervention) == (Decimal(0), Decimal(100), None)
    assert withheld_reason(n, inconsistent=False) is None


def test_acupuncture_sick_days_in_days() -> None:
    # 13.9 days (median), MD 3 higher (10.12 lower to 16.12 higher): 16.9, 3.78 and 30.02 days; no scale.
    n = natural_units(g.recommendation("akupunktur").outcome("sygefravaer-antal-sygedage-6-18-maaneder"))
    assert n is not None
    assert (n.intervention, n.intervention_low, n.intervention_high) == (
        Decimal("16.9"),
        Decimal("3.78"),
        Decimal("30.02"),
    )
    assert n.unit == Bilingual(da="dage", en="days") and (n.scale_min, n.scale_max) == (None, None)


def test_a_mean_is_named_as_such() -> None:
    n = natural_units(g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger"))
    assert n is not None and n.statistic == Bilingual(da="gennemsnit", en="mean")
    assert n.unit == POINTS


def test_only_md_rows_with_a_comparator_value_have_natural_units() -> None:
    rec = g.recommendation("paracetamol")
    assert natural_units(rec.outcome("alvorlige-bivirkninger-efter-endt-intervention")) is None  # an RR
    assert natural_units(rec.outcome("livskvalitet-6-18-maaneder")) is None  # no data
    smd = g.recommendation("patientuddannelse").outcome("rygsmerterelateret-funktionsevne-6-18-maaneder")
    assert natural_units(smd) is None


@pytest.mark.parametrize(
    ("published", "computed", "differs"),
    [
        (None, "4", False),
        ("19", "63", True),  # arms contradict the difference
        ("1.7", "1.7", False),
        ("1.8", "1.7", False),  # one unit in the last printed place: rounding
        ("1.9", "1.7", True),
        ("1.6", "1.7", False),
        ("1.5", "1.7", True),
        ("2", "1.7", True),  # 0.3 apart, the finer place (0.1) decides
        ("19", "19.0", False),
    ],
)
def test_a_published_intervention_value_differs_beyond_rounding(
    published: str | None, computed: str, differs: bool
) -> None:
    n = units(values=(computed, computed, computed), published=published)
    assert n.published_differs is differs


@pytest.mark.parametrize(
    ("n", "inconsistent", "reason"),
    [
        (units(), True, "inconsistent"),  # inconsistent numbers come first
        (units(published="9"), False, "arms"),
        (units(published="9"), True, "inconsistent"),
        (units(values=("4", "-0.5", "6")), False, "outside_scale"),  # below 0
        (units(values=("4", "0", "10")), False, None),  # on both ends of the scale
        (units(values=("4", "3", "10.5")), False, "outside_scale"),
        (units(values=("11", "3", "6")), False, "outside_scale"),
        (units(comparator="-1"), False, "outside_scale"),
        (units(values=("4", "3", "6"), scale=("2", "10")), False, None),
        (units(values=("4", "1", "6"), scale=("2", "10")), False, "outside_scale"),
        (units(values=("4", "-0.2", "60"), scale=None), False, "outside_scale"),  # no scale: not below 0
        (units(values=("4", "0", "60"), scale=None), False, None),  # ... and no upper bound
    ],
)
def test_why_computed_values_are_withheld(n: NaturalUnits, inconsistent: bool, reason: str | None) -> None:
    assert withheld_reason(n, inconsistent) == reason


def test_days_named_only_by_the_comparator_unit() -> None:
    from gradeline.model.outcome import ArmValue

    row = g.recommendation("paracetamol").outcome("smerteniveau-0-12-uger")
    absence = row.model_copy(
        update={
            "measured_with": None,
            "name": "Fravær fra arbejde",
            "comparator": ArmValue(value=Decimal("3"), unit="Dage (gennemsnit)"),
        }
    )
    n = natural_units(absence)
    assert n is not None and n.unit == Bilingual(da="dage", en="days")
