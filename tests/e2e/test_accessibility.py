"""axe-core finds no serious or critical violations on the main pages."""

import json
from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS, AXE

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
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        report[name] = [
            {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]}
            for v in result["violations"]
        ]
    target = ARTIFACTS / "axe"
    target.mkdir(parents=True, exist_ok=True)
    (target / f"axe-{language}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    serious = {
        name: [v for v in found if v["impact"] in {"serious", "critical"}] for name, found in report.items()
    }
    assert not any(serious.values()), serious
