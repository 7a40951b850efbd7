"""Validate raw tables (DuckDB views ``raw_<table>``) against the internal schema; write accepted rows as
Parquet.

Checks per record: required columns present and non-empty, values of the right type, codes from the code lists
(or of the right format where a list cannot be complete: ICPC-2, SKS, ATC), unique ids, patient ids that exist
in ``patients``, sick-leave spells that do not end before they start. A record failing any check is rejected
with every reason; nothing is dropped without a line in the rejections file.
"""

from pathlib import Path

import duckdb

from gradeline.monitor.codes import CODE_SYSTEMS, CodeLists, load_codes
from gradeline.monitor.ingest.report import IngestReport, TableReport
from gradeline.monitor.schema import DUCKDB_TYPES, TABLES, Column

LOWER_CASE = {"body_site", "referral_type"}
UNIQUE = {"patients": "patient_id", "encounters": "encounter_id"}


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
        return _in(typed, ("lumbar", "other"))
    if check == "referral_type":
        return _in(typed, codes.referral_types)
    return None


def _typed(col: Column, raw: str) -> str:
    if col.type == "string":
        if col.codes in LOWER_CASE or col.name in LOWER_CASE:
            return f"lower({raw})"
        return f"upper({raw})" if col.codes else raw
    if col.type == "date":
        return f"coalesce(TRY_CAST({raw} AS DATE), TRY_CAST(TRY_CAST({raw} AS TIMESTAMP) AS DATE))"
    return f"TRY_CAST({raw} AS {DUCKDB_TYPES[col.type]})"


def _table_sql(name: str, present: set[str], codes: CodeLists, patients_ok: bool) -> tuple[str, list[str]]:
    """SELECT producing typed columns, ``_reason`` (with values) and ``_kind`` (without) for one table."""
    table = TABLES[name]
    typed_cols: list[str] = []
    reasons: list[tuple[str, str, str]] = []  # (condition, reason with value, reason kind)
    notes: list[str] = []
    for col in table.columns:
        t = f"{col.name}_t"
        if col.name not in present:
            typed_cols.append(f"CAST(NULL AS {DUCKDB_TYPES[col.type]}) AS {t}")
            if col.required:
                reasons.append(("TRUE", f"'missing column {col.name}'", f"missing column {col.name}"))
            else:
                notes.append(f"optional column {col.name} is absent (treated as empty)")
            continue
        raw = f"NULLIF(trim(CAST({_q(col.name)} AS VARCHAR)), '')"
        typed_cols.append(f"{_typed(col, raw)} AS {t}")
        shown = f"'\"' || {raw} || '\"'"
        if col.required:
            reasons.append((f"{raw} IS NULL", f"'{col.name} is empty'", f"{col.name} is empty"))
        reasons.append(
            (
                f"{raw} IS NOT NULL AND {t} IS NULL",
                f"'{col.name} is not a valid {col.type}: ' || {shown}",
                f"{col.name} is not a valid {col.type}",
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
    if name in UNIQUE:
        key = f"{UNIQUE[name]}_t"
        dup = f"{key} IS NOT NULL AND row_number() OVER (PARTITION BY {key} ORDER BY _row) > 1"
        reasons.append((dup, f"'duplicate {UNIQUE[name]} ' || {key}", f"duplicate {UNIQUE[name]}"))
    if name != "patients" and patients_ok:
        ref = "patient_id_t IS NOT NULL AND patient_id_t NOT IN (SELECT patient_id FROM ok_patients)"
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
        f"SELECT _row, _source, {', '.join(c.name + '_t AS ' + _q(c.name) for c in table.columns)}, "
        f"{reason_sql} AS _reason, {kind_sql} AS _kind "
        f"FROM (SELECT *, {', '.join(typed_cols)} FROM raw_{name})"
    )
    return sql, notes


def validate(
    con: duckdb.DuckDBPyConnection,
    sources: dict[str, str],
    clean_dir: Path,
    codes: CodeLists | None = None,
    malformed: dict[str, str] | None = None,
) -> IngestReport:
    """Validate every ``raw_<table>`` view named in ``sources`` (table -> source description).

    ``malformed`` names, per table, a DuckDB rejects table of CSV lines that could not be parsed at all.
    """
    codes = codes or load_codes()
    clean_dir.mkdir(parents=True, exist_ok=True)
    report = IngestReport(clean_dir=clean_dir)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE rejections "
        '("table" VARCHAR, source VARCHAR, "row" BIGINT, reason VARCHAR)'
    )
    for name in TABLES:  # patients first: the others are checked against it
        if name not in sources:
            continue
        present = {r[0] for r in con.execute(f"DESCRIBE raw_{name}").fetchall()}
        sql, notes = _table_sql(name, present, codes, patients_ok=name != "patients")
        con.execute(f"CREATE OR REPLACE TEMP TABLE chk_{name} AS {sql}")
        cols = ", ".join(_q(c) for c in TABLES[name].column_names)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE ok_{name} AS SELECT {cols} FROM chk_{name} "
            "WHERE _reason = '' ORDER BY _row"
        )
        con.execute(
            f"INSERT INTO rejections SELECT '{name}', _source, _row, _reason FROM chk_{name} "
            "WHERE _reason <> ''"
        )
        out = clean_dir / f"{name}.parquet"
        con.execute(f"COPY ok_{name} TO '{out.as_posix()}' (FORMAT parquet)")
        read, accepted = con.execute(
            f"SELECT count(*), count(*) FILTER (WHERE _reason = '') FROM chk_{name}"
        ).fetchone() or (0, 0)
        kinds = con.execute(
            f"SELECT k, count(*) FROM (SELECT unnest(string_split(_kind, '; ')) AS k FROM chk_{name} "
            "WHERE _reason <> '') GROUP BY k"
        ).fetchall()
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
    if report.rejected:
        path = clean_dir / "rejections.csv"
        con.execute(
            f'COPY (SELECT * FROM rejections ORDER BY "table", "row") TO \'{path.as_posix()}\' '
            "(HEADER, DELIMITER ',')"
        )
        report.rejections = path
    return report


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
