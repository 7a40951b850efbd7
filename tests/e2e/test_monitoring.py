"""The monitoring page in a browser: the indicator table leads to charts with the numbers behind them; both
pages fit a phone, pass the axe audit and are saved as screenshots."""

import re
from typing import Any

import pytest

from tests.e2e.audit import assert_no_serious_violations, axe_violations, screenshot_pages

PAGES = {
    "monitoring": "/nkr-laenderygsmerter/monitorering/",
    "monitoring-imaging": "/nkr-laenderygsmerter/monitorering/billeddiagnostik-uden-roede-flag/",
}


@pytest.fixture(autouse=True)
def demo_results(site: str) -> None:
    """Compute the demonstration and draw its charts once before the browser asks (on a busy machine that
    takes longer than a page load may)."""
    from django.test import Client

    assert (
        Client().get("/nkr-laenderygsmerter/monitorering/billeddiagnostik-uden-roede-flag/").status_code
        == 200
    )


def test_monitoring_overview_to_indicator_charts(page: Any, site: str) -> None:
    page.goto(f"{site}/monitorering/")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 10
    assert page.get_by_text("Syntetiske data.").first.is_visible()  # no results configured: the demo says so
    page.get_by_role(
        "link", name="Billeddiagnostik af lænden inden for 6 uger uden registreret rødt flag"
    ).first.click()
    page.wait_for_url(re.compile(r"/monitorering/billeddiagnostik-uden-roede-flag/$"))
    page.wait_for_load_state("load")  # count the charts of the loaded page, not of one still arriving
    assert page.locator("section.chart svg").count() == 7
    assert page.get_by_role("heading", name="Klinikker sammenlignet").is_visible()
    page.get_by_text("Tallene bag figuren").first.click()
    assert page.locator("section.chart table").first.is_visible()
    report = {path: axe_violations(page) for path in PAGES.values() if page.goto(site + path)}
    assert_no_serious_violations(report, "monitoring")


@pytest.mark.parametrize("width", [1366, 390])
def test_monitoring_screenshots(page: Any, site: str, width: int) -> None:
    screenshot_pages(page, site, PAGES, width)
