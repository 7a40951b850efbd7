"""Example requests shaped like the CDS Hooks sandbox's (PAMA screen) and like Epic's."""

import copy
from typing import Any

PATIENT_ID = "smart-1288992"
TODAY_ISO = "2024-03-01"
SNOMED = "http://snomed.info/sct"
CPT = "http://www.ama-assn.org/go/cpt"
ATC = "http://www.whocc.no/atc"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
SKS = "urn:oid:1.2.208.176.2.4"
RED_FLAG = "https://gradeline.example/fhir/CodeSystem/nkr-lrs-red-flag"


def patient(birth: str = "1979-04-12") -> dict[str, Any]:
    return {"resourceType": "Patient", "id": PATIENT_ID, "gender": "male", "birthDate": birth}


def condition(system: str, code: str, onset: str | None = "2024-02-19", cid: str = "c1") -> dict[str, Any]:
    found: dict[str, Any] = {
        "resourceType": "Condition",
        "id": cid,
        "clinicalStatus": {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}
            ]
        },
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
    }
    if onset:
        found["onsetDateTime"] = onset
    return found


def searchset(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}


def prefetch(*conditions: dict[str, Any], birth: str = "1979-04-12") -> dict[str, Any]:
    return {"patient": patient(birth), "conditions": searchset(*conditions)}


LBP = condition(SNOMED, "279039007")


def imaging_order(code: str = "72148", system: str = CPT, oid: str = "sr-mri-1") -> dict[str, Any]:
    """Sandbox PAMA-style draft: status draft, intent plan, CPT code, SNOMED reasonCode."""
    return {
        "resourceType": "ServiceRequest",
        "id": oid,
        "status": "draft",
        "intent": "plan",
        "code": {"coding": [{"system": system, "code": code}]},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
        "reasonCode": [{"coding": [{"system": SNOMED, "code": "279039007", "display": "Low back pain"}]}],
    }


def medication_order(code: str = "N02AX02", system: str = ATC, oid: str = "mr-1") -> dict[str, Any]:
    return {
        "resourceType": "MedicationRequest",
        "id": oid,
        "status": "draft",
        "intent": "order",
        "medicationCodeableConcept": {"coding": [{"system": system, "code": code}]},
        "subject": {"reference": f"Patient/{PATIENT_ID}"},
    }


def sandbox_order_select(*orders: dict[str, Any], pre: dict[str, Any] | None = None) -> dict[str, Any]:
    """Like the sandbox's PAMA screen: draftOrders Bundle WITHOUT type, selections, fhirServer, no auth."""
    orders = orders or (imaging_order(),)
    return {
        "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "fhirServer": "https://launch.smarthealthit.org/v/r4/fhir",
        "hook": "order-select",
        "context": {
            "userId": "Practitioner/COREPRACTITIONER1",
            "patientId": PATIENT_ID,
            "selections": [f"{o['resourceType']}/{o['id']}" for o in orders[:1]],
            "draftOrders": {"resourceType": "Bundle", "entry": [{"resource": o} for o in orders]},
        },
        "prefetch": copy.deepcopy(pre) if pre is not None else prefetch(LBP),
    }


def epic_order_sign(*orders: dict[str, Any], pre: dict[str, Any] | None = None) -> dict[str, Any]:
    """Epic-like order-sign: typed Bundle, encounterId, fhirAuthorization, plus a vendor extension."""
    orders = orders or (imaging_order(oid="eSR123"),)
    return {
        "hook": "order-sign",
        "hookInstance": "5b8f3f6e-2a4c-4d43-9d6a-0c1c2f1d7a11",
        "fhirServer": "https://fhir.epic.example/api/FHIR/R4",
        "fhirAuthorization": {
            "access_token": "opaque-access-token",
            "token_type": "Bearer",
            "expires_in": 300,
            "scope": "patient/Patient.read patient/Condition.read",
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
                "entry": [{"resource": o} for o in orders],
            },
        },
        "prefetch": copy.deepcopy(pre) if pre is not None else prefetch(LBP),
        "extension": {"com.epic.cdshooks.request.bpa-trigger-action": "23"},
    }


def patient_view(pre: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "hook": "patient-view",
        "hookInstance": "1c3a2d9e-9f0b-4b7c-8d2e-2a6d7b0c9e11",
        "context": {"userId": "Practitioner/example", "patientId": PATIENT_ID},
        "prefetch": copy.deepcopy(pre) if pre is not None else prefetch(LBP),
    }
