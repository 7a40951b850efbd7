"""Validate raw tables (DuckDB views/tables ``raw_<table>``) against the internal schema, inside DuckDB.

Strict: a missing required column, or a required table with no accepted row, is an ``InputError`` (one
sentence naming the file and column). Per record: required values present, values of the right type (dates
in ISO 8601 only), dates within the declared extraction period, codes from the code lists (or of the right
format where a list cannot be complete: ICPC-2, SKS, ATC), unique ids, patient ids that exist in
``patients`` (anti-join), spells that do not end before they start. A failing record is rejected with every
reason and its source line; accepted rows stay in the engine as ``ok_<table>`` (``save`` writes them out).
"""

from pathlib import Path

import duckdb

from gradeline.monitor.codes import CODE_SYSTEMS, CodeLists, load_codes
from gradeline.monitor.ingest.period import ExtractionPeriod
from gradeline.monitor.ingest.report import IngestReport, InputError, TableReport
from gradeline.monitor.schema import DUCKDB_TYPES, TABLES, Column

LOWER_CASE = {"body_site", "referral_type"}
UNIQUE = {"patients": "patient_id", "encounters": "encounter_id"}
ISO_TIME_TAIL = r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _in(expr: str, values: list[str] | tuple[str, ...]) -> str:
    return f"{expr} IN ({', '.join(_lit(v) for v in values)})"


def _code_check(col: Column, typed: str, codes: CodeLists) -> str | None:
    """SQL that is true when the (typed, non-null) value is acceptable."""
    check = col.codes
    if check == "sex":
        return _in(typed, ("F", "M", "U"))
    if check == "region":
        return _in(typed, tuple(codes.regions))
    if check == "profession":
        return _in(typed, tuple(codes.professions))
    if check == "code_system":
        return _in(typed, CODE_SYSTEMS)
    if check == "diagnosis":
        return (
            "CASE code_system_t WHEN 'ICPC2' THEN regexp_full_match(code_t, '[A-Z][0-9]{2}') "
            "WHEN 'SKS' THEN regexp_full_match(code_t, 'D[A-Z][0-9A-Z]{2,6}') ELSE TRUE END"
        )
    if check == "atc":
        return f"regexp_full_match({typed}, '[A-Z][0-9]{{2}}[A-Z]{{2}}[0-9]{{2}}')"
    if check == "modality":
        return _in(typed, codes.modalities)
    if check == "body_site":
        return _in(typed, codes.body_sites)
    if check == "referral_type":
        return _in(typed, codes.referral_types)
    return None


def iso_date_sql(raw: str) -> str:
    """A DATE from ISO 8601 text (YYYY-MM-DD, optionally followed by a time), else NULL: '2023/08/01' and
    '2023-8-1' are not dates here."""
    return (
        f"CASE WHEN {raw} LIKE '____-__-__' THEN TRY_CAST({raw} AS DATE) "
        f"WHEN regexp_full_match({raw}, '\\d{{4}}-\\d{{2}}-\\d{{2}}{ISO_TIME_TAIL}') "
        f"THEN TRY_CAST(left({raw}, 10) AS DATE) END"
    )


def _typed(col: Column, raw: str) -> str:
    if col.type == "string":
        if col.codes in LOWER_CASE or col.name in LOWER_CASE:
            return f"lower({raw})"
        return f"upper({raw})" if col.codes else raw
    if col.type == "date":
        return iso_date_sql(raw)
    return f"TRY_CAST({raw} AS {DUCKDB_TYPES[col.type]})"


def _period_check(col: Column, t: str, period: ExtractionPeriod) -> tuple[str, str] | None:
    """(condition for a rejection, reason) for a date outside the declared period."""
    start, end = f"DATE '{period.start.isoformat()}'", f"DATE '{period.end.isoformat()}'"
    span = f"{period.start.isoformat()} to {period.end.isoformat()}"
    if col.period == "within":
        return f"({t} < {start} OR {t} > {end})", f"{col.name} outside the extraction period ({span})"
    if col.period == "not_after":
        return f"{t} > {end}", f"{col.name} after the extraction period ends ({period.end.isoformat()})"
    return None


