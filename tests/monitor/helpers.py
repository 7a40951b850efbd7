"""Small helpers shared by the monitoring tests."""

from pathlib import Path
from typing import Any

from gradeline.monitor.compute import compute
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.engines import connect, load_tables
from gradeline.monitor.ingest.tabular import ingest_tabular
from gradeline.monitor.results import MonitorResult, results


def counts_on(engine: str, clean: Path, cfg: MonitorConfig | None = None, spark: Any = None) -> Any:
    con = connect(engine, spark=spark)
    return compute(con, load_tables(con, clean, prefix=f"t{abs(hash(str(clean))) % 10**6}_"), cfg)


def planted_result(planted: Path, tmp: Path, cfg: MonitorConfig) -> MonitorResult:
    clean = tmp / "clean"
    ingest_tabular(planted, clean)
    return results(counts_on("duckdb", clean, cfg), min_cell=1)
