"""The generator is seeded, Danish-coded, and its planted true values are exactly what the indicators find."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from gradeline.monitor.ingest.tabular import ingest_tabular
from gradeline.monitor.results import results
from gradeline.monitor.synth import SynthSpec, generate
from tests.monitor.helpers import counts_on


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    generate(SynthSpec(patients=3000, seed=11), out)
    return out


def test_same_seed_same_data(synth: Path, tmp_path: Path) -> None:
    generate(SynthSpec(patients=3000, seed=11), tmp_path)
    for name in ("patients", "encounters", "prescriptions", "sick_leave"):
        assert pq.read_table(synth / f"{name}.parquet").equals(pq.read_table(tmp_path / f"{name}.parquet"))


def test_danish_codes(synth: Path) -> None:
    enc = pq.read_table(synth / "encounters.parquet").to_pydict()
    assert set(map(str, enc["profession"])) == {"GP", "PT", "CHIRO"}
    assert {"L03", "L84", "DM545"} <= set(map(str, enc["code"]))
    regions = set(map(str, pq.read_table(synth / "patients.parquet")["region_code"].to_pylist()))
    assert regions == {"1081", "1082", "1083", "1084", "1085"}
    atc = set(map(str, pq.read_table(synth / "prescriptions.parquet")["atc"].to_pylist()))
    assert {"N02AX02", "M01AE01", "N02BE01"} <= atc


def test_planted_values_are_found_exactly(synth: Path, tmp_path: Path) -> None:
    report = ingest_tabular(synth, tmp_path / "clean")
    assert report.rejected == 0
    result = results(counts_on("duckdb", tmp_path / "clean"), min_cell=1)
    truth = json.loads((synth / "planted.json").read_text(encoding="utf-8"))["truth"]
    for indicator, expected in truth.items():
        row = result.overall(indicator)
        assert (row["numerator"], row["denominator"]) == (expected["numerator"], expected["denominator"]), (
            indicator
        )


def test_generated_in_chunks_the_planted_values_are_still_found(tmp_path: Path) -> None:
    planted = generate(SynthSpec(patients=2500, seed=11), tmp_path / "data", chunk_patients=700)
    patients = pq.read_table(tmp_path / "data" / "patients.parquet")["patient_id"].to_pylist()
    assert sorted(patients) == list(range(1, 2501))  # four chunks, one id range
    encounters = pq.read_table(tmp_path / "data" / "encounters.parquet")["encounter_id"].to_pylist()
    assert len(set(encounters)) == len(encounters) == planted["encounters"]
    report = ingest_tabular(tmp_path / "data", tmp_path / "clean")
    assert report.rejected == 0
    result = results(counts_on("duckdb", tmp_path / "clean"), min_cell=1)
    assert len(planted["truth"]) == 10
    for indicator, expected in planted["truth"].items():
        row = result.overall(indicator)
        assert (row["numerator"], row["denominator"]) == (expected["numerator"], expected["denominator"])
