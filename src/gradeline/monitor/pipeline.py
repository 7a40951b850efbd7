"""One monitoring run: detect the input kind, validate, compute on an engine, write the outputs."""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from gradeline.monitor.compute import compute
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.engines import connect, load_tables
from gradeline.monitor.ingest.fhir_ndjson import ingest_fhir, is_fhir
from gradeline.monitor.ingest.omop import ingest_omop, is_omop
from gradeline.monitor.ingest.report import IngestReport, InputError
from gradeline.monitor.ingest.tabular import ingest_tabular, is_tabular
from gradeline.monitor.outputs.measure import write_measure_bundle
from gradeline.monitor.outputs.tables import Format, write_tables
from gradeline.monitor.results import MonitorResult, results


@dataclass
class RunOutput:
    result: MonitorResult
    ingest: IngestReport
    files: list[Path]


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


def ingest(data: Path, clean_dir: Path) -> IngestReport:
    """Validate any supported input into internal-schema Parquet in ``clean_dir``."""
    kind = input_kind(data)
    con = duckdb.connect()
    try:
        if kind == "tabular":
            return ingest_tabular(data, clean_dir, con)
        if kind == "fhir":
            return ingest_fhir(data, clean_dir, con)
        return ingest_omop(data, clean_dir, con)
    finally:
        con.close()


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
) -> RunOutput:
    """Validate ``data``, compute every indicator on ``engine`` and write tables (and a MeasureReport
    bundle)."""
    step = progress or (lambda _m: None)
    with tempfile.TemporaryDirectory(prefix="gradeline-monitor-") as tmp:
        clean = (out / "validated") if out else Path(tmp)
        step("validate input")
        report = ingest(data, clean)
        if report.rejections and out is None:
            report.notes.append("rejected records are listed only when --out is given")
        con = connect(engine, spark=spark, spark_remote=spark_remote)
        tables = load_tables(con, clean)
        counts = compute(con, tables, cfg, progress=step)
        result = results(counts)
        result.summary["input"] = report.as_dict()
        result.summary["engine"] = engine
        files: list[Path] = []
        if out:
            step("write outputs")
            files += write_tables(result, out, fmt)
        if measure_report:
            files.append(write_measure_bundle(result, measure_report))
        if engine == "duckdb":
            con.disconnect()
    return RunOutput(result=result, ingest=report, files=files)
