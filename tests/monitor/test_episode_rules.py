"""Episode rules on tiny hand-made tables: code lists, look-back, population edges and the run summary.

Every expected value is worked out by hand in the test's docstring or comment (days from 2024-03-01, day 0).
"""

import datetime as dt
from typing import Any

import ibis
import pytest

from gradeline.monitor.codes import load_codes
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.episodes import Window, all_episodes, code_in, episode_counts, in_population, period_of

DAY0 = dt.date(2024, 3, 1)
CODES = {"ICPC2": ("L03", "L84"), "SKS": ("DM54", "DM545")}


def run(expression: Any) -> Any:
    return ibis.duckdb.connect().execute(expression)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("system", "code", "listed"),
    [
        ("ICPC2", "L03", True),
        ("ICPC2", "L84", True),  # the second code of a system
        ("ICPC2", "L031", True),  # a subcode of a listed code
        ("ICPC2", "L86", False),
        ("ICPC2", "DM545", False),  # an SKS code under the ICPC-2 system is not an SKS code
        ("SKS", "L03", False),
        ("SKS", "DM5450", True),
        ("SKS", "DM53", False),
        ("T", "L03", False),  # a system with no list
    ],
)
def test_code_in_is_true_or_false_never_unknown(system: str, code: str, listed: bool) -> None:
    """A code outside the lists is False (not NULL), so that "not in the list" keeps it as well."""
    table = ibis.memtable({"code_system": [system], "code": [code]})
    flags = table.select(inside=code_in(table, CODES), outside=~code_in(table, CODES))
    assert run(flags).to_dict("records") == [{"inside": listed, "outside": not listed}]


@pytest.mark.parametrize(("grain", "label"), [("year", "2024"), ("quarter", "2024-Q2")])
def test_period_of_a_day_in_may(grain: str, label: str) -> None:
    assert run(period_of(ibis.literal(dt.date(2024, 5, 6)), grain)) == label


def episodes_of(
    contact_days: list[int], cfg: MonitorConfig, professions: list[str] | None = None
) -> list[dict[str, Any]]:
    """Episodes of one patient (born 1980-01-01, F, region 1084) with an L03 contact on each day, listed in
    this order with encounter ids 1, 2, ... (GP contacts unless ``professions`` says otherwise)."""
    encounters = ibis.memtable(
        {
            "encounter_id": list(range(1, len(contact_days) + 1)),
            "patient_id": [1] * len(contact_days),
            "enc_date": [day(n) for n in contact_days],
            "profession": professions or ["GP"] * len(contact_days),
            "clinic_id": [f"c{n}" for n in range(1, len(contact_days) + 1)],
            "code_system": ["ICPC2"] * len(contact_days),
            "code": ["L03"] * len(contact_days),
        }
    )
    patients = ibis.memtable(
        {"patient_id": [1], "birth_date": [dt.date(1980, 1, 1)], "sex": ["F"], "region_code": ["1084"]}
    )
    episodes = all_episodes(encounters, patients, load_codes(), cfg)
    rows: list[dict[str, Any]] = run(episodes.order_by("seq")).to_dict("records")
    return rows


@pytest.mark.parametrize(
    ("second", "episodes"),
    [(179, 1), (180, 1), (181, 2)],
    ids=["day-179-continues", "day-180-continues", "day-181-starts-a-new-one"],
)
def test_a_contact_more_than_lookback_days_later_starts_a_new_episode(second: int, episodes: int) -> None:
    cfg = MonitorConfig(lookback_days=180, followup_days=84)
    assert len(episodes_of([0, second], cfg)) == episodes


def test_episode_columns_of_two_episodes() -> None:
    """Contacts on days 0, 30 and 100 (one episode), then 300 (200 days after day 100: a new one)."""
    cfg = MonitorConfig(lookback_days=180, followup_days=84, period="quarter")
    first, second = episodes_of([0, 30, 100, 300], cfg)
    assert {
        k: first[k] for k in ("episode_id", "seq", "contacts", "age", "age_band", "period", "clinic")
    } == {
        "episode_id": "1#1",
        "seq": 1,
        "contacts": 3,
        "age": 44,
        "age_band": "30-44",
        "period": "2024-Q1",
        "clinic": "c1",
    }
    assert (first["start_date"].date(), first["last_contact"].date()) == (DAY0, dt.date(2024, 6, 9))
    assert (second["episode_id"], second["contacts"], second["clinic"]) == ("1#2", 1, "c4")
    assert (second["start_date"].date(), second["period"]) == (dt.date(2024, 12, 26), "2024-Q4")
    assert (first["sex"], first["region"], first["profession"]) == ("F", "1084", "GP")


