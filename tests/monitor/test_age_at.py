"""Age in whole years at a date, on the day before, of and after a birthday (counted by hand)."""

import datetime as dt

import ibis
import pytest

from gradeline.monitor.episodes import age_at


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
    ],
)
def test_age_in_whole_years(birth: dt.date, when: dt.date, years: int) -> None:
    expression = age_at(ibis.literal(birth), ibis.literal(when))
    assert ibis.duckdb.connect().execute(expression) == years
