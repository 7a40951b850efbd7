"""Browser: the decision-support form, the handout (HTML and PDF), the decision aid and its print view,
axe-core on all of them, and screenshots at desktop and phone widths."""

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.e2e.audit import assert_no_serious_violations, axe_violations, screenshot_pages
from tests.e2e.conftest import ARTIFACTS, AXE

SHOTS = ARTIFACTS / "screenshots"


def _fill_in_scope(page: Any) -> None:
    page.fill("#f-age_years", "42")
    page.fill("#f-duration", "2")
    page.check('input[name="pain_in_lumbar_region"][value="yes"]')
    page.check('input[name="worried_or_fearful"][value="yes"]')
    page.check('input[name="wants_imaging"][value="yes"]')
    page.check('input[name="other_red_flags"][value="no"]')


def _pdf_text(data: bytes) -> str:
    return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


SLOW = 120_000  # the first page builds the pack and WeasyPrint renders PDFs; the machine is shared


def test_fill_submit_and_see_the_plan(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/", timeout=SLOW)
    page.locator("#f-age_years").focus()
    page.keyboard.type("42")
    _fill_in_scope(page)
    page.click("button[type=submit].button-primary")
    plan = page.locator("#plan")
    plan.locator(".plan-notice").wait_for()
    assert "Tilbyd ikke rutinemæssigt" in plan.inner_text()
    assert page.locator("#f-age_years").input_value() == "42"
    assert page.locator('input[name="wants_imaging"][value="yes"]').is_checked()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "decide-plan-1280.png"), full_page=False)
    page.set_viewport_size({"width": 390, "height": 900})
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.screenshot(path=str(SHOTS / "decide-plan-390.png"), full_page=True)


def test_bad_input_gives_an_inline_message(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/")
    page.fill("#f-age_years", "fyrre")
    page.fill("#f-pain_nrs", "12")
    page.click("button[type=submit].button-primary")
    error = page.locator("#e-age_years")
    assert error.is_visible() and "helt tal" in error.inner_text()
    assert page.locator("#e-pain_nrs").is_visible()
    assert page.locator("#f-age_years").input_value() == "fyrre"
    assert page.locator("#form-errors").is_visible()
    page.screenshot(path=str(SHOTS / "decide-error-1280.png"), full_page=False)


def test_handout_html_and_pdf(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/", timeout=SLOW)
    _fill_in_scope(page)
    page.click("button[type=submit].button-primary")
    with page.context.expect_page() as opened:
        page.click("button[formaction$='/patientinformation/']")
    handout = opened.value
    handout.wait_for_load_state()
    text = handout.inner_text("body")
    assert "Information til dig med ondt i lænden" in text and "ikke længere er gældende" in text
    handout.screenshot(path=str(SHOTS / "handout-1280.png"), full_page=True)
    with page.expect_download(timeout=SLOW) as download:
        page.click("button[formaction$='/patientinformation/pdf/']", timeout=SLOW)
    data = Path(download.value.path()).read_bytes()
    pdf_text = _pdf_text(data)
    assert "Information til dig med ondt i lænden" in pdf_text
    assert "ikke længere er gældende" in pdf_text and "scannet" in pdf_text
    (ARTIFACTS / "print").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print" / "patientinformation.pdf").write_bytes(data)


def test_decision_aid_and_its_print_view(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/paracetamol/beslutningshjaelp/")
    assert page.locator("#not-in-force").is_visible()
    assert page.locator(".aid-card").count() >= 3
    page.set_viewport_size({"width": 820, "height": 1180})  # a tablet
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.screenshot(path=str(SHOTS / "decision-aid-820.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".aid-actions").is_visible()
    assert page.locator("#not-in-force").is_visible()
    data = page.pdf(format="A4", print_background=True)
    (ARTIFACTS / "print").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "print" / "beslutningshjaelp-paracetamol.pdf").write_bytes(data)
    text = _pdf_text(data)
    assert "BESLUTNINGSSTØTTE" in text.upper() and "IKKE GÆLDENDE" in text.upper() and "Paracetamol" in text
    assert "Søg i retningslinjen" not in text  # navigation is not printed


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_serious_or_critical_axe_violations(chromium: Any, site: str, language: str) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    # axe is injected as an inline script, which the pages' Content-Security-Policy rightly forbids.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        _axe_pages(context.new_page(), site, language)
    finally:
        context.close()


def _axe_pages(page: Any, site: str, language: str) -> None:
    page.goto(f"{site}/sprog/{language}/?next=/nkr-laenderygsmerter/")

    def audit() -> list[dict[str, Any]]:
        # The account bar belongs to the accounts work and is audited by test_accessibility.py.
        return axe_violations(page, exclude=".account-bar")

    report: dict[str, Any] = {}
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/")
    report["form"] = audit()
    _fill_in_scope(page)
    page.check('input[name="rf_fever"][value="yes"]')
    page.click("button[type=submit].button-primary")
    page.locator(".plan-notice").wait_for()
    report["plan"] = audit()
    page.fill("#f-age_years", "x")
    page.click("button[type=submit].button-primary")
    report["form-error"] = audit()
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/superviseret-fysisk-traening/")
    report["layer2-readings"] = audit()
    page.goto(site + "/nkr-laenderygsmerter/anbefalinger/paracetamol/beslutningshjaelp/")
    report["decision-aid"] = audit()
    assert_no_serious_violations(report, f"axe-decide-{language}")


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_new_pages(page: Any, site: str, width: int) -> None:
    pages = {
        "decide-form": "/nkr-laenderygsmerter/beslutningsstoette/",
        "layer2-readings-superviseret": "/nkr-laenderygsmerter/anbefalinger/superviseret-fysisk-traening/",
        "layer2-readings-paracetamol-per100": "/nkr-laenderygsmerter/anbefalinger/paracetamol/?per=100",
        "decision-aid-paracetamol": "/nkr-laenderygsmerter/anbefalinger/paracetamol/beslutningshjaelp/",
    }
    screenshot_pages(page, site, pages, width)
