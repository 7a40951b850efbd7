"""The monitoring page in a browser: the indicator table leads to charts with the numbers behind them."""

from typing import Any

from tests.e2e.conftest import ARTIFACTS


def test_monitoring_overview_to_indicator_charts(page: Any, site: str) -> None:
    page.goto(f"{site}/monitorering/")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 10
    assert page.get_by_text("Syntetiske data.").first.is_visible()  # no results configured: the demo says so
    page.get_by_role(
        "link", name="Billeddiagnostik af lænden inden for 6 uger uden registreret rødt flag"
    ).first.click()
    assert page.locator("section.chart svg").count() == 5
    page.get_by_text("Tallene bag figuren").first.click()
    assert page.locator("section.chart table").first.is_visible()
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "monitoring-indicator-1280.png"), full_page=True)
