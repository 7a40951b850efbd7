"""Result tables as CSV or Parquet; every file carries the guideline status (ikke gældende)."""

import json
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

from gradeline.monitor.columns import COLUMNS, RESULT_COLUMNS
from gradeline.monitor.results import MonitorResult

Format = Literal["csv", "parquet"]

ARROW_TYPES = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
SCHEMA = pa.schema([(c.name, ARROW_TYPES[c.type]) for c in RESULT_COLUMNS])


def to_arrow(result: MonitorResult) -> pa.Table:
    table = pa.Table.from_pylist([{c: r[c] for c in COLUMNS} for r in result.rows], schema=SCHEMA)
    return table.replace_schema_metadata(
        {"guideline_status": result.summary["guideline_status"], "notice": result.summary["notice"]}
    )


def write_tables(result: MonitorResult, out: Path, fmt: Format = "csv") -> list[Path]:
    """indicators.<fmt> (all strata) and summary.json (run summary, notice) in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    table = to_arrow(result)
    path = out / f"indicators.{fmt}"
    if fmt == "csv":
        pacsv.write_csv(table, path)
    else:
        pq.write_table(table, path)
    summary = out / "summary.json"
    summary.write_text(
        json.dumps(result.summary, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    return [path, summary]


def read_table(path: Path) -> list[dict[str, Any]]:
    """Read an indicators.csv/.parquet written by :func:`write_tables` back as rows."""
    if path.suffix == ".parquet":
        table = pq.read_table(path)
    else:
        table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=SCHEMA))
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows
