"""In a real browser: the change-password page and the 429 page read well at desktop and phone width, with no
serious axe-core violations (issue 14)."""

from typing import Any

import pytest
from django.contrib.auth.models import User

from gradeline.web import memo
from gradeline.web.accounts.roles import Role, set_role
from tests.e2e.audit import assert_no_serious_violations, axe_violations, screenshot_pages
from tests.e2e.conftest import ARTIFACTS, AXE

PASSWORD = "korrekt-hest-batteri-42"


@pytest.fixture
def member(transactional_db: None) -> User:
    memo.clear()
    user = User.objects.create_user("mette", "mette@example.org", PASSWORD)
    set_role(user, Role.MEMBER)
    return user


def _log_in(page: Any, site: str) -> None:
    page.goto(
        f"{site}/konto/log-ind/?next=/konto/adgangskode/", timeout=60_000
    )  # a cold server, a busy machine
    page.fill("#id_username", "mette")
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/konto/adgangskode/")


def test_change_password_page_with_a_refused_short_password(page: Any, site: str, member: User) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    _log_in(page, site)
    screenshot_pages(page, site, {"password-change": "/konto/adgangskode/"}, 1366)
    page.fill("#id_old_password", PASSWORD)
    page.fill("#id_new_password1", "kort-kode-1")
    page.fill("#id_new_password2", "kort-kode-1")
    page.click("form.account-form button[type=submit]")
    assert "mindst 12 tegn" in page.content()
    report = {"password-change": axe_violations(page)}
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / "screenshots" / f"password-refused-{width}.png"), full_page=True)
    screenshot_pages(page, site, {"password-change": "/konto/adgangskode/"}, 390)
    assert_no_serious_violations(report, "axe-password-change")


def test_the_429_page_says_why(page: Any, site: str, member: User, settings: Any) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    settings.GRADELINE_RATE_LIMITS = {"comment": "1/h"}  # an hour: two posts never straddle the window
    _log_in(page, site)
    page.goto(f"{site}/anbefalinger/nsaid/")
    for text in ("Første kommentar", "Anden kommentar"):
        page.fill("#new-comment-nsaid", text)
        page.click("#ny-kommentar button[type=submit]")
        page.wait_for_load_state("load")
    assert "For mange forespørgsler" in page.content()
    assert page.locator(".status-banner").is_visible()
    report = {"too-many-requests": axe_violations(page)}
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(
            path=str(ARTIFACTS / "screenshots" / f"too-many-requests-{width}.png"), full_page=True
        )
    assert_no_serious_violations(report, "axe-too-many-requests")