def test_episodes_are_counted_by_year_when_the_run_asks_for_years() -> None:
    cfg = MonitorConfig(lookback_days=180, followup_days=84, period="year")
    assert [e["period"] for e in episodes_of([0, 300], cfg)] == ["2024", "2024"]


def test_contacts_are_taken_in_date_order_whatever_order_they_arrive_in() -> None:
    """Days 300, 100, 30, 0 listed backwards: still episodes starting on days 0 (3 contacts) and 300."""
    cfg = MonitorConfig(lookback_days=180, followup_days=84)
    found = [
        (e["start_date"].date(), e["contacts"], e["clinic"]) for e in episodes_of([300, 100, 30, 0], cfg)
    ]
    assert found == [(DAY0, 3, "c4"), (dt.date(2024, 12, 26), 1, "c1")]


def test_same_day_contacts_the_lower_encounter_id_opens_the_episode() -> None:
    """A physiotherapist (encounter 3) and a GP (encounter 2) on day 0: the GP's contact comes first."""
    cfg = MonitorConfig(lookback_days=180, followup_days=84)
    [episode] = episodes_of([5, 0, 0], cfg, professions=["CHIRO", "GP", "PT"])
    assert (episode["profession"], episode["clinic"], episode["contacts"]) == ("GP", "c2", 3)


# Observation period 2023-01-01 to 2024-12-31, look-back 180 days, follow-up 84 days: an episode must start
# from 2023-06-30 (2023-01-01 + 180 days) to 2024-10-08 (2024-12-31 - 84 days), patient over 16.
WINDOW = Window(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
FIRST_OK, LAST_OK = dt.date(2023, 6, 30), dt.date(2024, 10, 8)
ONE = dt.timedelta(days=1)


def summary_and_population(starts_and_ages: list[tuple[dt.date, int]]) -> tuple[dict[str, int], list[int]]:
    cfg = MonitorConfig(lookback_days=180, followup_days=84, min_age_exclusive=16)
    ep = ibis.memtable(
        {
            "episode_id": list(range(len(starts_and_ages))),
            "start_date": [s for s, _ in starts_and_ages],
            "age": [a for _, a in starts_and_ages],
        }
    )
    summary = run(episode_counts(ep, cfg, WINDOW)).to_dict("records")[0]
    kept = sorted(run(in_population(ep, cfg, WINDOW).episode_id).tolist())
    return {k: int(v) for k, v in summary.items()}, kept


@pytest.mark.parametrize(
    ("start", "age", "kept", "reason"),
    [
        (FIRST_OK, 40, True, None),
        (FIRST_OK - ONE, 40, False, "before_lookback_covered"),
        (LAST_OK, 40, True, None),
        (LAST_OK + ONE, 40, False, "followup_incomplete"),
        (FIRST_OK + 30 * ONE, 16, False, "age_out_of_scope"),
        (FIRST_OK + 30 * ONE, 17, True, None),
    ],
)
def test_population_edges(start: dt.date, age: int, kept: bool, reason: str | None) -> None:
    summary, population = summary_and_population([(start, age)])
    assert population == ([0] if kept else [])
    expected = dict.fromkeys(("age_out_of_scope", "before_lookback_covered", "followup_incomplete"), 0)
    if reason:
        expected[reason] = 1
    assert summary == {"all_episodes": 1, **expected}


def test_each_removed_episode_is_counted_under_its_first_reason_only() -> None:
    """Age comes first, then the look-back, then the follow-up (a window too short for both)."""
    short = Window(dt.date(2024, 1, 1), dt.date(2024, 3, 31))  # every start fails look-back and follow-up
    cfg = MonitorConfig(lookback_days=180, followup_days=84, min_age_exclusive=16)
    ep = ibis.memtable({"start_date": [dt.date(2024, 2, 1)] * 3, "age": [15, 40, 60]})
    summary = run(episode_counts(ep, cfg, short)).to_dict("records")[0]
    assert {k: int(v) for k, v in summary.items()} == {
        "all_episodes": 3,
        "age_out_of_scope": 1,
        "before_lookback_covered": 2,
        "followup_incomplete": 0,
    }
