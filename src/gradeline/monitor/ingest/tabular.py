"""CSV/Parquet adapter: a folder with one file (or folder of Parquet files) per internal-schema table."""

from pathlib import Path

import duckdb

from gradeline.monitor.ingest.report import IngestReport, InputError
from gradeline.monitor.ingest.validate import validate
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


def attach_side_table(con: duckdb.DuckDBPyConnection, data: Path, name: str, sources: dict[str, str]) -> None:
    """Register an internal-schema table that a FHIR or OMOP folder carries beside its own files (e.g.
    sick_leave, which neither standard holds) as ``raw_<name>``, if the folder has it."""
    path = find_table(data, name)
    if path is None:
        return
    p = path.as_posix().replace("'", "''")
    scan = f"read_parquet('{p}')" if path.suffix == ".parquet" else f"read_csv('{p}', all_varchar=true)"
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW raw_{name} AS SELECT *, row_number() OVER () AS _row, "
        f"'{path.name}' AS _source FROM {scan}"
    )
    sources[name] = path.name


def is_tabular(data: Path) -> bool:
    return find_table(data, "patients") is not None and find_table(data, "encounters") is not None


def ingest_tabular(data: Path, clean_dir: Path, con: duckdb.DuckDBPyConnection | None = None) -> IngestReport:
    """Validate a folder of internal-schema tables; write the accepted rows to ``clean_dir``."""
    if not data.is_dir():
        raise InputError(f"{data} is not a folder")
    con = con or duckdb.connect()
    sources: dict[str, str] = {}
    malformed: dict[str, str] = {}
    for name, table in TABLES.items():
        path = find_table(data, name)
        if path is None:
            if table.required:
                raise InputError(f"{data} has no {name} table ({name}.parquet or {name}.csv)")
            continue
        scan, rejects = _scan(path, name)
        try:
            cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {scan}").fetchall()]
            row = "file_row_number + 1" if "file_row_number" in cols else "row_number() OVER ()"
            source = "parse_filename(filename)" if "filename" in cols else f"'{path.name}'"
            kind = "TEMP TABLE" if rejects else "TEMP VIEW"
            con.execute(
                f"CREATE OR REPLACE {kind} raw_{name} AS "
                f"SELECT *, {row} AS _row, {source} AS _source FROM {scan}"
            )
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise InputError(f"cannot read {path.name}: {first}") from exc
        sources[name] = path.name
        if rejects:
            malformed[name] = rejects
    return validate(con, sources, clean_dir, malformed=malformed)
