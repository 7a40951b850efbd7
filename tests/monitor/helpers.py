"""Small helpers shared by the monitoring tests."""

from pathlib import Path
from typing import Any

from gradeline.monitor.compute import compute
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.engines import connect, load_tables
from gradeline.monitor.ingest.tabular import ingest_tabular
from gradeline.monitor.results import MonitorResult, results

# (numerator, denominator after exclusions, exclusions) for stratum 'all', worked out by hand in
# data/planted/README.md
PLANTED_COUNTS = {
    "billeddiagnostik-uden-roede-flag": (2, 4, 1),
    "opioid-udlevering": (2, 5, 0),
    "opioid-laengere-forloeb": (1, 2, 0),
    "nsaid-udlevering": (1, 5, 0),
    "paracetamol-udlevering": (1, 5, 0),
    "henvisning-superviseret-traening": (2, 5, 0),
    "henvisning-patientuddannelse": (1, 5, 0),
    "langvarigt-forloeb": (1, 5, 0),
    "sygemelding": (2, 5, 0),
    "tilbage-i-arbejde": (1, 2, 0),
}


def counts_on(engine: str, clean: Path, cfg: MonitorConfig | None = None, spark: Any = None) -> Any:
    con = connect(engine, spark=spark)
    return compute(con, load_tables(con, clean, prefix=f"t{abs(hash(str(clean))) % 10**6}_"), cfg)


def planted_result(planted: Path, tmp: Path, cfg: MonitorConfig) -> MonitorResult:
    clean = tmp / "clean"
    ingest_tabular(planted, clean)
    return results(counts_on("duckdb", clean, cfg), min_cell=1)
