"""Parsing CDS Hooks requests, tolerant of the quirks real clients show (reference/cds-hooks.md §2).

Unknown members are ignored; a draftOrders Bundle without ``type`` is accepted; orders are walked from
``entry[].resource`` and each ServiceRequest/MedicationRequest is validated with the R4B models.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from gradeline.cdshooks.http import BadRequest

REQUIRED_CONTEXT = {
    "patient-view": ("userId", "patientId"),
    "order-select": ("userId", "patientId", "selections", "draftOrders"),
    "order-sign": ("userId", "patientId", "draftOrders"),
}
ORDER_TYPES = ("ServiceRequest", "MedicationRequest")
DSTU2_ORDER_TYPES = ("MedicationOrder", "ProcedureRequest", "DiagnosticOrder")
_ABSENT = object()


@dataclass(frozen=True)
class HookRequest:
    """A parsed service request."""

    hook: str
    hook_instance: str
    context: Mapping[str, Any]
    fhir_server: str | None
    fhir_authorization: Mapping[str, Any] | None
    prefetch: Mapping[str, Any]
    fhir_server_allowed: bool = (
        False  # set by the service from the client's allowlist; nothing is fetched else
    )

    @property
    def patient_id(self) -> str:
        """The context's patientId (required by all our hooks)."""
        return str(self.context["patientId"])

    def prefetched(self, key: str) -> Any:
        """The prefetch value: the sentinel ABSENT when the client chose not to send it, else the value."""
        return self.prefetch.get(key, _ABSENT)


ABSENT = _ABSENT


def load_json(body: bytes) -> Any:
    """The body as JSON, or 400."""
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest(f"body is not valid JSON: {error}") from error


def _string(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise BadRequest(f"{where}{key} is required and must be a non-empty string")
    return value


def parse_request(body: bytes, expected_hook: str) -> HookRequest:
    """A HookRequest from the body; 400 with a reason for anything the spec requires that is missing."""
    data = load_json(body)
    if not isinstance(data, dict):
        raise BadRequest("the request body must be a JSON object")
    hook = _string(data, "hook", "")
    if hook != expected_hook:
        raise BadRequest(f"this service answers the {expected_hook} hook, not {hook}")
    hook_instance = _string(data, "hookInstance", "")
    context = data.get("context")
    if not isinstance(context, dict):
        raise BadRequest("context is required and must be an object")
    for key in REQUIRED_CONTEXT.get(hook, ()):
        if key not in context or context[key] is None:
            raise BadRequest(f"context.{key} is required for {hook}")
    for key in ("userId", "patientId", "encounterId"):
        if key in context and not isinstance(context[key], str):
            raise BadRequest(f"context.{key} must be a string")
    if "selections" in context and not (
        isinstance(context["selections"], list) and all(isinstance(s, str) for s in context["selections"])
    ):
        raise BadRequest("context.selections must be an array of 'Type/id' strings")
    if "draftOrders" in context and not isinstance(context["draftOrders"], dict):
        raise BadRequest("context.draftOrders must be a Bundle object")
    fhir_server = data.get("fhirServer")
    if fhir_server is not None and not isinstance(fhir_server, str):
        raise BadRequest("fhirServer must be a string")
    authorization = data.get("fhirAuthorization")
    if authorization is not None:
        if not isinstance(authorization, dict) or not isinstance(authorization.get("access_token"), str):
            raise BadRequest("fhirAuthorization must be an object with an access_token")
        if not fhir_server:
            raise BadRequest("fhirServer is required when fhirAuthorization is given (cds-r-1)")
    prefetch = data.get("prefetch", {})
    if prefetch is None:
        prefetch = {}
    if not isinstance(prefetch, dict):
        raise BadRequest("prefetch must be an object")
    return HookRequest(hook, hook_instance, context, fhir_server, authorization, prefetch)


def _validate_r4b(resource: Mapping[str, Any]) -> None:
    from fhir.resources.R4B import get_fhir_model_class

    kind = str(resource["resourceType"])
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except ValidationError as error:
        if all(e["type"] == "extra_forbidden" for e in error.errors()):
            return  # unknown members inside a resource are tolerated, like unknown CDS Hooks members
        raise _invalid(kind, resource, error) from error
    except (ValueError, TypeError) as error:
        raise _invalid(kind, resource, error) from error


def _invalid(kind: str, resource: Mapping[str, Any], error: Exception) -> BadRequest:
    detail = " ".join(str(error).splitlines()[:3])[:300]
    return BadRequest(f"draftOrders: {kind}/{resource.get('id', '?')} is not a valid R4 resource: {detail}")


def draft_orders(context: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The order resources in draftOrders (Bundle.type not required); R4 orders validated, DSTU2 ones kept."""
    bundle = context.get("draftOrders")
    if not isinstance(bundle, Mapping):
        return []
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        raise BadRequest("context.draftOrders.entry must be an array")
    orders: list[Mapping[str, Any]] = []
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if not isinstance(resource, Mapping):
            continue
        kind = resource.get("resourceType")
        if kind in ORDER_TYPES:
            _validate_r4b(resource)
            orders.append(resource)
        elif kind in DSTU2_ORDER_TYPES:
            orders.append(resource)
    return orders


def draft_entries(context: Mapping[str, Any]) -> list[tuple[str | None, Mapping[str, Any]]]:
    """Every resource in draftOrders with its fullUrl (orders, and Medications or Conditions beside them)."""
    bundle = context.get("draftOrders")
    entries = bundle.get("entry", []) if isinstance(bundle, Mapping) else []
    found: list[tuple[str | None, Mapping[str, Any]]] = []
    for entry in entries if isinstance(entries, list) else []:
        resource = entry.get("resource") if isinstance(entry, Mapping) else None
        if isinstance(resource, Mapping):
            url = entry.get("fullUrl")
            found.append((url if isinstance(url, str) else None, resource))
    return found


def reference(resource: Mapping[str, Any]) -> str:
    """'Type/id' for a resource (the form selections and delete actions use)."""
    return f"{resource.get('resourceType')}/{resource.get('id')}"
