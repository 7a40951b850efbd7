"""Every indicator, episode by episode, on the planted and window-edge fixtures (hand counts: their READMEs).

The indicator functions run directly on the fixtures' CSV files (no ingest, no strata), so that each episode's
``den``, ``excl``, ``num`` and ``value`` can be compared with the README's worked example.
"""

import datetime as dt
from pathlib import Path
from typing import Any

import ibis
import pytest

from gradeline.monitor.codes import load_codes
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.episodes import Window, all_episodes, in_population
from gradeline.monitor.indicators import (
    Context,
    IndicatorDefinitionError,
    IndicatorFn,
    build,
    indicator_functions,
)

DATA = Path(__file__).parent / "data"
CFG = MonitorConfig(observation_start=dt.date(2023, 1, 1), observation_end=dt.date(2024, 12, 31))
WINDOW = Window(dt.date(2023, 1, 1), dt.date(2024, 12, 31))
TYPES = {"red_flag": "BOOLEAN", "on_prescription": "BOOLEAN", "region_code": "VARCHAR", "end_date": "DATE"}

# planted episodes in the population (README): B = 1#2, C = 2#1, D = 4#1, E = 6#1, F = 6#2
PLANTED = ("1#2", "2#1", "4#1", "6#1", "6#2")
EDGES = tuple(f"{p}#1" for p in range(1, 10))

# indicator -> (numerator episodes, excluded episodes, denominator episodes or None = all, values in days)
PLANTED_BY_EPISODE: dict[str, tuple[set[str], set[str], set[str] | None, dict[str, int]]] = {
    "billeddiagnostik-uden-roede-flag": ({"1#2", "6#2"}, {"2#1"}, None, {}),
    "opioid-udlevering": ({"1#2", "2#1"}, set(), None, {}),
    "opioid-laengere-forloeb": ({"2#1"}, set(), {"1#2", "2#1"}, {"1#2": 5, "2#1": 33}),
    "nsaid-udlevering": ({"1#2"}, set(), None, {}),
    "paracetamol-udlevering": ({"4#1"}, set(), None, {}),
    "henvisning-superviseret-traening": ({"1#2", "6#1"}, set(), None, {}),
    "henvisning-patientuddannelse": ({"4#1"}, set(), None, {}),
    "langvarigt-forloeb": ({"2#1"}, set(), None, {}),
    "sygemelding": ({"2#1", "4#1"}, set(), None, {}),
    "tilbage-i-arbejde": ({"2#1"}, set(), {"2#1", "4#1"}, {"2#1": 70}),  # 4#1's spell is still open
}
EDGES_BY_EPISODE: dict[str, tuple[set[str], set[str], set[str] | None, dict[str, int]]] = {
    "billeddiagnostik-uden-roede-flag": ({"1#1", "2#1"}, set(), None, {}),
    "opioid-udlevering": ({"4#1", "5#1", "6#1"}, set(), None, {}),
    "opioid-laengere-forloeb": ({"6#1"}, set(), {"4#1", "5#1", "6#1"}, {"4#1": 6, "5#1": 7, "6#1": 8}),
    "nsaid-udlevering": ({"1#1"}, set(), None, {}),
    "paracetamol-udlevering": (set(), set(), None, {}),
    "henvisning-superviseret-traening": ({"8#1"}, set(), None, {}),
    "henvisning-patientuddannelse": (set(), set(), None, {}),
    "langvarigt-forloeb": ({"3#1"}, set(), None, {}),
    "sygemelding": ({"7#1", "8#1", "9#1"}, set(), None, {}),
    "tilbage-i-arbejde": ({"7#1", "8#1"}, set(), {"7#1", "8#1", "9#1"}, {"7#1": 83, "8#1": 84, "9#1": 85}),
}


def built(indicator: str) -> IndicatorFn:
    """The one indicator's definition, built from its compute block (not every indicator of the pack)."""
    [definition] = [i for i in load_catalogue().indicators if i.id == indicator]
    return build(indicator, definition.compute)


