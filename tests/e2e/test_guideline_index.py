"""The guideline index at / and a guideline under its prefix, in a browser: axe-clean, no sideways scrolling,
screenshots at 1366 and 390 px (issue 18)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gradeline.content.packs import DEFAULT_SLUG
from gradeline.web import memo
from tests.content_dirs import SECOND, TITLE, build_content_dir
from tests.e2e.audit import assert_no_serious_violations, axe_violations
from tests.e2e.conftest import ARTIFACTS


@pytest.fixture
def several(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(build_content_dir(tmp_path / "content")))
    memo.clear()
    yield tmp_path
    memo.clear()


def _no_sideways_scroll(page: Any, where: str) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{where} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("width", [1366, 390])
def test_the_index_leads_to_each_guideline(page: Any, site: str, several: Path, width: int) -> None:
    (site_dir := ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    report = {}
    for language in ("da", "en"):
        page.goto(f"{site}/sprog/{language}/?next=/")
        cards = page.locator(".guideline-card")
        assert cards.count() == 4  # the first guideline, the fictional example and two test copies
        assert page.get_by_role("link", name=TITLE).is_visible()
        badge = "Ikke gældende" if language == "da" else "Not in force"
        assert page.locator(".badge-status", has_text=badge).count() >= 1
        example = "Fiktivt eksempel" if language == "da" else "Fictional example"
        assert page.locator(".badge-fictional", has_text=example).count() == 1
        _no_sideways_scroll(page, f"the index ({language}, {width}px)")
        report[f"index-{language}"] = axe_violations(page)
        page.screenshot(path=str(site_dir / f"guideline-index-{language}-{width}.png"), full_page=True)
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"{site}/{SECOND}/")
    assert page.locator(".status-banner").is_visible()
    assert page.locator(f'.main-nav a[href="/{SECOND}/ordliste/"]').count() == 1
    assert page.locator(f'.main-nav a[href="/{SECOND}/beslutningsstoette/"]').count() == 0  # no decide rules
    _no_sideways_scroll(page, f"/{SECOND}/ ({width}px)")
    report["second-guideline"] = axe_violations(page)
    page.screenshot(path=str(site_dir / f"guideline-second-{width}.png"), full_page=True)
    page.goto(f"{site}/anbefalinger/nsaid/")  # an old address
    assert page.url == f"{site}/{DEFAULT_SLUG}/anbefalinger/nsaid/"
    assert_no_serious_violations(report, f"guideline-index-{width}")
