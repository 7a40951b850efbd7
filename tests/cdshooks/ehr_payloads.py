"""Request payloads shaped like real EHRs': an Epic-style R4 order-sign (typed Bundle, fhirAuthorization,
contained Medication behind ``medicationReference``, problem-list and encounter-diagnosis Conditions with
several codings each) and a Danish EHR-style one built after the public Danish core profiles (hl7dk/dk-core:
dk-core-patient with a CPR identifier, dk-core-condition with SKS-D and ICPC-2 slices, dk-core-observation,
dk-core-person-servicerequest)."""

import copy
from typing import Any

from tests.cdshooks.examples import PATIENT_ID

SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
SKS_D = "urn:oid:1.2.208.176.2.4.12"  # dk-core-condition slice SKS-D
ICPC2_DK = "urn:oid:1.2.208.176.2.31"  # dk-core-condition slice ICPC2code
CPR = "urn:oid:1.2.208.176.1.2"  # dk-core-cpr-identifier
ATC = "http://www.whocc.no/atc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
DK_CORE = "http://hl7.dk/fhir/core/StructureDefinition"
EPIC_FHIR = "https://fhir.epic.example/api/FHIR/R4"
DK_FHIR = "https://fhir.region.example/fhir"


def coding(system: str, code: str, display: str = "") -> dict[str, str]:
    found = {"system": system, "code": code}
    if display:
        found["display"] = display
    return found


def epic_condition(
    cid: str, codings: list[dict[str, str]], category: str, onset: str = "2024-02-19"
) -> dict[str, Any]:
    """An Epic-like Condition: several codings, a category, text, onset and recorded dates."""
    return {
        "resourceType": "Condition",
        "id": cid,
        "clinicalStatus": {"coding": [coding(CLINICAL, "active", "Active")], "text": "Active"},
        "verificationStatus": {
            "coding": [
                coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")
            ]
        },
        "category": [{"coding": [coding(CATEGORY, category)]}],
        "code": {"coding": codings, "text": codings[0].get("display", "")},
        "subject": {"reference": f"Patient/{PATIENT_ID}", "display": "Test, Patient"},
        "onsetDateTime": onset,
        "recordedDate": onset + "T09:12:00Z",
    }


EPIC_LBP = epic_condition(
    "eLBP1",
    [coding(ICD10CM, "M54.50", "Low back pain, unspecified"), coding(SNOMED, "279039007", "Low back pain")],
    "problem-list-item",
)


def epic_patient() -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "id": PATIENT_ID,
        "identifier": [
            {"use": "usual", "system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.0", "value": "E1"}
        ],
        "name": [{"use": "official", "family": "Test", "given": ["Patient"]}],
        "gender": "female",
        "birthDate": "1979-04-12",
    }


def epic_mri(oid: str = "eSR900") -> dict[str, Any]:
    return {
        "resourceType": "ServiceRequest",
        "id": oid,
        "status": "draft",
        "intent": "order",
        "category": [{"coding": [coding(SNOMED, "363679005", "Imaging")]}],
        "code": {
            "coding": [
                coding("http://www.ama-assn.org/go/cpt", "72148", "MRI LUMBAR SPINE WO CONTRAST"),
                coding("urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", "IMG1234"),
            ],
            "text": "MRI LUMBAR SPINE WO CONTRAST",
        },
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "encounter": {"reference": "Encounter/eENC1"},
    }


def epic_opioid_contained(oid: str = "eMR77") -> dict[str, Any]:
    """medicationReference to a contained Medication (Epic's shape), coded by ATC and RxNorm ingredient."""
    return {
        "resourceType": "MedicationRequest",
        "id": oid,
        "contained": [
            {
                "resourceType": "Medication",
                "id": "med1",
                "code": {
                    "coding": [coding(ATC, "N02AX02", "tramadol")],
                    "text": "TRAMADOL 50 MG CAPSULE",
                },
                "ingredient": [{"itemCodeableConcept": {"coding": [coding(RXNORM, "10689", "tramadol")]}}],
            }
        ],
        "status": "draft",
        "intent": "order",
        "medicationReference": {"reference": "#med1", "display": "TRAMADOL 50 MG CAPSULE"},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
    }


