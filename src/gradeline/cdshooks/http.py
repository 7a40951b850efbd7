"""Framework-free HTTP response and error types."""

import json
from dataclasses import dataclass, field
from typing import Any

JSON = "application/json; charset=utf-8"


@dataclass(frozen=True)
class Response:
    """An HTTP response: status, headers and body bytes."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    def json(self) -> Any:
        """The body parsed as JSON (tests and callers)."""
        return json.loads(self.body) if self.body else None


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    """A JSON response (UTF-8, no ASCII escaping of Danish letters)."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(status, {"Content-Type": JSON, **(headers or {})}, body)


def operation_outcome(message: str, code: str = "invalid", severity: str = "error") -> dict[str, Any]:
    """A FHIR OperationOutcome with one issue (CDS Hooks 3.0 puts one in non-2xx bodies)."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": severity, "code": code, "diagnostics": message}],
    }


class HttpError(Exception):
    """An error with its HTTP status; the message goes into an OperationOutcome."""

    def __init__(self, status: int, message: str, code: str = "invalid") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code

    def response(self) -> Response:
        """The error as a response."""
        return json_response(self.status, operation_outcome(self.message, self.code))


class BadRequest(HttpError):
    """400: the body is not a valid CDS Hooks request."""

    def __init__(self, message: str) -> None:
        super().__init__(400, message, "invalid")


class PreconditionFailed(HttpError):
    """412: data the service needs was neither prefetched nor fetchable."""

    def __init__(self, message: str) -> None:
        super().__init__(412, message, "incomplete")
