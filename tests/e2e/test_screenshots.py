"""Screenshots of the main pages at desktop and phone widths, saved as test artefacts."""

from typing import Any

import pytest

from tests.e2e.audit import screenshot_pages

PAGES = {
    "layer1": "/nkr-laenderygsmerter/",
    "layer2-vanlig-aktivitet": "/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/",
    "layer2-billeddiagnostik": "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/",
    "search": "/nkr-laenderygsmerter/soeg/?q=laenderyg",
    "glossary": "/nkr-laenderygsmerter/ordliste/",
    "chapter": "/nkr-laenderygsmerter/kapitler/indledning/",
}


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(page: Any, site: str, width: int) -> None:
    screenshot_pages(page, site, PAGES, width)