def epic_order_sign(
    *orders: dict[str, Any], conditions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Epic-style order-sign: typed draftOrders Bundle with fullUrls, fhirAuthorization, full prefetch."""
    found = conditions if conditions is not None else [EPIC_LBP]
    return {
        "hook": "order-sign",
        "hookInstance": "8a2f6c2e-3c1b-4a7a-9d4f-7d7f5b1c0e21",
        "fhirServer": EPIC_FHIR,
        "fhirAuthorization": {
            "access_token": "epic-access-token",
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "patient/Patient.read patient/Condition.read patient/Observation.read",
            "subject": "cds-service",
            "patient": PATIENT_ID,
        },
        "context": {
            "userId": "Practitioner/eABC123",
            "patientId": PATIENT_ID,
            "encounterId": "eENC1",
            "draftOrders": {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [
                    {"fullUrl": f"{EPIC_FHIR}/{o['resourceType']}/{o['id']}", "resource": o}
                    for o in (orders or (epic_mri(),))
                ],
            },
        },
        "prefetch": {
            "patient": epic_patient(),
            "conditions": {
                "resourceType": "Bundle",
                "type": "searchset",
                "total": len(found),
                "entry": [{"fullUrl": f"{EPIC_FHIR}/Condition/{c['id']}", "resource": c} for c in found],
            },
            "observations": {"resourceType": "Bundle", "type": "searchset", "total": 0},
        },
    }


def dk_patient() -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "id": PATIENT_ID,
        "meta": {"profile": [f"{DK_CORE}/dk-core-patient"]},
        "identifier": [{"use": "official", "system": CPR, "value": "1204799995"}],
        "name": [{"use": "official", "family": "Testesen", "given": ["Test"]}],
        "gender": "male",
        "birthDate": "1979-04-12",
    }


def dk_condition(cid: str, codings: list[dict[str, str]], onset: str = "2024-02-19") -> dict[str, Any]:
    return {
        "resourceType": "Condition",
        "id": cid,
        "meta": {"profile": [f"{DK_CORE}/dk-core-condition"]},
        "clinicalStatus": {"coding": [coding(CLINICAL, "active")]},
        "category": [{"coding": [coding(CATEGORY, "encounter-diagnosis")]}],
        "code": {"coding": codings},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "onsetDateTime": onset,
        "recordedDate": onset,
    }


DK_LBP = dk_condition("dkLBP", [coding(SKS_D, "DM545", "Lænderygsmerter"), coding(ICPC2_DK, "L03")])


def dk_observation(
    oid: str, code: list[dict[str, str]], value: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "resourceType": "Observation",
        "id": oid,
        "meta": {"profile": [f"{DK_CORE}/dk-core-observation"]},
        "status": "final",
        "code": {"coding": code},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "effectiveDateTime": "2024-02-28",
    }
    if value is not None:
        found["valueCodeableConcept"] = {"coding": value}
    return found


def dk_imaging(code: str = "UXMC45", oid: str = "dkSR1") -> dict[str, Any]:
    """A Danish radiology referral coded with an SKS procedure code (dk-core-person-servicerequest)."""
    return {
        "resourceType": "ServiceRequest",
        "id": oid,
        "meta": {"profile": [f"{DK_CORE}/dk-core-person-servicerequest"]},
        "status": "draft",
        "intent": "order",
        "priority": "routine",
        "code": {"coding": [coding(SKS_D, code)]},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "reasonCode": [{"coding": [coding(SKS_D, "DM545", "Lænderygsmerter")]}],
    }


def dk_order_select(
    *orders: dict[str, Any],
    conditions: list[dict[str, Any]] | None = None,
    observations: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    chosen = orders or (dk_imaging(),)
    found = conditions if conditions is not None else [DK_LBP]
    return {
        "hook": "order-select",
        "hookInstance": "0d3c5b8e-5e0e-4f5e-8a5b-8c5d4b6a7f10",
        "fhirServer": DK_FHIR,
        "context": {
            "userId": "Practitioner/dk-laege-1",
            "patientId": PATIENT_ID,
            "selections": [f"{o['resourceType']}/{o['id']}" for o in chosen],
            "draftOrders": {
                "resourceType": "Bundle",
                "type": "collection",
                "entry": [{"resource": o} for o in chosen],
            },
        },
        "prefetch": copy.deepcopy(
            {
                "patient": dk_patient(),
                "conditions": {
                    "resourceType": "Bundle",
                    "type": "searchset",
                    "entry": [{"resource": c} for c in found],
                },
                "observations": {
                    "resourceType": "Bundle",
                    "type": "searchset",
                    "entry": [{"resource": o} for o in observations or []],
                },
            }
        ),
    }
