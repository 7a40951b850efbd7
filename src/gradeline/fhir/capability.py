"""The CapabilityStatement at ``/fhir/{R5|R4B}/metadata``: a read-only server of the exported bundle."""

from collections import Counter
from typing import Any, Literal

from gradeline.fhir.common import Json, status_note
from gradeline.model import Guideline

FHIR_VERSION = {"R5": "5.0.0", "R4B": "4.3.0"}


def capability_statement(
    guideline: Guideline, bundle: dict[str, Any], version: Literal["R5", "R4B"], base_url: str
) -> Json:
    """What the endpoint serves: read and type-level search of every resource type in the export."""
    kinds = Counter(entry["resource"]["resourceType"] for entry in bundle.get("entry", []))
    resources = []
    for kind in sorted(kinds):
        profiles = sorted(
            {p for e in bundle["entry"] if e["resource"]["resourceType"] == kind for p in _profiles(e)}
        )
        item: Json = {
            "type": kind,
            "interaction": [{"code": "read"}, {"code": "search-type"}],
            "documentation": f"{kinds[kind]} {kind} resource(s) from the guideline export.",
        }
        if profiles:
            item["supportedProfile"] = profiles
        resources.append(item)
    return {
        "resourceType": "CapabilityStatement",
        "id": f"gradeline-{version.lower()}",
        "status": "active",
        "date": bundle.get("timestamp", "2019-01-01T00:00:00Z"),
        "publisher": "gradeline",
        "description": (
            f"Read-only FHIR {version} endpoint for '{guideline.title}'. {status_note(guideline)}"
        ),
        "kind": "instance",
        "software": {"name": "gradeline"},
        "implementation": {"description": f"gradeline FHIR {version} export", "url": base_url},
        "fhirVersion": FHIR_VERSION[version],
        "format": ["json"],
        "rest": [{"mode": "server", "resource": resources}],
    }


def _profiles(entry: dict[str, Any]) -> list[str]:
    meta = entry["resource"].get("meta", {})
    return list(meta.get("profile", [])) if isinstance(meta, dict) else []
