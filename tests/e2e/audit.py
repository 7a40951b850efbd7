"""Shared browser-test steps: an axe-core audit with its saved report, and screenshots at one width."""

import json
from collections.abc import Mapping
from typing import Any

from tests.e2e.conftest import ARTIFACTS, AXE


def axe_violations(page: Any, exclude: str | None = None) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (optionally excluding one CSS selector)."""
    page.add_script_tag(path=str(AXE))
    context = f"{{exclude: [['{exclude}']]}}" if exclude else "document"
    result = page.evaluate(f"async () => await axe.run({context}, {{resultTypes: ['violations']}})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]}
        for v in result["violations"]
    ]


def assert_no_serious_violations(report: Mapping[str, list[dict[str, Any]]], name: str) -> None:
    """Save the report under test-artifacts/axe/ and fail on any serious or critical violation."""
    target = ARTIFACTS / "axe"
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{name}.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    serious = {
        page: [v for v in found if v["impact"] in {"serious", "critical"}] for page, found in report.items()
    }
    assert not any(serious.values()), serious


def screenshot_pages(page: Any, site: str, pages: Mapping[str, str], width: int) -> None:
    """Each page at this width: the status banner shows, nothing scrolls sideways, a full-page screenshot."""
    target = ARTIFACTS / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in pages.items():
        page.goto(site + path)
        assert page.locator(".status-banner").is_visible()
        # Nothing may stick out sideways on a phone.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=str(target / f"{name}-{width}.png"), full_page=True)