def per_episode(fixture: str, indicator: str) -> dict[str, tuple[int, int, int, int | None]]:
    """episode id -> (den, excl, num, value) of one indicator on one fixture's CSV files."""
    con = ibis.duckdb.connect()
    tables = {
        path.stem: con.read_csv(path, types={k: v for k, v in TYPES.items() if k in path.read_text()})
        for path in (DATA / fixture).glob("*.csv")
    }
    codes = load_codes()
    every = all_episodes(tables["encounters"], tables["patients"], codes, CFG)
    ctx = Context(episodes=in_population(every, CFG, WINDOW), tables=tables, codes=codes, cfg=CFG)
    result = built(indicator)(ctx)
    rows = con.to_pyarrow(result.select("episode_id", "den", "excl", "num", "value")).to_pylist()
    return {r["episode_id"]: (r["den"], r["excl"], r["num"], r["value"]) for r in rows}


def expected(
    episodes: tuple[str, ...], spec: tuple[set[str], set[str], set[str] | None, dict[str, int]]
) -> dict[str, tuple[int, int, int, int | None]]:
    numerator, excluded, denominator, values = spec
    return {
        e: (
            int(denominator is None or e in denominator),
            int(e in excluded),
            int(e in numerator),
            values.get(e),
        )
        for e in episodes
    }


@pytest.mark.parametrize("indicator", sorted(PLANTED_BY_EPISODE))
def test_planted_fixture_episode_by_episode(indicator: str) -> None:
    assert per_episode("planted", indicator) == expected(PLANTED, PLANTED_BY_EPISODE[indicator])


@pytest.mark.parametrize("indicator", sorted(EDGES_BY_EPISODE))
def test_window_edges_episode_by_episode(indicator: str) -> None:
    assert per_episode("edges", indicator) == expected(EDGES, EDGES_BY_EPISODE[indicator])


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        ({"kind": "imaging"}, "indicator x: compute.kind 'imaging' is not one of imaging_without_red_flag, "),
        ({}, "indicator x: compute.kind '' is not one of "),
        ({"kind": "dispensing"}, "indicator x: wrong arguments for dispensing: "),
        ({"kind": "sick_leave", "drug": "opioid"}, "indicator x: wrong arguments for sick_leave: "),
    ],
)
def test_a_wrong_compute_block_names_the_indicator_and_the_problem(
    compute: dict[str, Any], message: str
) -> None:
    with pytest.raises(IndicatorDefinitionError) as caught:
        build("x", compute)
    assert str(caught.value).startswith(message)


def test_every_kind_of_the_pack_is_built_once_per_indicator() -> None:
    functions = indicator_functions()
    assert sorted(functions) == sorted(PLANTED_BY_EPISODE)
    assert functions["nsaid-udlevering"].__name__ == "nsaid_dispensing"
    assert functions["henvisning-patientuddannelse"].__name__ == "referral_patient_education"


SCHEMAS = {
    "prescriptions": {
        "patient_id": "int64",
        "dispense_date": "date",
        "atc": "string",
        "days_supply": "float64",
        "on_prescription": "boolean",
    },
    "sick_leave": {"patient_id": "int64", "start_date": "date", "end_date": "date"},
    "referrals": {"patient_id": "int64", "referral_date": "date", "referral_type": "string"},
    "imaging": {"patient_id": "int64", "imaging_date": "date", "modality": "string", "body_site": "string"},
    "encounters": {
        "encounter_id": "int64",
        "patient_id": "int64",
        "enc_date": "date",
        "code_system": "string",
        "code": "string",
        "red_flag": "boolean",
    },
}
DAY0 = dt.date(2024, 3, 1)


