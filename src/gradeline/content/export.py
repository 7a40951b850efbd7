"""The whole pack as one JSON document, and the JSON Schema it follows."""

import json
from typing import Any

from gradeline import __version__
from gradeline.model import Guideline

SCHEMA_ID = "https://gradeline.example/schema/guideline.schema.json"


def guideline_json(guideline: Guideline) -> dict[str, Any]:
    """The guideline as plain JSON data (decimals as strings, so the printed digits survive exactly)."""
    data: dict[str, Any] = guideline.model_dump(mode="json")
    return {"$schema": SCHEMA_ID, "generator": f"gradeline {__version__}", **data}


def guideline_schema() -> dict[str, Any]:
    """JSON Schema of the export, generated from the model."""
    schema = Guideline.model_json_schema(mode="serialization")
    schema["$id"] = SCHEMA_ID
    schema["title"] = "gradeline guideline export"
    schema.setdefault("properties", {})
    schema["properties"]["$schema"] = {"type": "string"}
    schema["properties"]["generator"] = {"type": "string"}
    return schema


def dumps(data: Any) -> str:
    """Stable, readable JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
