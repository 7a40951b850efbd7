"""OMOP CDM v5.4 adapter: person, visit_occurrence, condition_occurrence, drug_exposure, procedure_occurrence,
observation, provider, care_site and location as CSV or Parquet files (lower-case table names).

Danish source codes are read from the ``*_source_value`` columns (standard concepts are SNOMED/RxNorm):
ICPC-2 or SKS diagnosis codes in condition_source_value, ATC in drug_source_value, SKS imaging procedure
codes (UXM/UXR/UXC/UXU…) in procedure_source_value with the body site (a value of codes.yaml
``imaging.body_sites``) in modifier_source_value, referral types in observation_source_value, the profession
in provider.specialty_source_value (GP/PT/CHIRO or the SNOMED code), the region in location.state. A
sick_leave table in the internal schema may sit beside the OMOP tables (OMOP has none).
"""

from pathlib import Path

import duckdb

from gradeline.monitor.codes import load_codes
from gradeline.monitor.ingest.adapter import begin, finish
from gradeline.monitor.ingest.period import ExtractionPeriod
from gradeline.monitor.ingest.report import IngestReport, InputError
from gradeline.monitor.ingest.tabular import find_table
from gradeline.monitor.ingest.tabular import sql_literal as _lit

OMOP_TABLES = (
    "person",
    "visit_occurrence",
    "condition_occurrence",
    "drug_exposure",
    "procedure_occurrence",
    "observation",
    "provider",
    "care_site",
    "location",
)
REQUIRED = ("person", "visit_occurrence")


def is_omop(data: Path) -> bool:
    return all(find_table(data, t) is not None for t in REQUIRED)


def ingest_omop(
    data: Path,
    clean_dir: Path | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    period: ExtractionPeriod | None = None,
) -> IngestReport:
    """Map and validate OMOP CDM v5.4 tables into the internal schema (person_id kept as the patient id)."""
    con, period = begin(data, con, period)
    codes = load_codes()
    present = set()
    for t in OMOP_TABLES:
        path = find_table(data, t)
        if path is None:
            if t in REQUIRED:
                raise InputError(f"{data} has no OMOP {t} table")
            continue
        p = path.as_posix().replace("'", "''")
        scan = f"read_parquet('{p}')" if path.suffix == ".parquet" else f"read_csv('{p}', all_varchar=true)"
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW omop_{t} AS SELECT *, row_number() OVER () AS _row FROM {scan}"
            )
        except duckdb.Error as exc:
            raise InputError(
                f"cannot read {path.name}: {str(exc).strip().splitlines()[0]}; nothing was written"
            ) from exc
        present.add(t)
    snomed = " ".join(f"WHEN {_lit(k)} THEN {_lit(v)}" for k, v in codes.profession_by_snomed().items())
    dx = ", ".join(_lit(c) for cs in codes.condition.values() for c in cs)
    red = ", ".join(_lit(c) for cs in codes.red_flag.values() for c in cs)
    region_of = "l.state" if "location" in present else "NULL"
    muni_of = "l.county" if "location" in present else "NULL"
    loc_join = "LEFT JOIN omop_location l USING (location_id)" if "location" in present else ""
    con.execute(f"""CREATE OR REPLACE TEMP VIEW raw_patients AS
        SELECT p._row, 'person' AS _source, p.person_id AS patient_id,
          make_date(TRY_CAST(p.year_of_birth AS INT), coalesce(TRY_CAST(p.month_of_birth AS INT), 7),
                    coalesce(TRY_CAST(p.day_of_birth AS INT), 1)) AS birth_date,
          CASE CAST(p.gender_concept_id AS VARCHAR) WHEN '8532' THEN 'F' WHEN '8507' THEN 'M'
            ELSE 'U' END AS sex,
          {region_of} AS region_code, {muni_of} AS municipality_code
        FROM omop_person p {loc_join}""")
    cond = "condition_occurrence" in present
    code_cte = (
        f"""WITH c AS (SELECT visit_occurrence_id, upper(condition_source_value) AS code,
              CASE WHEN regexp_full_match(upper(condition_source_value), '[A-Z][0-9]{{2}}') THEN 'ICPC2'
                   ELSE 'SKS' END AS code_system, _row
            FROM omop_condition_occurrence WHERE visit_occurrence_id IS NOT NULL),
        pick AS (SELECT visit_occurrence_id, arg_min(code_system, (code NOT IN ({dx}), _row)) AS code_system,
                   arg_min(code, (code NOT IN ({dx}), _row)) AS code, bool_or(code IN ({red})) AS red_flag
                 FROM c GROUP BY visit_occurrence_id)"""
        if cond
        else "WITH pick AS (SELECT NULL AS visit_occurrence_id, NULL AS code_system, NULL AS code, "
        "NULL AS red_flag WHERE FALSE)"
    )
    prov = "provider" in present
    con.execute(f"""CREATE OR REPLACE TEMP VIEW raw_encounters AS {code_cte}
        SELECT v._row, 'visit_occurrence' AS _source, v.visit_occurrence_id AS encounter_id,
          v.person_id AS patient_id, v.visit_start_date AS enc_date,
          {
        "CASE upper(pr.specialty_source_value) " + snomed + " ELSE upper(pr.specialty_source_value) END"
        if prov
        else "NULL"
    } AS profession,
          coalesce(CAST(v.care_site_id AS VARCHAR), CAST(v.provider_id AS VARCHAR)) AS clinic_id,
          pick.code_system, pick.code, CASE WHEN pick.red_flag THEN TRUE END AS red_flag
        FROM omop_visit_occurrence v LEFT JOIN pick USING (visit_occurrence_id)
        {"LEFT JOIN omop_provider pr USING (provider_id)" if prov else ""}""")
    sources = {"patients": "person", "encounters": "visit_occurrence"}
    if "drug_exposure" in present:
        con.execute("""CREATE OR REPLACE TEMP VIEW raw_prescriptions AS
            SELECT _row, 'drug_exposure' AS _source, person_id AS patient_id,
              drug_exposure_start_date AS dispense_date, drug_source_value AS atc, days_supply,
              TRUE AS on_prescription FROM omop_drug_exposure""")
        sources["prescriptions"] = "drug_exposure"
    if "procedure_occurrence" in present:
        prefixes = " ".join(
            f"WHEN upper(procedure_source_value) LIKE '{k}%' THEN '{v}'"
            for k, v in codes.sks_imaging_prefixes.items()
        )
        con.execute(f"""CREATE OR REPLACE TEMP VIEW raw_imaging AS
            SELECT _row, 'procedure_occurrence' AS _source, person_id AS patient_id,
              procedure_date AS imaging_date, CASE {prefixes} END AS modality,
              modifier_source_value AS body_site
            FROM omop_procedure_occurrence WHERE upper(procedure_source_value) LIKE 'UX%'""")
        sources["imaging"] = "procedure_occurrence (SKS UX*)"
    if "observation" in present:
        kinds = ", ".join(_lit(k) for k in codes.referral_types)
        con.execute(f"""CREATE OR REPLACE TEMP VIEW raw_referrals AS
            SELECT _row, 'observation' AS _source, person_id AS patient_id, observation_date AS referral_date,
              observation_source_value AS referral_type
            FROM omop_observation WHERE lower(observation_source_value) IN ({kinds})""")
        sources["referrals"] = "observation (referral types)"

    def amend(report: IngestReport) -> None:
        report.notes.append(
            "OMOP: procedures other than SKS UX* and observations that are not referral types are not used; "
            "drug exposures count as dispensed on prescription"
        )

    return finish(con, data, sources, period, clean_dir, amend)
