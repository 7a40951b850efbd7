"""Hand-written DuckDB baseline for the monitoring benchmark: read the same CSV files, validate them the same
way (ISO 8601 dates inside the declared period, codes, unique ids, patient ids that exist, a reason per
rejected row with its line) and compute the main indicator (lumbar imaging within 42 days without a red
flag) for stratum 'all'. One SQL script, no gradeline code; run as ``python monitor_baseline.py DATA``.
"""

import json
import sys
import time
from pathlib import Path

import duckdb

SQL = """
CREATE TEMP TABLE p_raw AS SELECT *, row_number() OVER () + 1 AS line
  FROM read_csv('{d}/patients.csv', all_varchar=true, header=true);
CREATE TEMP TABLE e_raw AS SELECT *, row_number() OVER () + 1 AS line
  FROM read_csv('{d}/encounters.csv', all_varchar=true, header=true);
CREATE TEMP TABLE i_raw AS SELECT *, row_number() OVER () + 1 AS line
  FROM read_csv('{d}/imaging.csv', all_varchar=true, header=true);

CREATE MACRO iso(x) AS CASE WHEN x LIKE '____-__-__' THEN TRY_CAST(x AS DATE) END;

CREATE TEMP TABLE p_chk AS
SELECT line, patient_id, iso(birth_date) AS birth_date, sex, region_code,
  concat_ws('; ',
    CASE WHEN patient_id IS NULL THEN 'patient_id is empty' END,
    CASE WHEN birth_date IS NOT NULL AND iso(birth_date) IS NULL
      THEN 'birth_date not ISO: ' || birth_date END,
    CASE WHEN iso(birth_date) > DATE '{end}' THEN 'birth_date after the period' END,
    CASE WHEN sex NOT IN ('F', 'M', 'U') THEN 'unknown sex: ' || sex END,
    CASE WHEN region_code NOT IN ('1081', '1082', '1083', '1084', '1085') THEN 'unknown region' END,
    CASE WHEN count(*) OVER (PARTITION BY patient_id) > 1 THEN 'duplicate patient_id' END) AS reason
FROM p_raw;
CREATE TEMP TABLE p_ok AS SELECT * FROM p_chk WHERE reason = '';

CREATE TEMP TABLE e_chk AS
SELECT e.line, e.patient_id, TRY_CAST(encounter_id AS BIGINT) AS encounter_id, iso(enc_date) AS enc_date,
  profession, clinic_id, code_system, code, TRY_CAST(red_flag AS BOOLEAN) AS red_flag,
  concat_ws('; ',
    CASE WHEN TRY_CAST(encounter_id AS BIGINT) IS NULL THEN 'encounter_id not an integer' END,
    CASE WHEN iso(enc_date) IS NULL THEN 'enc_date not ISO: ' || coalesce(enc_date, '') END,
    CASE WHEN iso(enc_date) NOT BETWEEN DATE '{start}' AND DATE '{end}'
      THEN 'enc_date outside the period' END,
    CASE WHEN profession NOT IN ('GP', 'PT', 'CHIRO', 'OTHER') THEN 'unknown profession' END,
    CASE WHEN clinic_id IS NULL THEN 'clinic_id is empty' END,
    CASE WHEN code_system NOT IN ('ICPC2', 'SKS') THEN 'unknown code_system' END,
    CASE WHEN NOT CASE code_system WHEN 'ICPC2' THEN regexp_full_match(code, '[A-Z][0-9]{{2}}')
      WHEN 'SKS' THEN regexp_full_match(code, 'D[A-Z][0-9A-Z]{{2,6}}') ELSE TRUE END THEN 'unknown code' END,
    CASE WHEN red_flag IS NOT NULL AND TRY_CAST(red_flag AS BOOLEAN) IS NULL THEN 'red_flag not a bool' END,
    CASE WHEN k.patient_id IS NULL THEN 'patient_id not in patients' END,
    CASE WHEN count(*) OVER (PARTITION BY encounter_id) > 1 THEN 'duplicate encounter_id' END) AS reason
FROM e_raw e LEFT JOIN (SELECT patient_id FROM p_ok) k ON e.patient_id = k.patient_id;
CREATE TEMP TABLE e_ok AS SELECT * FROM e_chk WHERE reason = '';

CREATE TEMP TABLE i_chk AS
SELECT i.line, i.patient_id, iso(imaging_date) AS imaging_date, modality, body_site,
  concat_ws('; ',
    CASE WHEN iso(imaging_date) IS NULL THEN 'imaging_date not ISO' END,
    CASE WHEN iso(imaging_date) NOT BETWEEN DATE '{start}' AND DATE '{end}' THEN 'outside the period' END,
    CASE WHEN modality NOT IN ('MR', 'RX', 'CT', 'US') THEN 'unknown modality' END,
    CASE WHEN body_site NOT IN ('lumbar', 'other') THEN 'unknown body_site' END,
    CASE WHEN k.patient_id IS NULL THEN 'patient_id not in patients' END) AS reason
FROM i_raw i LEFT JOIN (SELECT patient_id FROM p_ok) k ON i.patient_id = k.patient_id;
CREATE TEMP TABLE i_ok AS SELECT * FROM i_chk WHERE reason = '';
"""

