"""One error shape for every 4xx of the JSON API: ``{"detail": "<one sentence>", "errors": [...]}``.

``errors`` lists field-level problems as ``{"loc": [...], "msg": "...", "type": "..."}`` (empty when the
problem is not about a field, e.g. an unknown id). ``loc`` names where the problem is
(``["body", "age_years"]``), without django-ninja's internal parameter name.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError


class FieldProblem(Schema):
    """One problem with the input: where (``loc``), what (``msg``) and its kind (``type``)."""

    loc: list[str | int]
    msg: str
    type: str


class ApiError(Schema):
    """Every 4xx answer of the JSON API."""

    detail: str
    errors: list[FieldProblem] = Field(default_factory=list)


def error_body(detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The error shape as plain data."""
    return {"detail": detail, "errors": errors or []}


def _loc(loc: Any, internal: set[str]) -> list[str | int]:
    parts = list(loc)
    if len(parts) > 1 and parts[0] == "body" and parts[1] in internal:
        del parts[1]
    return parts


def field_problems(errors: list[dict[str, Any]], internal: set[str]) -> list[dict[str, Any]]:
    """pydantic/ninja errors as ``FieldProblem`` data (no ``ctx``, no internal parameter names)."""
    return [
        {
            "loc": _loc(e.get("loc", ()), internal),
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in errors
    ]


def first_sentence(problems: list[dict[str, Any]]) -> str:
    """One sentence for the first problem, counting the others."""
    first = problems[0]
    where = ".".join(str(p) for p in first["loc"] if p != "body") or "body"
    more = len(problems) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{where}: {first['msg']}{tail}."


def install(api: NinjaAPI, internal: set[str], hints: dict[str, str] | None = None) -> None:
    """Answer validation errors, HTTP errors and 404s of ``api`` in the one error shape.

    ``internal`` holds body parameter names that django-ninja puts into ``loc`` (e.g. ``context``);
    ``hints`` adds a sentence to the ``detail`` of a 422 on a path (e.g. where to find the allowed values).
    """

    def respond(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        problems = field_problems(list(exc.errors), internal)
        hint = (hints or {}).get(request.path_info.rstrip("/"), "")
        detail = f"{first_sentence(problems)} {hint}".strip()
        return respond(request, error_body(detail, problems), 422)

    def on_http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        message = str(exc)
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            detail = "The request body is not valid JSON."
            problem = {"loc": ["body"], "msg": detail, "type": "json_invalid"}
            return respond(request, error_body(detail, [problem]), 400)
        return respond(request, error_body(message), exc.status_code)

    def on_404(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, error_body(f"Not found: {request.path}"), 404)

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_404)
