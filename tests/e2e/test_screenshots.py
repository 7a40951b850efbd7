"""Screenshots of the main pages at desktop and phone widths, saved as test artefacts."""

from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS

PAGES = {
    "layer1": "/",
    "layer2-vanlig-aktivitet": "/anbefalinger/vanlig-aktivitet/",
    "layer2-billeddiagnostik": "/anbefalinger/billeddiagnostik/",
    "search": "/soeg/?q=laenderyg",
    "glossary": "/ordliste/",
    "chapter": "/kapitler/indledning/",
}


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(page: Any, site: str, width: int) -> None:
    target = ARTIFACTS / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for name, path in PAGES.items():
        page.goto(site + path)
        assert page.locator(".status-banner").is_visible()
        # Nothing may stick out sideways on a phone.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        page.screenshot(path=str(target / f"{name}-{width}.png"), full_page=True)
