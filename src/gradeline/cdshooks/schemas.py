"""Our JSON Schemas (Draft 2020-12) for CDS Hooks 2.0, written from the spec's logical models and invariants.

There is no official JSON Schema for 2.0; these follow HL7/cds-hooks input/fsh/logicals and the invariants
cds-r-*, cds-resp-* and cds-fb-*. Invariants a schema cannot express are in :func:`invariant_errors`.
"""

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("common", "request", "response", "discovery", "feedback")


@cache
def schema(name: str) -> dict[str, Any]:
    """One schema by name (see NAMES)."""
    if name not in NAMES:
        raise KeyError(name)
    text = resources.files("gradeline.cdshooks").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def invariant_errors(response: dict[str, Any]) -> list[str]:
    """Response invariants beyond the schema: cds-resp-1 and no null/empty optional members (§Use of JSON)."""
    errors: list[str] = []
    for i, card in enumerate(response.get("cards", [])):
        if card.get("selectionBehavior") == "at-most-one":
            recommended = [s for s in card.get("suggestions", []) if s.get("isRecommended")]
            if len(recommended) > 1:
                errors.append(f"cards[{i}]: more than one isRecommended under at-most-one (cds-resp-1)")
    errors.extend(_empty_members(response, "$"))
    return errors


def _empty_members(value: Any, where: str) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            path = f"{where}.{key}"
            if item is None or item == "" or item == {} or (item == [] and path != "$.cards"):
                found.append(f"{path} is empty or null")
            found.extend(_empty_members(item, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_empty_members(item, f"{where}[{index}]"))
    return found
