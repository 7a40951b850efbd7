"""Reading v2 in a real browser: the compact layer 1 (one screen, unfolds in place, keyboard, no JavaScript,
deep links), tabs, search by lay words, editions and PDF links; screenshots at 1366 and 390 px in Danish and
English, an axe audit, and the page heights (saved to test-artifacts/heights-<language>.json)."""

import json
import re
from typing import Any

import pytest

from gradeline.content.pack import cached_pack
from gradeline.web.editions import publishing
from tests.e2e.audit import assert_no_serious_violations, axe_violations
from tests.e2e.conftest import ARTIFACTS

GUIDELINE = cached_pack()
WIDTHS = {1366: 768, 390: 844}  # a laptop screen and a phone, viewport heights included
SHOTS = {
    "v2-layer1": "/nkr-laenderygsmerter/",
    "v2-layer1-open": "/#nsaid",
    "v2-layer2-nsaid": "/nkr-laenderygsmerter/anbefalinger/nsaid/",
    "v2-search-smertestillende": "/nkr-laenderygsmerter/soeg/?q=smertestillende",
    "v2-editions": "/nkr-laenderygsmerter/udgaver/",
    "v2-monitoring": "/nkr-laenderygsmerter/monitorering/",  # layout only: no sideways scrolling on a phone
}


@pytest.fixture(autouse=True, scope="module")
def _url_map_loaded() -> None:
    """Import the URL map (monitoring pulls in Ibis and matplotlib) before the first page, not during it."""
    import gradeline.web.urls  # noqa: F401


@pytest.fixture
def first_edition(transactional_db: None) -> None:
    """The fresh install's first edition, as `gradeline serve` publishes it on first start."""
    publishing.ensure_first_edition()


def test_layer_1_fits_one_laptop_screen(chromium: Any, site: str) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(site + "/nkr-laenderygsmerter/")
    last = page.locator("details.rec-fold > summary").last.bounding_box()
    assert last is not None and last["y"] + last["height"] <= 768
    assert page.locator("details.rec-fold[open]").count() == 0
    context.close()


def test_on_a_phone_the_first_recommendation_shows_without_scrolling(chromium: Any, site: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(site + "/nkr-laenderygsmerter/")
    first = page.locator("details.rec-fold > summary").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= 844
    context.close()


def test_a_recommendation_unfolds_in_place_by_keyboard_into_text_advice_and_tabs(
    page: Any, site: str
) -> None:
    page.goto(site + "/nkr-laenderygsmerter/")
    summary = page.locator("details#paracetamol > summary")
    summary.focus()
    page.keyboard.press("Enter")
    fold = page.locator("details#paracetamol")
    assert fold.get_attribute("open") is not None
    rec = GUIDELINE.recommendation("paracetamol")
    assert fold.locator(".rec-text").inner_text().strip().startswith(rec.text.split(",")[0])
    tab = fold.get_by_role("tab", name="Evidensprofil")
    tab.focus()
    page.keyboard.press("Enter")
    panel = fold.get_by_role("tabpanel")
    panel.locator("table.sof").wait_for()
    assert panel.locator("tr.sof-row").count() == len(rec.outcomes)
    assert tab.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent").strip() == "Sammenfatning"
    assert page.url == site + "/nkr-laenderygsmerter/"  # everything happened in place


def test_without_javascript_the_list_unfolds_and_the_tabs_are_links(chromium: Any, site: str) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/nkr-laenderygsmerter/")
    page.locator("details#nsaid > summary").click()
    fold = page.locator("details#nsaid")
    assert fold.locator(".rec-text").is_visible()
    fold.get_by_role("link", name="Evidensprofil").click()
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/anbefalinger/nsaid/#evidensprofil$"))
    assert page.locator("#evidensprofil table.sof").is_visible()
    context.close()


def test_a_deep_link_opens_its_recommendation(page: Any, site: str) -> None:
    page.goto(site + "/#billeddiagnostik")
    assert page.locator("details#billeddiagnostik").get_attribute("open") is not None
    assert page.locator("details#billeddiagnostik .rec-text").is_visible()


def test_the_language_switch_keeps_the_place_on_the_page(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/nsaid/#evidensprofil")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/anbefalinger/nsaid/#evidensprofil$"))
    assert page.locator("html").get_attribute("lang") == "en"


def test_search_finds_the_painkiller_recommendations_by_a_lay_word(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/")
    box = page.get_by_role("searchbox", name="Søg i retningslinjen")
    box.fill("smertestillende")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/soeg/\?q="))
    titles = page.locator("ol.results > li h2 a").all_inner_texts()
    assert {"Paracetamol", "Opioider", "NSAID"} <= set(titles[:3])
    assert page.locator("ol.results mark").count() > 0


def test_pdfs_and_editions_are_one_click_from_the_menu(page: Any, site: str, first_edition: None) -> None:
    page.goto(site + "/nkr-laenderygsmerter/")
    page.locator("details.nav-documents > summary").click()
    links = page.locator("details.nav-documents a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert (
        "/nkr-laenderygsmerter/udgaver/aktuel/hurtigguide.pdf" in hrefs
        and "/nkr-laenderygsmerter/udgaver/aktuel/retningslinje.pdf" in hrefs
    )
    assert page.locator(".doc-links a").count() == 2  # and from layer 1 itself
    page.goto(site + "/nkr-laenderygsmerter/udgaver/")
    assert "1.0" in page.locator("main").inner_text()


@pytest.mark.parametrize("language", ["da", "en"])
def test_screenshots_heights_and_axe(chromium: Any, site: str, language: str, first_edition: None) -> None:
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    heights: dict[str, int] = {}
    report: dict[str, Any] = {}
    for width, height in WIDTHS.items():
        context = chromium.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        context.add_cookies([{"name": "gradeline_language", "value": language, "url": site}])
        page = context.new_page()
        for name, path in SHOTS.items():
            page.goto(site + path)
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
            heights[f"{name}@{width}"] = page.evaluate("document.body.scrollHeight")
            page.screenshot(
                path=str(shots / f"{name}-{language}-{width}.png"), full_page=name != "v2-layer2-nsaid"
            )
            if width == 1366:
                report[path] = axe_violations(page)
        context.close()
    assert heights["v2-layer1@1366"] < heights["v2-layer2-nsaid@1366"]
    (ARTIFACTS / f"heights-{language}.json").write_text(json.dumps(heights, indent=2), encoding="utf-8")
    assert_no_serious_violations(report, f"reading-v2-{language}")


def test_layer_2_folds_long_sections_and_a_link_opens_them(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/nsaid/")
    background = page.locator("#baggrund details.section-fold")
    assert background.get_attribute("open") is None
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/nsaid/#baggrund")
    assert background.get_attribute("open") is not None
    assert background.locator("p").first.is_visible()
    page.locator("a.ref-number").first.click()
    assert page.locator("#referencer details.section-fold").get_attribute("open") is not None
