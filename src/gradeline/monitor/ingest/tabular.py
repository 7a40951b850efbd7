"""CSV/Parquet adapter: a folder with one file (or folder of Parquet files) per internal-schema table."""

from pathlib import Path

import duckdb

from gradeline.monitor.ingest.period import ExtractionPeriod, resolve_period
from gradeline.monitor.ingest.report import IngestReport, InputError
from gradeline.monitor.ingest.validate import save, validate
from gradeline.monitor.schema import TABLES

SUFFIXES = (".parquet", ".csv", ".csv.gz", ".tsv")


def find_table(data: Path, name: str) -> Path | None:
    """``<name>.parquet``, ``<name>.csv[.gz]``, ``<name>.tsv`` or a folder ``<name>/`` of Parquet files."""
    for suffix in SUFFIXES:
        path = data / f"{name}{suffix}"
        if path.is_file():
            return path
    folder = data / name
    if folder.is_dir() and any(folder.glob("*.parquet")):
        return folder
    return None


def _scan(path: Path, name: str) -> tuple[str, str | None]:
    """A DuckDB table expression for the file, and the rejects table name for CSV."""
    p = path.as_posix().replace("'", "''")
    if path.is_dir():
        return f"read_parquet('{p}/*.parquet', file_row_number=true, filename=true)", None
    if path.name.endswith(".parquet"):
        return f"read_parquet('{p}', file_row_number=true)", None
    sep = "\\t" if path.name.endswith(".tsv") else ","
    scan = (
        f"read_csv('{p}', all_varchar=true, header=true, delim=E'{sep}', store_rejects=true, "
        f"rejects_table='rej_{name}', rejects_scan='rejscan_{name}')"
    )
    return scan, f"rej_{name}"


def register(con: duckdb.DuckDBPyConnection, path: Path, name: str) -> str | None:
    """Read one file as the raw table ``raw_<name>`` with its source file and line (``_row``); returns the
    DuckDB table of CSV lines that could not be parsed, if any. An unreadable file is an ``InputError``."""
    scan, rejects = _scan(path, name)
    try:
        cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()]
        source = "parse_filename(filename)" if "filename" in cols else sql_literal(path.name)
        if rejects is None:
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW raw_{name} AS "
                f"SELECT *, file_row_number + 1 AS _row, {source} AS _source FROM {scan}"
            )
            return None
        # CSV: line = data row + header, shifted past the malformed lines DuckDB skipped before it
        con.execute(
            f"CREATE OR REPLACE TABLE raw_{name} AS "
            f"SELECT *, row_number() OVER () + 1 AS _row, {source} AS _source FROM {scan}"
        )
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0]
        raise InputError(f"cannot read {path.name}: {first}; nothing was written") from exc
    if con.execute(f"SELECT count(*) FROM {rejects}").fetchone() != (0,):
        con.execute(
            f"""UPDATE raw_{name} SET _row = _row + (SELECT count(*) FROM
                (SELECT line - row_number() OVER (ORDER BY line) AS good_before
                 FROM (SELECT DISTINCT line FROM {rejects})) r WHERE r.good_before <= raw_{name}._row - 1)"""
        )
    return rejects


def sql_literal(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def attach_side_table(
    con: duckdb.DuckDBPyConnection, data: Path, name: str, sources: dict[str, str], malformed: dict[str, str]
) -> None:
    """Register an internal-schema table that a FHIR or OMOP folder carries beside its own files (e.g.
    sick_leave, which neither standard holds) as ``raw_<name>``, if the folder has it."""
    path = find_table(data, name)
    if path is None:
        return
    rejects = register(con, path, name)
    sources[name] = path.name
    if rejects:
        malformed[name] = rejects


def is_tabular(data: Path) -> bool:
    return find_table(data, "patients") is not None and find_table(data, "encounters") is not None


def ingest_tabular(
    data: Path,
    clean_dir: Path | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    period: ExtractionPeriod | None = None,
) -> IngestReport:
    """Validate a folder of internal-schema tables (accepted rows stay in ``con``; written to ``clean_dir``
    when given). ``period`` defaults to the folder's manifest."""
    if not data.is_dir():
        raise InputError(f"{data} is not a folder")
    period = period or resolve_period(data)
    con = con or duckdb.connect()
    sources: dict[str, str] = {}
    malformed: dict[str, str] = {}
    for name, table in TABLES.items():
        path = find_table(data, name)
        if path is None:
            if table.required:
                raise InputError(f"{data} has no {name} table ({name}.parquet or {name}.csv)")
            continue
        rejects = register(con, path, name)
        sources[name] = path.name
        if rejects:
            malformed[name] = rejects
    report = validate(con, sources, period, malformed=malformed)
    if clean_dir is not None:
        save(con, report, clean_dir)
    return report
