"""A clinician's path through the app in a real browser: layer 1, layer 2, search, language, print."""

import re
from typing import Any

import pytest

from gradeline.content.pack import cached_pack
from tests.e2e.conftest import ARTIFACTS

GUIDELINE = cached_pack()


def test_layer_1_shows_ten_recommendations_with_their_labels(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/")
    assert page.get_by_role("region", name="Ikke gældende").is_visible()
    folds = page.locator("details.rec-fold")
    assert folds.count() == 10 == len(GUIDELINE.recommendations)
    for rec in GUIDELINE.recommendations:
        fold = page.locator(f"details#{rec.id}")
        level = GUIDELINE.strength_level(rec)
        pill = fold.locator("summary .strength")
        assert " ".join(pill.inner_text().split()) == f"{level.icon} {rec.label}"
    first = page.locator("details#vanlig-aktivitet")
    first.locator("summary").click()
    assert first.locator(".advice p").first.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    first.get_by_role("link", name=re.compile("Hele grundlaget")).click()
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/$"))


@pytest.mark.parametrize("rec_id", [r.id for r in GUIDELINE.recommendations])
def test_layer_2_shows_the_full_evidence_profile(page: Any, site: str, rec_id: str) -> None:
    rec = GUIDELINE.recommendation(rec_id)
    page.goto(f"{site}/anbefalinger/{rec_id}/")
    assert page.locator("h1").inner_text().strip() == rec.title
    assert page.locator("table.sof tbody tr.sof-row").count() == len(rec.outcomes)
    assert page.locator("ol.footnotes li").count() == len(rec.footnotes)
    errata = sum(len(o.errata) for o in rec.outcomes) + len(rec.errata)
    assert page.locator(".erratum").count() == errata


def test_search_finds_a_known_phrase_typed_without_danish_letters(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/")
    box = page.get_by_role("searchbox", name="Søg i retningslinjen")
    box.fill("laenderyg sengeleje")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/soeg/\?q="))
    first = page.locator("ol.results > li").first
    assert "sengeleje" in first.locator("mark").all_inner_texts()[-1].lower() or first.locator("mark").count()
    first.locator("h2 a").click()
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/#anbefaling$"))


def test_language_switch_works_and_is_remembered(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/")
    assert page.locator("html").get_attribute("lang") == "da"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().strip() == "Usual activity"
    assert page.get_by_text("Unofficial translation.", exact=True).first.is_visible()
    page.goto(site + "/nkr-laenderygsmerter/")  # a new page load keeps the choice
    assert page.locator("details#nsaid .rec-line-title").inner_text().strip() == "NSAID"
    assert page.locator("details#vanlig-aktivitet .rec-line-title").inner_text().strip() == "Usual activity"
    page.get_by_role("link", name="Dansk").click()
    page.wait_for_load_state()
    assert page.locator("details#vanlig-aktivitet .rec-line-title").inner_text().strip() == "Vanlig aktivitet"


def test_keyboard_reaches_the_skip_link_and_glossary_explanations(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    term = page.locator(".term-word").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert not tip.is_visible()
    term.focus()
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_a_recommendation_prints_on_a4(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/")
    page.emulate_media(media="print")
    assert page.locator(".site-header").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".status-banner").is_visible()
    target = ARTIFACTS / "print"
    target.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(path=str(target / "vanlig-aktivitet.pdf"), format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