def _table_sql(
    name: str, types: dict[str, str], codes: CodeLists, period: ExtractionPeriod
) -> tuple[str, list[str]]:
    """SELECT producing typed columns, ``_reason`` (with values) and ``_kind`` (without) for one table."""
    table = TABLES[name]
    typed_cols: list[str] = []
    reasons: list[tuple[str, str, str]] = []  # (condition, reason with value, reason kind)
    notes: list[str] = []
    for col in table.columns:
        t = f"{col.name}_t"
        if col.name not in types:
            typed_cols.append(f"CAST(NULL AS {DUCKDB_TYPES[col.type]}) AS {t}")
            notes.append(f"optional column {col.name} is absent (treated as empty)")
            continue
        if col.type == "date" and types[col.name] == "DATE":  # typed input (Parquet): no text to parse
            typed_cols.append(f"{_q(col.name)} AS {t}")
            typed_cols.append(f"CAST({_q(col.name)} AS VARCHAR) AS {col.name}_r")
        else:
            text = f"NULLIF(trim(CAST({_q(col.name)} AS VARCHAR)), '')"
            typed_cols.append(f"{_typed(col, text)} AS {t}")
            typed_cols.append(f"{text} AS {col.name}_r")
        raw = f"{col.name}_r"  # the value as read (the typed value is NULL when it does not parse)
        shown = f"'\"' || CAST({raw} AS VARCHAR) || '\"'"
        if col.required:
            reasons.append((f"{raw} IS NULL", f"'{col.name} is empty'", f"{col.name} is empty"))
        kind = "an ISO 8601 date (YYYY-MM-DD)" if col.type == "date" else f"a valid {col.type}"
        reasons.append(
            (
                f"{raw} IS NOT NULL AND {t} IS NULL",
                f"'{col.name} is not {kind}: ' || {shown}",
                f"{col.name} is not {kind}",
            )
        )
        check = _code_check(col, t, codes)
        if check:
            reasons.append(
                (
                    f"{t} IS NOT NULL AND NOT ({check})",
                    f"'unknown {col.name}: ' || {shown}",
                    f"unknown {col.name}",
                )
            )
        outside = _period_check(col, t, period)
        if outside:
            reasons.append((outside[0], f"{_lit(outside[1])} || ': ' || {shown}", outside[1]))
    joins = ""
    if name in UNIQUE:
        key = f"{UNIQUE[name]}_t"
        joins += (
            f" LEFT JOIN (SELECT {key} AS _dup_key, min(_row) AS _dup_first FROM typed "
            f"WHERE {key} IS NOT NULL GROUP BY {key} HAVING count(*) > 1) dup ON {key} = _dup_key"
        )
        dup = "_dup_key IS NOT NULL AND _row > _dup_first"
        reasons.append((dup, f"'duplicate {UNIQUE[name]} ' || {key}", f"duplicate {UNIQUE[name]}"))
    if name != "patients":
        joins += " LEFT JOIN (SELECT patient_id AS _known FROM ok_patients) known ON patient_id_t = _known"
        ref = "patient_id_t IS NOT NULL AND _known IS NULL"
        reasons.append((ref, "'unknown patient_id ' || patient_id_t", "patient_id not in patients"))
    if name == "sick_leave":
        reasons.append(
            ("end_date_t < start_date_t", "'end_date before start_date'", "end_date before start_date")
        )
    reason_sql = "concat_ws('; ', " + ", ".join(f"CASE WHEN {c} THEN {r} END" for c, r, _ in reasons) + ")"
    kind_sql = (
        "concat_ws('; ', " + ", ".join(f"CASE WHEN {c} THEN {_lit(k)} END" for c, _, k in reasons) + ")"
    )
    sql = (
        f"WITH typed AS (SELECT _row, _source, {', '.join(typed_cols)} FROM raw_{name}) "
        f"SELECT _row, _source, {', '.join(c.name + '_t AS ' + _q(c.name) for c in table.columns)}, "
        f"{reason_sql} AS _reason, {kind_sql} AS _kind FROM typed{joins}"
    )
    return sql, notes


