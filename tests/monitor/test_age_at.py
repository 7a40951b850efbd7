"""Age in whole years on the day before, of and after a birthday, and the age bands' labels (by hand)."""

import datetime as dt
from dataclasses import replace

import ibis
import pytest

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.episodes import age_at, age_band


@pytest.mark.parametrize(
    ("birth", "when", "years"),
    [
        (dt.date(2000, 6, 15), dt.date(2018, 6, 14), 17),
        (dt.date(2000, 6, 15), dt.date(2018, 6, 15), 18),
        (dt.date(2000, 6, 15), dt.date(2018, 6, 16), 18),
        (dt.date(2000, 12, 31), dt.date(2019, 1, 1), 18),
        (dt.date(2000, 2, 29), dt.date(2018, 2, 28), 17),  # a leap-day birthday counts from 1 March
        (dt.date(2000, 2, 29), dt.date(2018, 3, 1), 18),
        (dt.date(1950, 1, 1), dt.date(2024, 12, 31), 74),
        (dt.date(1950, 6, 15), dt.date(2024, 6, 14), 73),
    ],
)
def test_age_in_whole_years(birth: dt.date, when: dt.date, years: int) -> None:
    expression = age_at(ibis.literal(birth), ibis.literal(when))
    assert ibis.duckdb.connect().execute(expression) == years


@pytest.mark.parametrize(
    ("age", "label"),
    [
        (16, "<17"),
        (17, "17-29"),
        (29, "17-29"),
        (30, "30-44"),
        (44, "30-44"),
        (45, "45-59"),
        (74, "60-74"),
        (75, "75+"),
        (101, "75+"),
    ],
)
def test_age_bands_are_labelled_by_their_first_and_last_year(age: int, label: str) -> None:
    expression = age_band(ibis.literal(age), (17, 30, 45, 60, 75))
    assert ibis.duckdb.connect().execute(expression) == label


def test_the_age_bands_are_the_packs() -> None:
    assert MonitorConfig().age_bands == (17, 30, 45, 60, 75)


def test_a_pack_without_age_bands_has_one_open_band_from_the_youngest_age_in_scope(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    catalogue = load_catalogue()
    bare = replace(catalogue, age_bands=())
    monkeypatch.setattr("gradeline.monitor.definitions.load_catalogue", lambda pack=None: bare)
    assert MonitorConfig().age_bands == (17,)
    assert ibis.duckdb.connect().execute(age_band(ibis.literal(80), (17,))) == "17+"
