"""The internal schema every input adapter maps into, and every indicator reads.

One row per patient, encounter, dispensing, imaging study, referral and sick-leave spell. Dates are calendar
dates (no time zone), ISO 8601 in text input. ``patient_id`` is text: the source's own identifier, kept
unchanged by every adapter so that side tables (sick leave) join through it.
Only ``patients`` and ``encounters`` are required; an indicator whose table is absent is reported as
"not available", never as zero. docs/monitoring.md prints this schema as a table.
"""

from dataclasses import dataclass
from typing import Literal

import pyarrow as pa  # type: ignore[import-untyped]

ColumnType = Literal["int64", "date", "string", "bool", "float64"]

ARROW_TYPES: dict[str, pa.DataType] = {
    "int64": pa.int64(),
    "date": pa.date32(),
    "string": pa.string(),
    "bool": pa.bool_(),
    "float64": pa.float64(),
}
DUCKDB_TYPES: dict[str, str] = {
    "int64": "BIGINT",
    "date": "DATE",
    "string": "VARCHAR",
    "bool": "BOOLEAN",
    "float64": "DOUBLE",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    required: bool
    """Required columns must be present in the input and non-empty in every row."""
    description: str
    codes: str | None = None
    """Name of the check that restricts values (see ingest.validate), if any."""
    period: Literal["within", "not_after"] | None = None
    """Dates that must lie within the declared extraction period, or not after its end."""


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    required: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, ARROW_TYPES[c.type], nullable=not c.required) for c in self.columns]
        )


PATIENT_ID = Column("patient_id", "string", True, "Pseudonymous person id; must exist in patients.")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "patients",
            "One row per person.",
            (
                Column("patient_id", "string", True, "Pseudonymous person id (unique; text allowed)."),
                Column(
                    "birth_date",
                    "date",
                    True,
                    "Date of birth (age at episode start is computed).",
                    period="not_after",
                ),
                Column("sex", "string", True, "F, M or U (unknown).", codes="sex"),
                Column("region_code", "string", True, "Region of residence, 1081-1085.", codes="region"),
                Column("municipality_code", "string", False, "Municipality (kommune) code, 3 digits."),
            ),
            required=True,
        ),
        Table(
            "encounters",
            "One row per contact with a GP, physiotherapist, chiropractor (or other) and its main code.",
            (
                Column(
                    "encounter_id", "int64", True, "Unique contact id (the tie-breaker of the total order)."
                ),
                PATIENT_ID,
                Column("enc_date", "date", True, "Date of the contact.", period="within"),
                Column("profession", "string", True, "GP, PT, CHIRO or OTHER.", codes="profession"),
                Column("clinic_id", "string", True, "Clinic (ydernummer or care site id)."),
                Column("code_system", "string", True, "ICPC2 or SKS.", codes="code_system"),
                Column(
                    "code",
                    "string",
                    True,
                    "Reason for contact: an ICPC-2 or SKS (D + ICD-10) diagnosis code.",
                    codes="diagnosis",
                ),
                Column(
                    "red_flag",
                    "bool",
                    False,
                    "A red flag was recorded at this contact (empty = not recorded).",
                ),
            ),
            required=True,
        ),
        Table(
            "prescriptions",
            "One row per dispensing (or prescription) of a drug.",
            (
                PATIENT_ID,
                Column(
                    "dispense_date",
                    "date",
                    True,
                    "Date dispensed at the pharmacy (LMDB: EKSD).",
                    period="within",
                ),
                Column("atc", "string", True, "ATC code, 7 characters.", codes="atc"),
                Column("days_supply", "float64", False, "Days covered (LMDB: DDD dispensed at 1 DDD a day)."),
                Column("on_prescription", "bool", True, "Dispensed on prescription (OTC sales are false)."),
            ),
        ),
        Table(
            "imaging",
            "One row per imaging study.",
            (
                PATIENT_ID,
                Column("imaging_date", "date", True, "Date of the study.", period="within"),
                Column("modality", "string", True, "MR, RX (X-ray), CT or US.", codes="modality"),
                Column(
                    "body_site",
                    "string",
                    True,
                    "One of the pack's imaging body_sites (codes.yaml).",
                    codes="body_site",
                ),
            ),
        ),
        Table(
            "referrals",
            "One row per referral (or recorded offer) to a service.",
            (
                PATIENT_ID,
                Column("referral_date", "date", True, "Date of the referral.", period="within"),
                Column(
                    "referral_type",
                    "string",
                    True,
                    "supervised_exercise, patient_education or other.",
                    codes="referral_type",
                ),
            ),
        ),
        Table(
            "sick_leave",
            "One row per sick-leave spell (e.g. DREAM sickness-benefit weeks joined into spells).",
            (
                PATIENT_ID,
                Column("start_date", "date", True, "First day of the spell.", period="within"),
                Column(
                    "end_date",
                    "date",
                    False,
                    "Last day of the spell; empty = still open at the end of data.",
                    period="within",
                ),
            ),
        ),
    )
}

DATE_COLUMNS: dict[str, str] = {
    "encounters": "enc_date",
    "prescriptions": "dispense_date",
    "imaging": "imaging_date",
    "referrals": "referral_date",
    "sick_leave": "start_date",
}


def schema_markdown() -> str:
    """The internal schema as a Markdown table (used in docs/monitoring.md)."""
    lines = ["| table | column | type | required | meaning |", "|---|---|---|---|---|"]
    for table in TABLES.values():
        for col in table.columns:
            req = "yes" if col.required else "no"
            lines.append(f"| {table.name} | {col.name} | {col.type} | {req} | {col.description} |")
    return "\n".join(lines)
