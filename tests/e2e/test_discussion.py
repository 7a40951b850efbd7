"""In a real browser: XSS payloads in comments stay inert; the log-in and discussion pages pass axe-core."""

import json
from typing import Any

import pytest
from django.contrib.auth.models import User

from gradeline.web import memo
from gradeline.web.accounts.roles import Role, set_role
from gradeline.web.discussion import service
from tests.e2e.conftest import ARTIFACTS, AXE

PASSWORD = "korrekt-hest-batteri-42"
PAYLOADS = [
    "<script>window.__xss = 1; alert('script')</script>",
    '<img src=x onerror="window.__xss = 2; alert(2)">',
    "[klik her](javascript:window.__xss=3;alert(3))",
    '<svg onload="window.__xss = 4"></svg>',
    '<a href="javascript:alert(5)" onmouseover="window.__xss=5">hold musen her</a>',
    "![billede](javascript:alert(6))",
    '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
    "**fed** og [et godt link](https://example.org)",
]


@pytest.fixture
def member(transactional_db: None) -> User:
    memo.clear()
    user = User.objects.create_user("mette", "mette@example.org", PASSWORD)
    set_role(user, Role.MEMBER)
    return user


def log_in(page: Any, site: str, username: str) -> None:
    page.goto(f"{site}/konto/log-ind/?next=/nkr-laenderygsmerter/anbefalinger/nsaid/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.account-form button[type=submit]")
    page.wait_for_url("**/anbefalinger/nsaid/")


def test_xss_payloads_in_comments_are_inert(page: Any, site: str, member: User) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, site, "mette")
    for payload in PAYLOADS:
        page.fill("#new-comment-nsaid", payload)
        page.click("#ny-kommentar button[type=submit]")
        page.wait_for_load_state("load")
    assert page.locator("#diskussion .comment").count() == len(PAYLOADS)
    for link in page.locator("#diskussion .comment-body a").all():
        link.hover()
        link.click(modifiers=["Control"]) if link.get_attribute("href") else link.click()
    page.goto(f"{site}/anbefalinger/nsaid/")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("window.__xss") is None
    assert (
        page.locator("#diskussion script, #diskussion iframe, #diskussion img, #diskussion svg").count() == 0
    )
    assert page.locator("#diskussion [onerror], #diskussion [onload], #diskussion [onmouseover]").count() == 0
    hrefs = page.eval_on_selector_all("#diskussion .comment-body a", "els => els.map(e => e.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert page.locator("#diskussion .comment-body strong", has_text="fed").count() == 1


@pytest.mark.parametrize("name", ["login", "discussion"])
def test_no_serious_or_critical_axe_violations(page: Any, site: str, member: User, name: str) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci installs node_modules/axe-core)")
    if name == "login":
        page.goto(f"{site}/konto/log-ind/")
    else:
        root = service.post(member, "nsaid", "Gælder anbefalingen også for **ibuprofen**?")
        service.post(member, "nsaid", "Ja, se [praktiske råd](#praktiske-raad).", parent=root)
        log_in(page, site, "mette")
        page.locator("#diskussion").scroll_into_view_if_needed()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [{"id": v["id"], "impact": v["impact"], "help": v["help"]} for v in result["violations"]]
    target = ARTIFACTS / "axe"
    target.mkdir(parents=True, exist_ok=True)
    (target / f"axe-{name}.json").write_text(json.dumps(found, indent=2), encoding="utf-8")
    assert not [v for v in found if v["impact"] in {"serious", "critical"}], found
