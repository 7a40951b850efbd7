"""One monitoring run: detect the input kind, validate in DuckDB, compute on an engine, write the outputs.

Strict: the extraction period is declared (``--start/--end`` or manifest.json), and any ``InputError``
(missing column, unreadable file, a required table without accepted rows, too many rejections) stops the run
before anything is written.
"""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import ibis  # type: ignore[import-untyped]

from gradeline.monitor.codes import load_codes
from gradeline.monitor.compute import compute
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.engines import DuckDBLimits, connect, load_tables
from gradeline.monitor.ingest.fhir_ndjson import ingest_fhir, is_fhir
from gradeline.monitor.ingest.omop import ingest_omop, is_omop
from gradeline.monitor.ingest.period import ExtractionPeriod, resolve_period
from gradeline.monitor.ingest.report import DEFAULT_MAX_REJECTED, IngestReport, InputError
from gradeline.monitor.ingest.tabular import ingest_tabular, is_tabular
from gradeline.monitor.ingest.validate import save
from gradeline.monitor.outputs.measure import write_measure_bundle
from gradeline.monitor.outputs.tables import Format, write_tables
from gradeline.monitor.results import MonitorResult, results
from gradeline.monitor.schema import TABLES


@dataclass
class RunOutput:
    result: MonitorResult
    ingest: IngestReport
    files: list[Path]


@dataclass(frozen=True)
class Strictness:
    """How much bad input a run tolerates."""

    max_rejected: float = DEFAULT_MAX_REJECTED
    """Largest share of rejected records per table; above it the run fails."""
    accept_rejections: bool = False
    """Compute anyway when a table rejects more than ``max_rejected``."""


def input_kind(data: Path) -> str:
    if not data.is_dir():
        raise InputError(f"{data} is not a folder")
    if is_tabular(data):
        return "tabular"
    if is_fhir(data):
        return "fhir"
    if is_omop(data):
        return "omop"
    raise InputError(
        f"{data} holds no recognised input: expected patients + encounters (CSV/Parquet), "
        "Patient.ndjson (FHIR Bulk Data) or person + visit_occurrence (OMOP CDM)"
    )


def ingest(data: Path, con: duckdb.DuckDBPyConnection, period: ExtractionPeriod) -> IngestReport:
    """Validate any supported input; accepted rows stay in ``con`` as ``ok_<table>``."""
    kind = input_kind(data)
    if kind == "tabular":
        return ingest_tabular(data, None, con, period)
    if kind == "fhir":
        return ingest_fhir(data, None, con, period)
    return ingest_omop(data, None, con, period)


def run(
    data: Path,
    engine: str = "duckdb",
    out: Path | None = None,
    fmt: Format = "csv",
    measure_report: Path | None = None,
    cfg: MonitorConfig | None = None,
    progress: Callable[[str], None] | None = None,
    spark_remote: str | None = None,
    spark: Any = None,
    strict: Strictness | None = None,
    keep_validated: bool = False,
    limits: DuckDBLimits | None = None,
) -> RunOutput:
    """Validate ``data``, compute every indicator on ``engine`` and write tables (and a MeasureReport
    bundle). DuckDB computes on the validated tables where they are; Spark reads them as Parquet.
    ``limits`` bound the DuckDB connection's memory and name its spill folder (default: from the
    environment, ``DuckDBLimits.from_env``)."""
    cfg = cfg or MonitorConfig()
    strict = strict or Strictness()
    step = progress or (lambda _m: None)
    period = resolve_period(data, cfg.observation_start, cfg.observation_end)
    cfg = replace(cfg, observation_start=period.start, observation_end=period.end)
    step("validate input")
    with (limits or DuckDBLimits.from_env()).connect() as con:
        report = ingest(data, con, period)
        if not strict.accept_rejections:
            report.check_rejection_rate(strict.max_rejected)
        with tempfile.TemporaryDirectory(prefix="gradeline-monitor-") as tmp:
            if engine == "duckdb":
                backend = ibis.duckdb.from_connection(con)
                tables = {n: backend.table(f"ok_{n}") for n in report.tables if n in TABLES}
            else:
                save(con, report, Path(tmp))
                report.rejections = report.clean_dir = None  # temporary copies, gone after the run
                backend = connect(engine, spark=spark, spark_remote=spark_remote)
                tables = load_tables(backend, Path(tmp))
            counts = compute(backend, tables, cfg, progress=step)
        result = results(counts, cfg.min_cell_patients)
        files: list[Path] = []
        if out and (keep_validated or report.rejected):
            save(con, report, out / "validated", tables=keep_validated)
            files += [report.rejections] if report.rejections else []
        elif report.rejected:
            report.notes.append("rejected records are listed only when --out is given")
        result.summary["input"] = report.as_dict()
        result.summary["engine"] = engine
        result.summary["code_lists_version"] = load_codes().version
        if out:
            step("write outputs")
            files += write_tables(result, out, fmt)
        if measure_report:
            files.append(write_measure_bundle(result, measure_report))
    return RunOutput(result=result, ingest=report, files=files)
