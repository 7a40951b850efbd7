"""Prefetch templates and their resolution: absent -> fetch or 412; null -> nothing found; OperationOutcome
-> treated as not satisfied (CDS Hooks 2.0 §Prefetch Template)."""

import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any, Protocol

from gradeline.cdshooks.http import BadRequest, PreconditionFailed
from gradeline.cdshooks.request import ABSENT, HookRequest

log = logging.getLogger(__name__)

PATIENT = "Patient/{{context.patientId}}"
CONDITIONS = "Condition?patient={{context.patientId}}"
OBSERVATIONS = "Observation?patient={{context.patientId}}"
TEMPLATES: dict[str, str] = {"patient": PATIENT, "conditions": CONDITIONS, "observations": OBSERVATIONS}
# Keys whose absence (nothing prefetched, nothing fetchable) is reported as unknown instead of a 412.
OPTIONAL = frozenset({"observations"})
_TOKEN = re.compile(r"\{\{\s*context\.([A-Za-z]+)\s*\}\}")
MAX_FHIR_BYTES = 5 * 1024 * 1024


class FhirFetcher(Protocol):
    """Reads from the client's FHIR server; returns the JSON, None for 404, raises OSError otherwise."""

    def __call__(self, server: str, path: str, access_token: str | None) -> Mapping[str, Any] | None: ...


def http_fhir_fetcher(timeout: float = 2.0) -> FhirFetcher:
    """A urllib-based fetcher (the access token is sent, never logged)."""

    def fetch(server: str, path: str, access_token: str | None) -> Mapping[str, Any] | None:
        headers = {"Accept": "application/fhir+json"}
        if access_token:
            headers["Authorization"] = f"Bearer {access_token}"
        url = server.rstrip("/") + "/" + path
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as r:
                data = json.loads(r.read(MAX_FHIR_BYTES))
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise OSError(f"FHIR server answered {error.code}") from error
        except (ValueError, urllib.error.URLError) as error:
            raise OSError(f"FHIR read failed: {type(error).__name__}") from error
        return data if isinstance(data, dict) else None

    return fetch


def render(template: str, context: Mapping[str, Any]) -> str:
    """Fill {{context.x}} tokens (only primitive context fields)."""

    def value(match: re.Match[str]) -> str:
        found = context.get(match.group(1))
        if not isinstance(found, str | int):
            raise PreconditionFailed(f"prefetch token context.{match.group(1)} has no value")
        return str(found)

    return _TOKEN.sub(value, template)


def _is_outcome(value: Any) -> bool:
    return isinstance(value, Mapping) and value.get("resourceType") == "OperationOutcome"


def _raw(request: HookRequest, key: str, fetcher: FhirFetcher | None) -> Any:
    value = request.prefetched(key)
    if value is not ABSENT and not _is_outcome(value):
        return value
    why = "not prefetched" if value is ABSENT else "prefetch returned an OperationOutcome"
    if fetcher is None or not request.fhir_server:
        raise PreconditionFailed(f"prefetch '{key}' {why} and no FHIR server is available to fetch it")
    if not request.fhir_server_allowed:
        raise PreconditionFailed(
            f"prefetch '{key}' {why}, and fhirServer {request.fhir_server} is not on this client's "
            "allowlist: nothing was fetched"
        )
    token = request.fhir_authorization.get("access_token") if request.fhir_authorization else None
    try:
        return fetcher(request.fhir_server, render(TEMPLATES[key], request.context), token)
    except OSError as error:
        log.info("FHIR fetch for prefetch %s failed: %s", key, error)
        raise PreconditionFailed(f"prefetch '{key}' {why} and fetching it failed") from error


def resource(
    request: HookRequest, key: str, kind: str, fetcher: FhirFetcher | None
) -> Mapping[str, Any] | None:
    """A single resource (instance read); None when the client reported nothing found."""
    value = _raw(request, key, fetcher)
    if value is None:
        return None
    if not isinstance(value, Mapping) or value.get("resourceType") != kind:
        raise BadRequest(f"prefetch '{key}' must be a {kind} resource or null")
    return value


def optional_resources(
    request: HookRequest, key: str, kind: str, fetcher: FhirFetcher | None
) -> list[Mapping[str, Any]] | None:
    """Like :func:`resources`, but None (unknown) when the data was neither prefetched nor fetchable."""
    try:
        return resources(request, key, kind, fetcher)
    except PreconditionFailed:
        return None


def resources(
    request: HookRequest, key: str, kind: str, fetcher: FhirFetcher | None
) -> list[Mapping[str, Any]]:
    """Resources of a search (a searchset Bundle, with or without type); [] for null or an empty Bundle."""
    value = _raw(request, key, fetcher)
    return bundle_resources(value, key, kind)


def bundle_resources(value: Any, key: str, kind: str | None) -> list[Mapping[str, Any]]:
    """The resources of one type (any type for None) in a Bundle value; [] for null."""
    if value is None:
        return []
    if not isinstance(value, Mapping) or value.get("resourceType") != "Bundle":
        raise BadRequest(f"prefetch '{key}' must be a Bundle or null")
    entries = value.get("entry", [])
    if not isinstance(entries, list):
        raise BadRequest(f"prefetch '{key}': Bundle.entry must be an array")
    found = []
    for entry in entries:
        item = entry.get("resource") if isinstance(entry, Mapping) else None
        if isinstance(item, Mapping) and (kind is None or item.get("resourceType") == kind):
            found.append(item)
    return found
