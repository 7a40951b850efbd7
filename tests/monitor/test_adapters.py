"""FHIR Bulk NDJSON and OMOP CDM inputs built from the planted fixture give the same indicator values."""

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.ingest.fhir_ndjson import ingest_fhir
from gradeline.monitor.ingest.omop import ingest_omop
from gradeline.monitor.results import results
from tests.monitor.helpers import counts_on, planted_result

ICPC = "http://hl7.org/fhir/sid/icpc-2"
SKS = "http://medinfo.dk/sks"  # the adapter recognises "sks" (or an ICD-10 system) in Coding.system


def _rows(planted: Path, name: str) -> list[dict[str, str]]:
    with (planted / f"{name}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _fhir(planted: Path, out: Path) -> None:
    out.mkdir()
    res: dict[str, list[dict[str, Any]]] = {
        k: []
        for k in ("Patient", "Encounter", "Condition", "MedicationDispense", "ImagingStudy", "ServiceRequest")
    }
    region = {
        "1081": "Region Nordjylland",
        "1082": "Region Midtjylland",
        "1083": "Region Syddanmark",
        "1084": "Region Hovedstaden",
        "1085": "Region Sjælland",
    }
    for p in _rows(planted, "patients"):
        res["Patient"].append(
            {
                "resourceType": "Patient",
                "id": f"p{p['patient_id']}",
                "birthDate": p["birth_date"],
                "gender": {"F": "female", "M": "male"}[p["sex"]],
                "address": [{"state": region[p["region_code"]], "district": p["municipality_code"]}],
            }
        )
    snomed = {"GP": "62247001", "PT": "36682004", "CHIRO": "3842006"}
    for e in _rows(planted, "encounters"):
        res["Encounter"].append(
            {
                "resourceType": "Encounter",
                "id": f"e{e['encounter_id']}",
                "subject": {"reference": f"Patient/p{e['patient_id']}"},
                "period": {"start": e["enc_date"] + "T09:00:00+01:00"},
                "serviceType": {
                    "coding": [{"system": "http://snomed.info/sct", "code": snomed[e["profession"]]}]
                },
                "serviceProvider": {"reference": f"Organization/{e['clinic_id']}"},
            }
        )
        system = ICPC if e["code_system"] == "ICPC2" else SKS
        res["Condition"].append(
            {
                "resourceType": "Condition",
                "encounter": {"reference": f"Encounter/e{e['encounter_id']}"},
                "code": {"coding": [{"system": system, "code": e["code"]}]},
            }
        )
    for r in _rows(planted, "prescriptions"):
        if r["on_prescription"] != "true":
            continue
        res["MedicationDispense"].append(
            {
                "resourceType": "MedicationDispense",
                "subject": {"reference": f"Patient/p{r['patient_id']}"},
                "whenHandedOver": r["dispense_date"],
                "daysSupply": {"value": float(r["days_supply"])},
                "medicationCodeableConcept": {
                    "coding": [{"system": "http://www.whocc.no/atc", "code": r["atc"]}]
                },
            }
        )
    modality = {"MR": "MR", "RX": "DX", "CT": "CT"}
    for i in _rows(planted, "imaging"):
        site = "122496007" if i["body_site"] == "lumbar" else "39607008"
        res["ImagingStudy"].append(
            {
                "resourceType": "ImagingStudy",
                "subject": {"reference": f"Patient/p{i['patient_id']}"},
                "started": i["imaging_date"],
                "modality": [{"code": modality[i["modality"]]}],
                "series": [{"bodySite": {"code": site}}],
            }
        )
    for r in _rows(planted, "referrals"):
        res["ServiceRequest"].append(
            {
                "resourceType": "ServiceRequest",
                "subject": {"reference": f"Patient/p{r['patient_id']}"},
                "authoredOn": r["referral_date"],
                "code": {"coding": [{"code": r["referral_type"]}]},
            }
        )
    res["Patient"].reverse()  # reading order must not decide patient identity
    for kind, items in res.items():
        (out / f"{kind}.ndjson").write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    spells = [{**s, "patient_id": f"p{s['patient_id']}"} for s in _rows(planted, "sick_leave")]
    _write(out / "sick_leave.csv", spells)  # text ids, as in the FHIR source
    shutil.copy(planted / "manifest.json", out / "manifest.json")


def _comparable(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    """Counts per stratum; clinic ids differ by construction only in FHIR (Organization/…), so they are
    kept."""
    return {
        (r["indicator"], r["stratifier"], r["stratum"]): (
            r["numerator"],
            r["denominator"],
            r["denominator_exclusions"],
        )
        for r in rows
    }


def test_fhir_ndjson_matches_tabular(planted_dir: Path, planted_cfg: MonitorConfig, tmp_path: Path) -> None:
    _fhir(planted_dir, tmp_path / "fhir")
    with (tmp_path / "fhir" / "Observation.ndjson").open("w", encoding="utf-8") as fh:
        fh.write('{"resourceType": "Observation"}\n{not json\n')
    report = ingest_fhir(tmp_path / "fhir", tmp_path / "clean")
    assert report.tables["encounters"].rejected == 0
    assert report.tables["unparsed"].rejected == 1
    assert any("Observation" in n for n in report.notes)
    fhir = results(counts_on("duckdb", tmp_path / "clean", planted_cfg), min_cell=1)
    tab = planted_result(planted_dir, tmp_path / "tab", planted_cfg)
    assert _comparable(fhir.rows) == _comparable(tab.rows)
    sick = fhir.overall("sygemelding")
    assert (sick["numerator"], sick["denominator"]) == (2, 5)  # text ids join the side table
    assert fhir.overall("tilbage-i-arbejde")["numerator"] == 1


def test_omop_matches_tabular(planted_dir: Path, planted_cfg: MonitorConfig, tmp_path: Path) -> None:
    o = tmp_path / "omop"
    o.mkdir()
    pats = _rows(planted_dir, "patients")
    gender = {"F": "8532", "M": "8507"}
    _write(
        o / "location.csv",
        [
            {"location_id": p["patient_id"], "state": p["region_code"], "county": p["municipality_code"]}
            for p in pats
        ],
    )
    _write(
        o / "person.csv",
        [
            {
                "person_id": f"p{p['patient_id']}",
                "gender_concept_id": gender[p["sex"]],
                "year_of_birth": p["birth_date"][:4],
                "month_of_birth": p["birth_date"][5:7],
                "day_of_birth": p["birth_date"][8:],
                "location_id": p["patient_id"],
            }
            for p in pats
        ],
    )
    encs = _rows(planted_dir, "encounters")
    _write(
        o / "provider.csv", [{"provider_id": k, "specialty_source_value": k} for k in ("GP", "PT", "CHIRO")]
    )
    _write(
        o / "visit_occurrence.csv",
        [
            {
                "visit_occurrence_id": e["encounter_id"],
                "person_id": f"p{e['patient_id']}",
                "visit_start_date": e["enc_date"],
                "provider_id": e["profession"],
                "care_site_id": e["clinic_id"],
            }
            for e in encs
        ],
    )
    _write(
        o / "condition_occurrence.csv",
        [
            {
                "person_id": f"p{e['patient_id']}",
                "visit_occurrence_id": e["encounter_id"],
                "condition_start_date": e["enc_date"],
                "condition_source_value": e["code"],
            }
            for e in encs
        ],
    )
    rx = [r for r in _rows(planted_dir, "prescriptions") if r["on_prescription"] == "true"]
    _write(
        o / "drug_exposure.csv",
        [
            {
                "person_id": f"p{r['patient_id']}",
                "drug_exposure_start_date": r["dispense_date"],
                "drug_source_value": r["atc"],
                "days_supply": r["days_supply"],
            }
            for r in rx
        ],
    )
    sks = {"MR": "UXMC", "RX": "UXRC", "CT": "UXCC"}
    _write(
        o / "procedure_occurrence.csv",
        [
            {
                "person_id": f"p{i['patient_id']}",
                "procedure_date": i["imaging_date"],
                "procedure_source_value": sks[i["modality"]],
                "modifier_source_value": i["body_site"],
            }
            for i in _rows(planted_dir, "imaging")
        ],
    )
    _write(
        o / "observation.csv",
        [
            {
                "person_id": f"p{r['patient_id']}",
                "observation_date": r["referral_date"],
                "observation_source_value": r["referral_type"],
            }
            for r in _rows(planted_dir, "referrals")
        ],
    )
    spells = [{**s, "patient_id": f"p{s['patient_id']}"} for s in _rows(planted_dir, "sick_leave")]
    _write(o / "sick_leave.csv", spells)  # text person ids throughout
    shutil.copy(planted_dir / "manifest.json", o / "manifest.json")
    report = ingest_omop(o, tmp_path / "clean")
    assert report.rejected == 0, report.lines()
    omop = results(counts_on("duckdb", tmp_path / "clean", planted_cfg), min_cell=1)
    tab = planted_result(planted_dir, tmp_path / "tab", planted_cfg)
    assert _comparable(omop.rows) == _comparable(tab.rows)


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


pytest.importorskip("fhir.resources")