INDICATOR = """
WITH lbp AS (
  SELECT patient_id, enc_date, encounter_id, profession,
    lag(enc_date) OVER (PARTITION BY patient_id ORDER BY enc_date, encounter_id) AS prev
  FROM e_ok WHERE (code_system = 'ICPC2' AND code IN ('L03', 'L84'))
    OR (code_system = 'SKS' AND code LIKE 'DM545%')
), ep AS (
  SELECT l.patient_id, l.enc_date AS start FROM lbp l JOIN p_ok p USING (patient_id)
  WHERE (prev IS NULL OR enc_date - prev > 180)
    AND (year(l.enc_date) * 10000 + month(l.enc_date) * 100 + day(l.enc_date)
         - (year(p.birth_date) * 10000 + month(p.birth_date) * 100 + day(p.birth_date))) // 10000 > 16
    AND l.enc_date >= DATE '{start}' + 180 AND l.enc_date <= DATE '{end}' - 84
), img AS (
  SELECT DISTINCT ep.patient_id, ep.start FROM ep JOIN i_ok i ON i.patient_id = ep.patient_id
  WHERE i.imaging_date BETWEEN ep.start AND ep.start + 42 AND i.modality IN ('MR', 'RX', 'CT')
    AND i.body_site = 'lumbar'
), red AS (
  SELECT DISTINCT ep.patient_id, ep.start FROM ep JOIN e_ok e ON e.patient_id = ep.patient_id
  WHERE e.enc_date BETWEEN ep.start AND ep.start + 42
    AND (coalesce(e.red_flag, false) OR (e.code_system = 'SKS' AND ({red})))
)
SELECT count(*) FILTER (WHERE red.patient_id IS NULL) AS denominator,
  count(*) FILTER (WHERE red.patient_id IS NULL AND img.patient_id IS NOT NULL) AS numerator
FROM ep LEFT JOIN img USING (patient_id, start) LEFT JOIN red USING (patient_id, start)
"""


def main(data: Path, red_flag_codes: list[str]) -> dict[str, object]:
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))["extraction_period"]
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    t0 = time.perf_counter()
    con.execute(SQL.format(d=data.as_posix(), start=manifest["start"], end=manifest["end"]))
    rejected = con.execute(
        "SELECT (SELECT count(*) FROM p_chk WHERE reason <> '') "
        "+ (SELECT count(*) FROM e_chk WHERE reason <> '') + (SELECT count(*) FROM i_chk WHERE reason <> '')"
    ).fetchone()
    red = " OR ".join(f"e.code LIKE '{c}%'" for c in red_flag_codes)
    row = con.execute(INDICATOR.format(start=manifest["start"], end=manifest["end"], red=red)).fetchone()
    assert row is not None and rejected is not None
    return {
        "seconds": time.perf_counter() - t0,
        "numerator": int(row[1]),
        "denominator": int(row[0]),
        "rejected": int(rejected[0]),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2].split(","))))
