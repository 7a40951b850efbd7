"""axe-core finds no serious or critical violations on the main pages."""

from typing import Any

import pytest

from tests.e2e.audit import assert_no_serious_violations, axe_violations
from tests.e2e.conftest import AXE

PAGES = {
    "layer1": "/",
    "layer2": "/anbefalinger/billeddiagnostik/",
    "search": "/soeg/?q=laenderyg",
    "glossary": "/ordliste/",
    "monitoring": "/monitorering/",
    "monitoring-indicator": "/monitorering/billeddiagnostik-uden-roede-flag/",
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_serious_or_critical_axe_violations(page: Any, site: str, language: str) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    page.goto(f"{site}/sprog/{language}/?next=/")
    report: dict[str, Any] = {}
    for name, path in PAGES.items():
        page.goto(site + path)
        report[name] = axe_violations(page)
    assert_no_serious_violations(report, f"axe-{language}")
