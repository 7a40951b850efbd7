"""FHIR Bulk Data NDJSON adapter (R4/R4B resources, one resource type per ``<Type>[.N].ndjson`` file).

Maps Patient, Encounter (+ Condition linked by ``encounter``), MedicationDispense / MedicationRequest,
ImagingStudy and ServiceRequest (referrals) into the internal schema; a sick_leave table in the internal
schema
may sit beside the NDJSON files (FHIR has no sick-leave resource). Lines are parsed one by one (about 10^5
resources a second); anything that cannot be mapped is passed on empty or as found, so the validator
rejects it
with a reason, and unsupported resource types are named in the report.
"""

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa  # type: ignore[import-untyped]

from gradeline.monitor.codes import CodeLists, load_codes
from gradeline.monitor.ingest.adapter import begin, finish
from gradeline.monitor.ingest.period import ExtractionPeriod
from gradeline.monitor.ingest.report import IngestReport, InputError, TableReport

SUPPORTED = {
    "Patient",
    "Encounter",
    "Condition",
    "MedicationDispense",
    "MedicationRequest",
    "ImagingStudy",
    "ServiceRequest",
}
REGION_NAMES = {
    "nordjylland": "1081",
    "midtjylland": "1082",
    "syddanmark": "1083",
    "hovedstaden": "1084",
    "sjælland": "1085",
    "sjaelland": "1085",
}


def is_fhir(data: Path) -> bool:
    return any(data.glob("Patient*.ndjson"))


def _ref(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("reference"), str):
        return str(value["reference"]).split("/")[-1]
    return None


def _codings(concepts: Any) -> list[tuple[str, str]]:
    if isinstance(concepts, dict):
        concepts = [concepts]
    out = []
    for concept in concepts or []:
        for c in (concept or {}).get("coding") or []:
            if c.get("code"):
                out.append((str(c.get("system") or "").lower(), str(c["code"])))
    return out


def _diagnosis(system: str, code: str) -> tuple[str, str] | None:
    if "icpc" in system:
        return "ICPC2", code.replace(".", "").upper()
    if "sks" in system:
        return "SKS", code.upper()
    if "icd-10" in system or "icd10" in system:
        return "SKS", "D" + code.replace(".", "").upper()
    return None


class _Mapper:
    def __init__(self, codes: CodeLists) -> None:
        self.codes = codes
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.enc_codes: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.ignored: dict[str, int] = defaultdict(int)
        self.condition_codes = {(s, c) for s, cs in codes.condition.items() for c in cs}
        self.red = {(s, c) for s, cs in codes.red_flag.items() for c in cs}

    def add(self, table: str, source: str, line: int, **values: Any) -> None:
        """One raw row; values as text (like CSV) so odd types reach the validator instead of failing here."""
        text = {
            k: (None if v is None else str(v).lower() if isinstance(v, bool) else str(v))
            for k, v in values.items()
        }
        self.rows[table].append({"_row": line, "_source": source, **text})

    def patient(self, r: dict[str, Any], source: str, line: int) -> None:
        address = (r.get("address") or [{}])[0]
        state = str(address.get("state") or "")
        region = REGION_NAMES.get(state.lower().removeprefix("region ").strip(), state) or None
        sex = {"female": "F", "male": "M", "other": "U", "unknown": "U"}.get(
            str(r.get("gender")), r.get("gender")
        )
        self.add(
            "patients",
            source,
            line,
            patient_id=r.get("id"),  # the source's id, kept: side tables join through it
            birth_date=r.get("birthDate"),
            sex=sex,
            region_code=region,
            municipality_code=address.get("district"),
        )

    def encounter(self, r: dict[str, Any], source: str, line: int) -> None:
        prof = None
        by_snomed = self.codes.profession_by_snomed()
        for _system, code in _codings(r.get("serviceType")):
            prof = code.upper() if code.upper() in self.codes.professions else by_snomed.get(code, code)
            break
        self.enc_codes[str(r.get("id"))].extend(_codings(r.get("reasonCode")))
        start = (r.get("period") or {}).get("start") or ""
        self.add(
            "encounters",
            source,
            line,
            fhir_id=str(r.get("id")),
            patient_id=_ref(r.get("subject")),
            enc_date=start[:10] or None,
            profession=prof,
            clinic_id=_ref(r.get("serviceProvider")),
            order_key=start,
        )

    def condition(self, r: dict[str, Any], source: str, line: int) -> None:
        enc = _ref(r.get("encounter"))
        if enc is None:
            self.ignored["Condition without encounter"] += 1
            return
        self.enc_codes[enc].extend(_codings(r.get("code")))

    def medication(self, r: dict[str, Any], source: str, line: int) -> None:
        atc = next(
            (c for s, c in _codings(r.get("medicationCodeableConcept")) if "atc" in s or "whocc" in s), None
        )
        if r["resourceType"] == "MedicationDispense":
            when = r.get("whenHandedOver")
            days = (r.get("daysSupply") or {}).get("value")
        else:
            when = r.get("authoredOn")
            days = (((r.get("dispenseRequest") or {}).get("expectedSupplyDuration")) or {}).get("value")
        self.add(
            "prescriptions",
            source,
            line,
            patient_id=_ref(r.get("subject")),
            dispense_date=(when or "")[:10] or None,
            atc=atc,
            days_supply=days,
            on_prescription=True,
        )

    def imaging(self, r: dict[str, Any], source: str, line: int) -> None:
        modality = next((c for _s, c in _codings([{"coding": r.get("modality") or []}])), None)
        sites = [c.get("code") for s in r.get("series") or [] for c in [s.get("bodySite") or {}]]
        known = [self.codes.body_site_snomed[c] for c in sites if c in self.codes.body_site_snomed]
        site = known[0] if known else ("other" if sites else None)
        self.add(
            "imaging",
            source,
            line,
            patient_id=_ref(r.get("subject")),
            imaging_date=(r.get("started") or "")[:10] or None,
            modality=self.codes.dicom_modalities.get(str(modality), modality),
            body_site=site,
        )

    def referral(self, r: dict[str, Any], source: str, line: int) -> None:
        kind = next((c for _s, c in _codings(r.get("code"))), None)
        self.add(
            "referrals",
            source,
            line,
            patient_id=_ref(r.get("subject")),
            referral_date=(r.get("authoredOn") or "")[:10] or None,
            referral_type=kind,
        )

    def finish_encounters(self) -> None:
        for row in self.rows.get("encounters", []):
            row["_fhir_id"] = row.pop("fhir_id") or ""
            diags = [d for s, c in self.enc_codes.get(row["_fhir_id"], []) if (d := _diagnosis(s, c))]
            primary = next(
                (d for d in diags if d in self.condition_codes), diags[0] if diags else (None, None)
            )
            row["code_system"], row["code"] = primary
            row["red_flag"] = "true" if any(d in self.red for d in diags) else None
        # encounter_id follows (start time, resource id): a total order that does not depend on file order
        ranked = sorted(
            self.rows.get("encounters", []),
            key=lambda r: (r.pop("order_key") or "", len(r["_fhir_id"]), r["_fhir_id"]),
        )
        for i, row in enumerate(ranked, start=1):
            row["encounter_id"] = str(i)
            del row["_fhir_id"]


