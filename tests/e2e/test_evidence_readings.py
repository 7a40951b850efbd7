"""Evidence readings in a real browser: the guideline's judgement first, a calm note on differences, the
decision aid without contradicting claims; screenshots at 1366 and 390 px, axe on the reading rows."""

from typing import Any

import pytest

from tests.e2e.audit import assert_no_serious_violations, axe_violations, screenshot_pages
from tests.e2e.conftest import ARTIFACTS

WIDTHS = (1366, 390)


def _english(page: Any, site: str) -> None:
    page.set_default_timeout(60_000)  # two cores shared by many: first renders can be slow
    page.context.add_cookies([{"name": "gradeline_language", "value": "en", "url": site}])


@pytest.mark.parametrize("width", WIDTHS)
def test_layer_two_reading_rows_start_from_the_guideline(page: Any, site: str, width: int) -> None:
    _english(page, site)
    screenshot_pages(
        page,
        site,
        {
            "evidence-ledmobilisering-en": "/nkr-laenderygsmerter/anbefalinger/ledmobilisering/",
            "glossary-en": "/nkr-laenderygsmerter/ordliste/",
        },
        width,
    )
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/ledmobilisering/")
    row = page.locator("#beregnet-rygsmerterelateret-funktionsevne-0-12-uger")
    row.scroll_into_view_if_needed()
    text = row.inner_text()
    assert text.index("The guideline found no effect") < text.index("The published numbers are inconsistent")
    assert "increases" not in text
    row.screenshot(path=str(ARTIFACTS / "screenshots" / f"reading-row-ledmobilisering-{width}.png"))
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/akupunktur/")
    note = page.locator("#beregnet-smerteniveau-0-12-uger .agreement-differs")
    assert note.is_visible() and "which stands" in note.inner_text()
    assert page.locator(".reading-note").is_visible()  # the calm summary above the table
    page.locator("#beregnet-smerteniveau-0-12-uger").screenshot(
        path=str(ARTIFACTS / "screenshots" / f"reading-row-akupunktur-{width}.png")
    )
    if width == WIDTHS[0]:
        found = axe_violations(page)
        assert_no_serious_violations({"akupunktur-en": found}, "axe-evidence-readings")


@pytest.mark.parametrize("width", WIDTHS)
def test_decision_aid_shows_the_guideline_and_no_impossible_values(page: Any, site: str, width: int) -> None:
    target = ARTIFACTS / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    page.set_default_timeout(60_000)
    page.set_viewport_size({"width": width, "height": 900})
    for rec_id, lang in (("superviseret-fysisk-traening", "da"), ("billeddiagnostik", "en")):
        if lang == "en":
            _english(page, site)
        page.goto(site + f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/beslutningshjaelp/")
        assert page.locator("#not-in-force").is_visible()
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{rec_id} scrolls sideways by {overflow}px at {width}px"
        body = page.locator("body").inner_text()
        assert "-0.65" not in body and "24.58" not in body
        first = page.locator(".aid-card").first
        assert first.locator(".aid-statement").inner_text().startswith(("Retningslinjen", "The guideline"))
        page.screenshot(path=str(target / f"aid-{rec_id}-{lang}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_danish_layer_two_names_the_erratum_instead_of_a_reading(page: Any, site: str, width: int) -> None:
    page.set_default_timeout(60_000)
    screenshot_pages(
        page,
        site,
        {"evidence-billeddiagnostik-da": "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/"},
        width,
    )
    row = page.locator("#beregnet-smerteniveau-6-18-maaneder")
    row.scroll_into_view_if_needed()
    text = row.inner_text()
    assert text.index("Retningslinjen fandt") < text.index("uoverensstemmende (GL001)")
    assert "24.58" not in text
    row.screenshot(path=str(ARTIFACTS / "screenshots" / f"reading-row-billeddiagnostik-da-{width}.png"))
