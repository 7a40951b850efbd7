"""Browser: the typical patient filled in with the keyboard only (interactions counted), the explicit
"none of these" boxes (visible and undoable), the not-assessed triage of an empty form, and the plan's
one-screen summary measured at 1366x768 and 390 px wide (screenshots of both)."""

import json
from typing import Any

import pytest

from tests.e2e.conftest import ARTIFACTS

SHOTS = ARTIFACTS / "screenshots"
SCREENS = {1366: 768, 390: 844}  # a laptop, and a phone 390 px wide


class Keyboard:
    """Counts keyboard interactions: one per key press, and one per value typed into a field."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.count = 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.count += 1


def _measure_summary(page: Any, width: int, name: str) -> dict[str, float]:
    page.set_viewport_size({"width": width, "height": SCREENS[width]})
    page.locator("#plan-summary").scroll_into_view_if_needed()
    page.evaluate("document.getElementById('plan').scrollIntoView()")
    box = page.locator("#plan-summary").bounding_box()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=False)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right >"
        " document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className)"
    )
    assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}px: {wide}"
    return {"width": width, "screen_height": SCREENS[width], "summary_height": round(box["height"])}


def test_typical_patient_by_keyboard_in_twelve_interactions(page: Any, site: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/", timeout=60_000)
    assert page.evaluate("document.activeElement.id") == "f-age_years"  # age first, focused on arrival
    keys = Keyboard(page)
    keys.type("45")  # age
    keys.press("Tab")
    keys.type("3")  # duration (weeks is the default unit)
    keys.press("Tab")  # the unit
    keys.press("Tab")
    keys.press("Space")  # pain in the low back and/or buttocks
    keys.press("Tab")
    keys.press("Space")  # none of the exclusions
    keys.press("Tab")
    keys.press("Space")  # no red flags
    # Every red-flag item now visibly reads "No" (nothing else changed).
    assert page.locator('input[name="rf_saddle_anaesthesia"][value="no"]').is_checked()
    assert page.locator('input[name="rf_fever"][value="no"]').is_checked()
    assert page.locator('input[name="radicular_pain_pattern"][value="no"]').is_checked()
    assert page.locator('input[name="worried_or_fearful"][value="unknown"]').is_checked()  # unknown stays
    keys.press("Tab")
    assert page.evaluate("document.activeElement.id") == "submit-quick"
    keys.press("Enter")
    summary = page.locator("#plan-summary")
    summary.wait_for(timeout=60_000)
    assert keys.count <= 12
    assert "Omfattet af retningslinjen" in page.locator("#scope-label").inner_text()
    assert "Rutine" in page.locator("#triage-label").inner_text()
    assert "Overvej" in summary.locator(".summary-do").inner_text()
    assert "nøje overvejelse" in summary.locator(".summary-avoid").inner_text()
    # Details are one click away, collapsed.
    assert not page.locator("#d-trace").evaluate("d => d.open")
    sizes = [_measure_summary(page, width, "decide-summary") for width in SCREENS]
    for size in sizes:
        assert size["summary_height"] <= size["screen_height"], size
    (ARTIFACTS / "decide-summary.json").write_text(
        json.dumps({"keyboard_interactions": keys.count, "summary": sizes}, indent=2), encoding="utf-8"
    )


def test_none_of_these_sets_each_item_visibly_and_can_be_undone(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/", timeout=60_000)
    page.check('input[name="rf_fever"][value="yes"]')
    box = page.locator('input[name="none_rf_infection"]')
    box.check()
    # An explicit answer is kept; the unanswered ones become No.
    assert page.locator('input[name="rf_fever"][value="yes"]').is_checked()
    assert page.locator('input[name="rf_iv_drug_use"][value="no"]').is_checked()
    box.uncheck()
    assert page.locator('input[name="rf_iv_drug_use"][value="unknown"]').is_checked()
    box.check()
    page.check('input[name="rf_immunosuppression"][value="unknown"]')
    assert not box.is_checked()  # changing one answer by hand unticks the box


@pytest.mark.parametrize("language", ["da", "en"])
def test_empty_form_gives_not_assessed_never_routine(page: Any, site: str, language: str) -> None:
    page.goto(f"{site}/sprog/{language}/?next=/nkr-laenderygsmerter/beslutningsstoette/", timeout=60_000)
    page.click("#submit-quick")
    triage = page.locator("#triage-label")
    triage.wait_for(timeout=60_000)
    expected = "Ikke vurderet" if language == "da" else "Not assessed"
    assert expected in triage.inner_text()
    assert "triage-not_assessed" in (triage.get_attribute("class") or "")
    assert "Rutine" not in triage.inner_text() and "Routine" not in triage.inner_text()
    for width in SCREENS:
        _measure_summary(page, width, f"decide-not-assessed-{language}")


def test_pregnant_patient_with_severe_pain_is_told_to_avoid_nsaid(page: Any, site: str) -> None:
    page.goto(site + "/nkr-laenderygsmerter/beslutningsstoette/", timeout=60_000)
    page.fill("#f-age_years", "31")
    page.fill("#f-duration", "2")
    for box in ("quick_lumbar", "none_exclusions", "none_red_flags"):
        page.check(f'input[name="{box}"]')
    page.check('input[name="sex"][value="female"]')
    page.check('input[name="pregnant_or_postpartum"][value="yes"]')
    page.check('input[name="severe_pain_acute_phase"][value="yes"]')
    page.locator("#g-medication > summary").click()
    page.check('input[name="pregnant"][value="yes"]')
    page.click("#submit-quick")
    discuss = page.locator(".summary-discuss")
    discuss.wait_for(timeout=60_000)
    assert "NSAID: undgå" in discuss.inner_text() and "Gravid" in discuss.inner_text()
    assert "Omfattet af retningslinjen" in page.locator("#scope-label").inner_text()
    page.locator("#d-recs > summary").click()
    assert page.locator(".caution-avoid").first.is_visible()
    for width in SCREENS:
        _measure_summary(page, width, "decide-pregnant-nsaid")
