"""axe-core finds no serious or critical violations on the main pages."""

from typing import Any

import pytest

from tests.e2e.audit import assert_no_serious_violations, axe_violations
from tests.e2e.conftest import AXE

PAGES = {
    "layer1": "/nkr-laenderygsmerter/",
    "layer2": "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/",
    "search": "/nkr-laenderygsmerter/soeg/?q=laenderyg",
    "glossary": "/nkr-laenderygsmerter/ordliste/",
    "monitoring": "/nkr-laenderygsmerter/monitorering/",
    "monitoring-indicator": "/nkr-laenderygsmerter/monitorering/billeddiagnostik-uden-roede-flag/",
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_serious_or_critical_axe_violations(page: Any, site: str, language: str) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    page.goto(f"{site}/sprog/{language}/?next=/nkr-laenderygsmerter/")
    report: dict[str, Any] = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        report[name] = axe_violations(page)
    assert_no_serious_violations(report, f"axe-{language}")
