"""The JSON read API: bodies follow the export schema; unknown ids are 404 with a JSON message."""

from typing import Any

import jsonschema
import pytest
from django.test import Client

from gradeline.content.export import guideline_json, guideline_schema
from gradeline.model import Guideline


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return guideline_schema()


def definition(schema: dict[str, Any], name: str, many: bool = False) -> dict[str, Any]:
    ref: dict[str, Any] = {"$ref": f"#/$defs/{name}"}
    return {"$defs": schema["$defs"], **({"type": "array", "items": ref} if many else ref)}


def test_guideline_is_the_export(client: Client, guideline: Guideline, schema: dict[str, Any]) -> None:
    data = client.get("/nkr-laenderygsmerter/api/guideline").json()
    jsonschema.validate(data, schema)
    export = guideline_json(guideline)
    assert data == {k: v for k, v in export.items() if k not in ("$schema", "generator")}  # no file envelope


def test_recommendations(client: Client, guideline: Guideline, schema: dict[str, Any]) -> None:
    data = client.get("/nkr-laenderygsmerter/api/recommendations").json()
    jsonschema.validate(data, definition(schema, "Recommendation", many=True))
    assert [r["id"] for r in data] == [r.id for r in guideline.recommendations]


def test_one_recommendation_with_its_evidence_profile(
    client: Client, guideline: Guideline, schema: dict[str, Any]
) -> None:
    for rec in guideline.recommendations:
        data = client.get(f"/nkr-laenderygsmerter/api/recommendations/{rec.id}").json()
        jsonschema.validate(data, definition(schema, "Recommendation"))
        assert data == rec.model_dump(mode="json")
        outcomes = client.get(f"/nkr-laenderygsmerter/api/recommendations/{rec.id}/outcomes").json()
        jsonschema.validate(outcomes, definition(schema, "Outcome", many=True))
        assert len(outcomes) == len(rec.outcomes)
    first = guideline.recommendations[0].outcomes[0]
    one = client.get(
        f"/nkr-laenderygsmerter/api/recommendations/{guideline.recommendations[0].id}/outcomes/{first.id}"
    ).json()
    assert one == first.model_dump(mode="json")


@pytest.mark.parametrize(
    "url",
    [
        "/nkr-laenderygsmerter/api/recommendations/findes-ikke",
        "/nkr-laenderygsmerter/api/recommendations/findes-ikke/outcomes",
        "/nkr-laenderygsmerter/api/recommendations/nsaid/outcomes/findes-ikke",
        "/nkr-laenderygsmerter/api/findes-ikke",
    ],
)
def test_unknown_ids_are_404_json(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_openapi_and_docs_are_served_locally(client: Client) -> None:
    spec = client.get("/nkr-laenderygsmerter/api/openapi.json").json()
    assert "/nkr-laenderygsmerter/api/recommendations/{rec_id}" in spec["paths"]
    docs = client.get("/nkr-laenderygsmerter/api/docs").content.decode()
    assert "cdn" not in docs.lower()
