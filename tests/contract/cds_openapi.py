"""An OpenAPI 3.1 description of the mounted CDS Hooks endpoints, assembled from the service's own JSON
Schemas (``gradeline.cdshooks.schemas``) and its list of services, so the contract follows both as they
change."""

from typing import Any

from gradeline.cdshooks.schemas import NAMES, schema
from gradeline.cdshooks.services import ServiceDefinition

OPERATION_OUTCOME = {
    "type": "object",
    "required": ["resourceType", "issue"],
    "properties": {"resourceType": {"const": "OperationOutcome"}, "issue": {"type": "array", "minItems": 1}},
}


def _component(file: str, name: str) -> str:
    return f"#/components/schemas/{file}_{name}"


def _rewrite(node: Any, file: str) -> Any:
    """Turn the schemas' file-relative $refs into component references."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                target, _, pointer = value.partition("#")
                name = pointer.removeprefix("/$defs/")
                out[key] = _component(target.removesuffix(".schema.json") or file, name)
            elif key not in ("$schema", "$id", "$defs"):
                out[key] = _rewrite(value, file)
        return out
    if isinstance(node, list):
        return [_rewrite(item, file) for item in node]
    return node


def _components() -> dict[str, Any]:
    found: dict[str, Any] = {"OperationOutcome": OPERATION_OUTCOME}
    for name in NAMES:
        document = schema(name)
        for key, definition in document.get("$defs", {}).items():
            found[f"{name}_{key}"] = _rewrite(definition, name)
        found[name] = _rewrite(document, name)
    return found


def _json(ref: str) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


ERRORS = {
    "401": {"description": "no or an untrusted token"},
    "4XX": {"description": "refused", **_json("OperationOutcome")},
}


def cds_openapi(services: list[ServiceDefinition]) -> dict[str, Any]:
    """The OpenAPI document for discovery, every service and its feedback endpoint."""
    paths: dict[str, Any] = {
        "/nkr-laenderygsmerter/cds-services": {
            "get": {"responses": {"200": {"description": "services", **_json("discovery")}, **ERRORS}}
        }
    }
    for service in services:
        paths[f"/nkr-laenderygsmerter/cds-services/{service.id}"] = {
            "post": {
                "requestBody": {"required": True, **_json("request")},
                "responses": {"200": {"description": "cards", **_json("response")}, **ERRORS},
            }
        }
        paths[f"/nkr-laenderygsmerter/cds-services/{service.id}/feedback"] = {
            "post": {
                "requestBody": {"required": True, **_json("feedback")},
                "responses": {"200": {"description": "stored"}, **ERRORS},
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {"title": "gradeline CDS Hooks", "version": "2.0"},
        "paths": paths,
        "components": {"schemas": _components()},
    }
