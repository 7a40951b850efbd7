"""``/fhir/R5/…`` and ``/fhir/R4B/…``: the exported bundles, one resource type, or one resource."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix

from gradeline.content.pack import cached_pack
from gradeline.fhir.capability import capability_statement
from gradeline.fhir.export import export_bundle
from gradeline.web.packcache import per_pack

FHIR_JSON = "application/fhir+json; charset=utf-8"


@per_pack(maxsize=8)
def _bundle(version: str) -> dict[str, Any]:
    """The exported bundle of one FHIR version (the pack is immutable while the app runs)."""
    return export_bundle(cached_pack(), version="R5" if version == "R5" else "R4B")


def _fhir(payload: dict[str, Any], status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(payload, ensure_ascii=False), status=status, content_type=FHIR_JSON)


def _not_found(message: str) -> HttpResponse:
    return _fhir(
        {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "not-found", "diagnostics": message}],
        },
        404,
    )


def _resources(version: str) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in _bundle(version).get("entry", [])]


def bundle(request: HttpRequest, version: str) -> HttpResponse:
    """The whole guideline as one Bundle."""
    return _fhir(_bundle(version))


def metadata(request: HttpRequest, version: str) -> HttpResponse:
    """The CapabilityStatement of this read-only endpoint."""
    base = request.build_absolute_uri(f"{get_script_prefix()}fhir/{version}")
    if version == "R5":
        return _fhir(capability_statement(cached_pack(), _bundle(version), "R5", base))
    return _fhir(capability_statement(cached_pack(), _bundle(version), "R4B", base))


def search(request: HttpRequest, version: str, resource_type: str) -> HttpResponse:
    """Every resource of one type, as a searchset Bundle (``metadata`` is the CapabilityStatement)."""
    if resource_type == "metadata":
        return metadata(request, version)
    found = [r for r in _resources(version) if r.get("resourceType") == resource_type]
    if not found:
        return _not_found(f"No {resource_type} resources in the {version} export.")
    return _fhir(
        {
            "resourceType": "Bundle",
            "type": "searchset",
            "total": len(found),
            "entry": [{"resource": r} for r in found],
        }
    )


def read(request: HttpRequest, version: str, resource_type: str, resource_id: str) -> HttpResponse:
    """One resource by type and id."""
    for resource in _resources(version):
        if resource.get("resourceType") == resource_type and resource.get("id") == resource_id:
            return _fhir(resource)
    return _not_found(f"{resource_type}/{resource_id} is not in the {version} export.")
