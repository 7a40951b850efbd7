"""What every adapter of a standard (FHIR Bulk NDJSON, OMOP CDM) does around its own mapping: open the
connection and period, then attach the internal-schema side tables the standard lacks, validate every mapped
``raw_<table>`` view and save the accepted rows when asked."""

from collections.abc import Callable
from pathlib import Path

import duckdb

from gradeline.monitor.ingest.period import ExtractionPeriod, resolve_period
from gradeline.monitor.ingest.report import IngestReport
from gradeline.monitor.ingest.tabular import attach_side_table
from gradeline.monitor.ingest.validate import save, validate

SIDE_TABLES = ("sick_leave",)
"""Internal-schema tables that may sit beside a standard's files (neither FHIR nor OMOP holds them)."""


def begin(
    data: Path, con: duckdb.DuckDBPyConnection | None, period: ExtractionPeriod | None
) -> tuple[duckdb.DuckDBPyConnection, ExtractionPeriod]:
    """The connection to map into (a new one when None) and the extraction period (default: the manifest)."""
    return con or duckdb.connect(), period or resolve_period(data)


def finish(
    con: duckdb.DuckDBPyConnection,
    data: Path,
    sources: dict[str, str],
    period: ExtractionPeriod,
    clean_dir: Path | None,
    amend: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Attach the side tables found in ``data``, validate every mapped table, let ``amend`` add the adapter's
    own rejections and notes, and write the accepted rows to ``clean_dir`` when given."""
    malformed: dict[str, str] = {}
    for name in SIDE_TABLES:
        attach_side_table(con, data, name, sources, malformed)
    report = validate(con, sources, period, malformed=malformed)
    if amend is not None:
        amend(report)
    if clean_dir is not None:
        save(con, report, clean_dir)
    return report
