"""Screenshots of the main pages at desktop and phone widths, saved as test artefacts."""

from typing import Any

import pytest

from tests.e2e.audit import screenshot_pages

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
    screenshot_pages(page, site, PAGES, width)
