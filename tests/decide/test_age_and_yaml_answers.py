"""Age counted from a date of birth (by hand, at the birthday's edges), and rule conditions written with
YAML's unquoted yes/no (read as booleans) meaning the answers 'yes'/'no'."""

from datetime import date

import pytest

from gradeline.decide import PatientContext
from gradeline.decide.conditions import Condition
from gradeline.decide.context import whole_years


@pytest.mark.parametrize(
    ("born", "on", "years"),
    [
        (date(2010, 6, 2), date(2026, 6, 1), 15),  # the day before the 16th birthday
        (date(2010, 6, 2), date(2026, 6, 2), 16),  # the birthday itself
        (date(2010, 6, 2), date(2026, 6, 3), 16),
        (date(2010, 12, 31), date(2027, 1, 1), 16),  # later month, earlier day
        (date(2008, 2, 29), date(2024, 2, 28), 15),
        (date(2008, 2, 29), date(2024, 2, 29), 16),
        (date(2008, 2, 29), date(2025, 2, 28), 16),  # a leap-day birthday counts from 1 March
        (date(2008, 2, 29), date(2025, 3, 1), 17),
        (date(1950, 6, 15), date(2026, 6, 14), 75),
    ],
)
def test_whole_years_at_the_birthday(born: date, on: date, years: int) -> None:
    assert whole_years(born, on) == years
    assert PatientContext(birth_date=born, assessed_on=on).age_in_years == years


@pytest.mark.parametrize(("written", "answer", "other"), [(True, "yes", "no"), (False, "no", "yes")])
def test_an_unquoted_yaml_yes_or_no_tests_the_answer(written: bool, answer: str, other: str) -> None:
    condition = Condition.model_validate({"fact": "wants_imaging", "is": written})
    assert condition.is_ == [answer]
    assert condition.evaluate({"wants_imaging": answer}) is True
    assert condition.evaluate({"wants_imaging": other}) is False
    listed = Condition.model_validate({"fact": "wants_imaging", "is": [written]})
    assert listed.is_ == [answer]
