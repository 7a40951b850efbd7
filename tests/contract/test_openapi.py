"""Contract tests: every operation of the JSON API, with schemathesis-generated requests (a bounded number of
examples each), answers only with documented status codes and content types, within its response schema,
and never with a 5xx (issue 14, finding 7).

Not checked: that every schema-valid body is accepted; POST /api/plan has cross-field rules JSON Schema cannot
state (days or weeks, not both) and answers them with a documented 422.
"""

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gradeline.web.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
schema = schemathesis.openapi.from_wsgi("/nkr-laenderygsmerter/api/openapi.json", application)


@pytest.fixture(autouse=True)
def _database(db: None) -> Iterator[None]:
    """The API reads the database (review status); calls run in-process inside the test's transaction, so
    connections stay open between calls, as with Django's test client."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_operation_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