def one_episode(
    indicator: str, table: str, rows: list[tuple[Any, ...]], **other: list[tuple[Any, ...]]
) -> tuple[int, int, int, int | None]:
    """(den, excl, num, value) of one episode starting on DAY0 (patient 1), with ``rows`` of one table (and
    of ``other`` tables by name)."""
    given = {table: rows, **other}
    tables = {
        name: ibis.memtable([dict(zip(schema, r, strict=True)) for r in given.get(name, [])], schema=schema)
        for name, schema in SCHEMAS.items()
    }
    ep = ibis.memtable(
        {"episode_id": ["1#1"], "patient_id": [1], "start_date": [DAY0], "last_contact": [DAY0]},
        schema={"episode_id": "string", "patient_id": "int64", "start_date": "date", "last_contact": "date"},
    )
    ctx = Context(episodes=ep, tables=tables, codes=load_codes(), cfg=CFG)
    result = built(indicator)(ctx).select("den", "excl", "num", "value")
    [row] = ibis.duckdb.connect().to_pyarrow(result).to_pylist()
    return row["den"], row["excl"], row["num"], row["value"]


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("dispensings", "expected"),
    [
        ([(1, day(84), "N02AA01", 3.0, True)], (1, 0, 0, 3)),  # on the last day of follow-up: a 3-day course
        ([(1, day(85), "N02AA01", 3.0, True)], (0, 0, 0, None)),
        # unknown supply counts as one day: day 0 for 3 days, day 7 for one -> 8 days, longer than 7
        ([(1, day(0), "N02AA01", 3.0, True), (1, day(7), "N02AA01", None, True)], (1, 0, 1, 8)),
        ([(1, day(0), "N02AA01", 10.0, False)], (0, 0, 0, None)),  # bought without prescription
    ],
    ids=["day-84", "day-85", "unknown-supply", "over-the-counter"],
)
def test_opioid_course(
    dispensings: list[tuple[Any, ...]], expected: tuple[int, int, int, int | None]
) -> None:
    assert one_episode("opioid-laengere-forloeb", "prescriptions", dispensings) == expected


def test_paracetamol_bought_over_the_counter_is_not_a_dispensing_on_prescription() -> None:
    sale = [(1, day(3), "N02BE01", 10.0, False)]
    assert one_episode("paracetamol-udlevering", "prescriptions", sale) == (1, 0, 0, None)


@pytest.mark.parametrize(
    ("start", "counted"),
    [(-15, False), (-14, True), (84, True), (85, False)],
)
def test_sick_leave_spells_from_14_days_before_to_day_84(start: int, counted: bool) -> None:
    spell = [(1, day(start), day(start + 10))]
    assert one_episode("sygemelding", "sick_leave", spell) == (1, 0, int(counted), None)


@pytest.mark.parametrize(("modality", "counted"), [("MR", True), ("RX", True), ("CT", True), ("US", False)])
def test_lumbar_ultrasound_is_not_imaging_the_guideline_advises_against(modality: str, counted: bool) -> None:
    scan = [(1, day(5), modality, "lumbar")]
    assert one_episode("billeddiagnostik-uden-roede-flag", "imaging", scan) == (1, 0, int(counted), None)


@pytest.mark.parametrize(
    ("flag_day", "expected"),
    [(None, (1, 0, 1, None)), (0, (1, 1, 0, None)), (42, (1, 1, 0, None)), (43, (1, 0, 1, None))],
    ids=["no-flag", "flag-on-day-0", "flag-on-day-42", "flag-on-day-43"],
)
def test_imaging_on_day_0_and_a_red_flag_within_42_days(
    flag_day: int | None, expected: tuple[Any, ...]
) -> None:
    """An MR on day 0 counts; a red-flag encounter from day 0 to day 42 excludes the episode."""
    flags = [] if flag_day is None else [(9, 1, day(flag_day), "ICPC2", "L03", True)]
    scan = [(1, day(0), "MR", "lumbar")]
    assert one_episode("billeddiagnostik-uden-roede-flag", "imaging", scan, encounters=flags) == expected


@pytest.mark.parametrize(
    ("referral_type", "counted"), [("supervised_exercise", True), ("patient_education", False)]
)
def test_a_referral_on_day_0_counts_for_its_own_type(referral_type: str, counted: bool) -> None:
    referral = [(1, day(0), referral_type)]
    expected = (1, 0, int(counted), None)
    assert one_episode("henvisning-superviseret-traening", "referrals", referral) == expected
