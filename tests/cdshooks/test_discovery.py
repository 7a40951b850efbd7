"""Discovery (§Discovery) and prefetch templates (§Prefetch tokens, §Prefetch query restrictions)."""

import re

import pytest

from tests.cdshooks.conftest import Call

spec = pytest.mark.spec


@spec("§Discovery")
def test_discovery_lists_the_three_services_with_required_fields(call: Call, validators: dict) -> None:
    reply = call("/cds-services")
    assert reply.status == 200
    payload = reply.json()
    assert not list(validators["discovery"].iter_errors(payload))
    hooks = {s["id"]: s["hook"] for s in payload["services"]}
    assert hooks == {
        "nkr-lrs-patient-view": "patient-view",
        "nkr-lrs-order-select": "order-select",
        "nkr-lrs-order-sign": "order-sign",
    }
    for service in payload["services"]:
        assert "ikke gældende" in service["description"]


@spec("§Prefetch tokens")
def test_prefetch_templates_use_only_context_tokens_and_allowed_queries(call: Call) -> None:
    for service in call("/cds-services").json()["services"]:
        for template in service["prefetch"].values():
            tokens = re.findall(r"\{\{([^}]+)\}\}", template)
            assert tokens and all(t in ("context.patientId", "context.userId") for t in tokens)
            assert "selections" not in template and "draftOrders" not in template
            resource, _, query = template.partition("?")
            assert re.fullmatch(r"[A-Z][A-Za-z]+(/\{\{context\.patientId\}\})?", resource)
            for pair in filter(None, query.split("&")):
                name = pair.split("=")[0]
                assert re.fullmatch(r"[a-z\-]+(:in)?|_count|_sort", name), name


@spec("§Discovery")
def test_discovery_needs_a_token_too(call: Call) -> None:
    assert call("/cds-services", headers={}).status == 401
