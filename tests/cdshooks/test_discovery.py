"""Discovery (§Discovery) and prefetch templates (§Prefetch tokens, §Prefetch query restrictions)."""

import re
from pathlib import Path

import pytest

from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.service import CdsService
from gradeline.cdshooks.services import services_for
from gradeline.cdshooks.valuesets import code_system
from gradeline.model import Guideline
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


def test_services_are_named_by_the_packs_short_code(guideline: Guideline, tmp_path: Path) -> None:
    (tmp_path / "cds").mkdir()
    (tmp_path / "cds" / "cards.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "valuesets").mkdir()
    renamed = guideline.model_copy(update={"short_code": "XYZ"})
    assert [s.id for s in services_for(renamed, tmp_path)] == [
        "xyz-patient-view",
        "xyz-order-select",
        "xyz-order-sign",
    ]
    assert code_system("XYZ", "red-flag") == "https://gradeline.example/fhir/CodeSystem/xyz-red-flag"


def test_a_pack_without_cds_data_offers_no_services(guideline: Guideline, tmp_path: Path) -> None:
    service = CdsService(guideline, ServiceConfig(development_mode=True, fhir_fetch=False), pack_dir=tmp_path)
    reply = service.handle("GET", "/cds-services", {}, b"", "https://cds.test")
    assert reply.status == 200 and reply.json() == {"services": []}
    call = service.handle("POST", "/cds-services/nkr-lrs-order-sign", {}, b"{}", "https://cds.test")
    assert call.status == 404 and "no such service" in call.body.decode()
