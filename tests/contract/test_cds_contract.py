"""Contract tests for the CDS Hooks endpoints as mounted in the app, called by a JWT-signing client: generated
requests (bounded examples) get documented statuses, JSON within the CDS Hooks schemas, and never a 5xx."""

from collections.abc import Iterator

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from gradeline.web.cds.setup import configure_service
from gradeline.web.wsgi import application
from tests.cdshooks.client import EPIC_ISS, CdsClient, jwks, rs384_key
from tests.contract.cds_openapi import cds_openapi
from tests.contract.test_openapi import CHECKS

KEY = rs384_key("contract-epic")
SIGNER = CdsClient(KEY, EPIC_ISS, epic=True)
CONFIG = {"clients": [{"iss": EPIC_ISS, "jwks": jwks(KEY)}], "fhir_fetch": False}
BASE = "http://localhost"


@pytest.fixture(autouse=True)
def _trusted_client(settings, db: None) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The signing client is trusted; connections stay open between calls, as with Django's test client."""
    settings.GRADELINE_CDS_HOOKS = CONFIG
    configure_service()
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    settings.GRADELINE_CDS_HOOKS = {}
    configure_service()


def _services() -> list:  # type: ignore[type-arg]
    from gradeline.cdshooks.service import CdsService
    from gradeline.content.pack import cached_pack

    return list(CdsService(cached_pack()).services)


schema = schemathesis.openapi.from_dict(cds_openapi(_services()))
schema.app = application  # calls go to the Django app in-process (as from_wsgi does)


@schema.parametrize()
@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_every_cds_endpoint_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, headers=SIGNER.auth(BASE + case.formatted_path))
