"""JSON read API (django-ninja, OpenAPI at /api/docs): the export's JSON (model_dump), as is."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema

from gradeline import __version__
from gradeline.content.export import guideline_json
from gradeline.content.pack import cached_pack
from gradeline.model import Guideline, Outcome, Recommendation
from gradeline.web.api_errors import error_body, install
from gradeline.web.packcache import per_pack

api = NinjaAPI(
    title="gradeline read API",
    version=__version__,
    description="The bundled guideline as JSON that follows `gradeline export json --schema`. Read-only.",
    urls_namespace="api",
)


ENVELOPE = ("$schema", "generator")


class Message(Schema):
    detail: str


def json_response(data: Any, status: int = 200) -> HttpResponse:
    """A JSON response with the data as is (no re-validation, so it matches the export exactly)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def not_found(what: str, key: str) -> HttpResponse:
    return json_response(error_body(f"No {what} with id {key!r}."), status=404)


@per_pack(maxsize=8)
def _guideline_body() -> dict[str, Any]:
    """The export's data without its file envelope (``$schema``, ``generator``): what the schema describes."""
    return {k: v for k, v in guideline_json(cached_pack()).items() if k not in ENVELOPE}


def _recommendation(rec_id: str) -> Recommendation | None:
    return next((r for r in cached_pack().recommendations if r.id == rec_id), None)


@api.get("/guideline", response=Guideline, summary="The whole guideline", tags=["guideline"])
def get_guideline(request: HttpRequest) -> HttpResponse:
    return json_response(_guideline_body())


@api.get("/recommendations", response=list[Recommendation], summary="All recommendations", tags=["guideline"])
def list_recommendations(request: HttpRequest) -> HttpResponse:
    return json_response(_guideline_body()["recommendations"])


@api.get(
    "/recommendations/{rec_id}",
    response={200: Recommendation, 404: Message},
    summary="One recommendation with its evidence profile",
    tags=["guideline"],
)
def get_recommendation(request: HttpRequest, rec_id: str) -> HttpResponse:
    rec = _recommendation(rec_id)
    return json_response(rec.model_dump(mode="json")) if rec else not_found("recommendation", rec_id)


@api.get(
    "/recommendations/{rec_id}/outcomes",
    response={200: list[Outcome], 404: Message},
    summary="The evidence profile (outcome rows) of a recommendation",
    tags=["guideline"],
)
def list_outcomes(request: HttpRequest, rec_id: str) -> HttpResponse:
    rec = _recommendation(rec_id)
    if rec is None:
        return not_found("recommendation", rec_id)
    return json_response([o.model_dump(mode="json") for o in rec.outcomes])


@api.get(
    "/recommendations/{rec_id}/outcomes/{outcome_id}",
    response={200: Outcome, 404: Message},
    summary="One outcome row",
    tags=["guideline"],
)
def get_outcome(request: HttpRequest, rec_id: str, outcome_id: str) -> HttpResponse:
    rec = _recommendation(rec_id)
    if rec is None:
        return not_found("recommendation", rec_id)
    outcome = next((o for o in rec.outcomes if o.id == outcome_id), None)
    if outcome is None:
        return not_found("outcome", f"{rec_id}/{outcome_id}")
    return json_response(outcome.model_dump(mode="json"))


# One error shape for every 4xx (gradeline.web.api_errors).
install(
    api,
    internal={"context"},
    hints={"/api/plan": "Every question, its type and allowed values: GET /api/plan/questions."},
)
