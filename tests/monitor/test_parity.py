"""Every indicator on DuckDB and on Spark over the same fixtures: identical counts in every stratum."""

from pathlib import Path
from typing import Any

import pytest

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.indicators import indicator_functions
from gradeline.monitor.ingest.tabular import ingest_tabular
from gradeline.monitor.results import results
from gradeline.monitor.synth import SynthSpec, generate
from tests.monitor.helpers import PLANTED_COUNTS, counts_on

pytestmark = pytest.mark.spark


def test_parity_on_planted_fixture(
    spark: Any, planted_dir: Path, planted_cfg: MonitorConfig, tmp_path: Path
) -> None:
    clean = tmp_path / "clean"
    ingest_tabular(planted_dir, clean)
    duck = counts_on("duckdb", clean, planted_cfg)
    sp = counts_on("spark", clean, planted_cfg, spark=spark)
    assert {r["indicator"] for r in duck.rows} == set(indicator_functions())
    assert sp.episodes == duck.episodes
    assert sp.rows == duck.rows
    # Both engines could share a wrong expression: Spark's counts must also equal the hand counts.
    spark_result = results(sp, min_cell=1)
    for indicator, expected in PLANTED_COUNTS.items():
        row = spark_result.overall(indicator)
        assert (row["numerator"], row["denominator"], row["denominator_exclusions"]) == expected, indicator


def test_parity_on_synthetic_data(spark: Any, tmp_path: Path) -> None:
    """600 synthetic patients (about 5,000 contacts, same-day ties included)."""
    generate(SynthSpec(patients=600, seed=3), tmp_path / "synth")
    duck = counts_on("duckdb", tmp_path / "synth")
    sp = counts_on("spark", tmp_path / "synth", spark=spark)
    assert len(duck.rows) > 500
    assert sp.rows == duck.rows