HANDLERS = {
    "Patient": _Mapper.patient,
    "Encounter": _Mapper.encounter,
    "Condition": _Mapper.condition,
    "MedicationDispense": _Mapper.medication,
    "MedicationRequest": _Mapper.medication,
    "ImagingStudy": _Mapper.imaging,
    "ServiceRequest": _Mapper.referral,
}


def ingest_fhir(
    data: Path,
    clean_dir: Path | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
    period: ExtractionPeriod | None = None,
) -> IngestReport:
    """Map and validate a folder of FHIR Bulk Data NDJSON files (patient ids kept as in the source)."""
    con, period = begin(data, con, period)
    mapper = _Mapper(load_codes())
    files = sorted(data.glob("*.ndjson"), key=lambda p: (p.name.split(".")[0] != "Patient", p.name))
    bad_json: list[tuple[str, int, str]] = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    resource = json.loads(line)
                except json.JSONDecodeError as exc:
                    bad_json.append((path.name, line_no, f"not valid JSON: {exc.msg}"))
                    continue
                handler = HANDLERS.get(str(resource.get("resourceType")))
                if handler is None:
                    mapper.ignored[f"{resource.get('resourceType')} (not used by the indicators)"] += 1
                    continue
                handler(mapper, resource, path.name, line_no)
    mapper.finish_encounters()
    if not mapper.rows.get("patients"):
        raise InputError(f"{data} has no Patient resources")
    sources: dict[str, str] = {}
    for table, rows in mapper.rows.items():
        con.register(f"arrow_{table}", pa.Table.from_pylist(rows))
        con.execute(f"CREATE OR REPLACE TEMP VIEW raw_{table} AS SELECT * FROM arrow_{table}")
        sources[table] = f"FHIR NDJSON ({table})"

    def amend(report: IngestReport) -> None:
        for name, line_no, why in bad_json:
            con.execute("INSERT INTO rejections VALUES ('(unparsed)', ?, ?, ?)", [name, line_no, why])
        if bad_json:
            report.tables["unparsed"] = TableReport(
                table="unparsed",
                source="NDJSON",
                read=len(bad_json),
                rejected=len(bad_json),
                reasons={"line is not valid JSON": len(bad_json)},
            )
        report.notes.extend(f"ignored {n} {kind}" for kind, n in sorted(mapper.ignored.items()))
        if "sick_leave" not in sources:
            report.notes.append(
                "no sick-leave data (FHIR has no sick-leave resource; add sick_leave.csv beside it)"
            )

    return finish(con, data, sources, period, clean_dir, amend)
