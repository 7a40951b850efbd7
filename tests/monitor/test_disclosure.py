"""Small cells (fewer than 5 patients by default) never reach an output, and no total gives them away."""

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from gradeline.monitor.disclosure import suppress
from gradeline.monitor.pipeline import run
from gradeline.monitor.synth import SynthSpec, generate
from gradeline.monitor.webdata import by_stratum, over_time


def _row(stratifier: str, stratum: str, patients: int, numerator: int) -> dict[str, Any]:
    counts = {
        "patients_population": patients,
        "patients_den": patients,
        "patients_num": numerator,
        "patients_not_num": patients - numerator,
        "patients_excl": 0,
        "patients_value": 0,
    }
    return {
        "indicator": "x",
        "stratifier": stratifier,
        "stratum": stratum,
        "initial_population": patients,
        "denominator": patients,
        "denominator_exclusions": 0,
        "numerator": numerator,
        "share": numerator / patients,
        "ci_low": 0.0,
        "ci_high": 1.0,
        "value_mean_days": None,
        "value_n": 0,
        **counts,
    }


def test_primary_and_complementary_suppression() -> None:
    rows = [
        _row("all", "all", 60, 20),
        _row("region", "A", 3, 0),  # 3 patients: primary
        _row("region", "B", 10, 5),  # smallest other region: complementary, else 60 - 10 - 47 reveals A
        _row("region", "C", 47, 15),
        _row("sex", "F", 30, 2),  # 2 in the numerator: primary
        _row("sex", "M", 30, 18),  # complementary (the only other sex)
    ]
    out = {r["stratum"]: r for r in suppress(rows, 5)}
    assert [s for s, r in out.items() if r["suppressed"]] == ["A", "B", "F", "M"]
    assert out["A"]["numerator"] is None and out["A"]["denominator"] is None and out["A"]["share"] is None
    assert out["C"]["numerator"] == 15 and out["all"]["numerator"] == 20
    assert all(not any(k.startswith("patients_") for k in r) for r in out.values())


def test_combined_strata_are_protected_along_both_margins() -> None:
    rows = [_row("period", p, 40, 20) for p in ("Q1", "Q2")] + [
        _row("period×region", "Q1|A", 2, 1),
        _row("period×region", "Q1|B", 38, 19),
        _row("period×region", "Q2|A", 20, 10),
        _row("period×region", "Q2|B", 20, 10),
    ]
    hidden = {r["stratum"] for r in suppress(rows, 5) if r["suppressed"]}
    # Q1|A is small; Q1|B would reveal it through Q1's total, Q2|A through region A's periods, and then
    # Q2|B is alone in Q2
    assert hidden == {"Q1|A", "Q1|B", "Q2|A", "Q2|B"}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("disclosure")
    generate(SynthSpec(patients=800, seed=5), base / "data")
    run(base / "data", out=base / "out", measure_report=base / "out" / "measure.json")
    return base / "out"


def _csv_rows(out: Path) -> list[dict[str, str]]:
    with (out / "indicators.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_no_published_count_rests_on_fewer_than_5(published: Path) -> None:
    rows = _csv_rows(published)
    shown = [r for r in rows if r["suppressed"] == "false"]
    hidden = [r for r in rows if r["suppressed"] == "true"]
    assert shown and hidden  # clinics of a small data set are small
    for r in shown:
        num, den = int(r["numerator"]), int(r["denominator"])
        assert num == 0 or num >= 5, r
        assert den - num == 0 or den - num >= 5, r
    assert all(r["numerator"] == "" and r["share"] == "" for r in hidden)
    per_group: dict[tuple[str, str], int] = defaultdict(int)
    for r in hidden:
        if "×" not in r["stratifier"] and r["stratifier"] != "all":
            per_group[(r["indicator"], r["stratifier"])] += 1
    assert 1 not in per_group.values()  # one hidden cell alone would be recovered from the total


def test_measure_report_and_chart_data_carry_no_small_cell(published: Path) -> None:
    text = (published / "measure.json").read_text(encoding="utf-8")
    assert "Celler med færre end 5 patienter er undertrykt" in text
    from gradeline.monitor.outputs.tables import read_table

    rows = read_table(published / "indicators.csv")
    clinics = by_stratum(rows, "billeddiagnostik-uden-roede-flag", "clinic")["strata"]
    assert any(s["share"] is None for s in clinics)
    for s in clinics:
        assert s["numerator"] is None or s["numerator"] == 0 or s["numerator"] >= 5
    series = over_time(rows, "opioid-udlevering", "region")["series"]
    for line in series:
        assert all(n is None or n == 0 or n >= 5 for n in line["numerator"])


def test_patients_are_counted_once_however_many_episodes(
    planted_dir: Path, planted_cfg: Any, tmp_path: Path
) -> None:
    """Patient 6 has two episodes in the population (E and F): five episodes, four patients."""
    from gradeline.monitor.ingest.tabular import ingest_tabular
    from tests.monitor.helpers import counts_on

    ingest_tabular(planted_dir, tmp_path / "clean")
    rows = counts_on("duckdb", tmp_path / "clean", planted_cfg).rows
    overall = next(r for r in rows if r["indicator"] == "langvarigt-forloeb" and r["stratifier"] == "all")
    assert (overall["population"], overall["patients_population"]) == (5, 4)
    assert (overall["num"], overall["patients_num"]) == (1, 1)  # C, patient 2
    chiro = next(r for r in rows if r["indicator"] == "langvarigt-forloeb" and r["stratum"] == "CHIRO")
    assert (chiro["population"], chiro["patients_population"]) == (3, 2)  # C (patient 2), E and F (patient 6)