def validate(
    con: duckdb.DuckDBPyConnection,
    sources: dict[str, str],
    period: ExtractionPeriod,
    codes: CodeLists | None = None,
    malformed: dict[str, str] | None = None,
) -> IngestReport:
    """Validate every ``raw_<table>`` named in ``sources`` (table -> file or source description).

    ``malformed`` names, per table, a DuckDB rejects table of CSV lines that could not be parsed at all.
    Raises ``InputError`` for a missing required column or a required table without accepted rows.
    """
    codes = codes or load_codes()
    report = IngestReport(period=period)
    con.execute(
        'CREATE OR REPLACE TABLE rejections ("table" VARCHAR, source VARCHAR, "row" BIGINT, reason VARCHAR)'
    )
    for name in TABLES:  # patients first: the others are checked against it
        if name not in sources:
            continue
        types = {str(r[0]): str(r[1]) for r in con.execute(f"DESCRIBE raw_{name}").fetchall()}
        for col in TABLES[name].columns:
            if col.required and col.name not in types:
                raise InputError(
                    f"{sources[name]} has no column {col.name} (required in the {name} table); "
                    "nothing was written"
                )
        sql, notes = _table_sql(name, types, codes, period)
        con.execute(f"CREATE OR REPLACE TABLE chk_{name} AS {sql}")
        drop_if_table(con, f"raw_{name}")
        cols = ", ".join(_q(c) for c in TABLES[name].column_names)
        con.execute(f"CREATE OR REPLACE TABLE ok_{name} AS SELECT {cols} FROM chk_{name} WHERE _reason = ''")
        con.execute(
            f"INSERT INTO rejections SELECT '{name}', _source, _row, _reason FROM chk_{name} "
            "WHERE _reason <> ''"
        )
        read, accepted = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE _reason = '') FROM chk_{name}"
        ).fetchone() or (0, 0)
        kinds = con.execute(
            f"SELECT k, count(*) FROM (SELECT unnest(string_split(_kind, '; ')) AS k FROM chk_{name} "
            "WHERE _reason <> '') GROUP BY k"
        ).fetchall()
        con.execute(f"DROP TABLE chk_{name}")
        report.tables[name] = TableReport(
            table=name,
            source=sources[name],
            read=int(read),
            accepted=int(accepted),
            rejected=int(read) - int(accepted),
            reasons={str(k): int(n) for k, n in kinds},
            notes=notes,
        )
        if malformed and name in malformed:
            add_malformed(con, report, name, malformed[name])
        if TABLES[name].required and accepted == 0:
            raise InputError(
                f"{sources[name]}: no {name} row was accepted ({report.tables[name].top_reason()})"
            )
    return report


def drop_if_table(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop ``name`` when it is a table (a CSV read into the database), freeing its space; views stay."""
    if con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone():
        con.execute(f"DROP TABLE {name}")


def save(con: duckdb.DuckDBPyConnection, report: IngestReport, clean_dir: Path, tables: bool = True) -> None:
    """Write the accepted rows (internal-schema Parquet, when ``tables``) and ``rejections.csv`` to
    ``clean_dir``."""
    clean_dir.mkdir(parents=True, exist_ok=True)
    for name in report.tables:
        if tables and name in TABLES:
            con.execute(f"COPY ok_{name} TO '{(clean_dir / f'{name}.parquet').as_posix()}' (FORMAT parquet)")
    if report.rejected:
        path = clean_dir / "rejections.csv"
        con.execute(
            f'COPY (SELECT * FROM rejections ORDER BY "table", "row") TO \'{path.as_posix()}\' '
            "(HEADER, DELIMITER ',')"
        )
        report.rejections = path
    report.clean_dir = clean_dir


def add_malformed(
    con: duckdb.DuckDBPyConnection, report: IngestReport, name: str, rejects_table: str
) -> None:
    """Count CSV lines DuckDB could not parse (stored with ``store_rejects``) as rejections of ``name``."""
    rows = con.execute(
        f"SELECT DISTINCT line, error_type, csv_line FROM {rejects_table} ORDER BY line"
    ).fetchall()
    if not rows:
        return
    t = report.tables[name]
    for line, error_type, text in rows:
        con.execute(
            "INSERT INTO rejections VALUES (?, ?, ?, ?)",
            [name, t.source, int(line), f"malformed line {line}: {error_type}: {text}"],
        )
    t.read += len(rows)
    t.rejected += len(rows)
    t.reasons["malformed CSV line"] = t.reasons.get("malformed CSV line", 0) + len(rows)
