"""The fictional English example pack served beside the first guideline: every door reads its own content."""

import json

import pytest
from django.test import Client

from tests.content_dirs import FICTIONAL

pytestmark = pytest.mark.usefixtures("two_guidelines")
PREFIX = f"/{FICTIONAL}"


def test_the_index_lists_the_fictional_guideline_beside_the_first(client: Client) -> None:
    html = client.get("/").content.decode()
    assert f'href="{PREFIX}/"' in html and "Fictional example: acute widget strain" in html
    assert "Fiktivt eksempel" in html and "Ikke gældende" in html  # each with its own status


@pytest.mark.parametrize("interface", ["da", "en"])
def test_layer_one_shows_its_three_recommendations_in_its_own_words(client: Client, interface: str) -> None:
    client.cookies["gradeline_language"] = interface
    html = client.get(f"{PREFIX}/").content.decode()
    for title in ("Graduated widget rest", "Zorblex drops", "Explaining the expected course"):
        assert title in html
    assert "Strong recommendation for" in html and "Weak recommendation against" in html
    assert "lænderygsmerter" not in html.lower()  # nothing of the first guideline leaks in
    assert "gengivet ordret" not in html and "reproduced verbatim" not in html  # written, not transcribed
    assert "implikationer (afsnit" not in html and "implications (section" not in html  # no such chapter


def test_the_first_guideline_links_its_strength_chapter_and_says_it_is_verbatim(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/").content.decode()
    chapter = "/nkr-laenderygsmerter/kapitler/beskrivelse-af-anbefalingernes-styrke-og-implikationer/"
    assert f'href="{chapter}"' in html
    assert "Mere om styrke og implikationer (afsnit 19)" in html and "gengivet ordret" in html


@pytest.mark.parametrize(("interface", "high"), [("da", "Høj"), ("en", "High")])
def test_layer_two_shows_its_evidence_profile_with_labels_in_the_page_language(
    client: Client, interface: str, high: str
) -> None:
    client.cookies["gradeline_language"] = interface
    html = client.get(f"{PREFIX}/anbefalinger/graduated-rest/").content.decode()
    assert "150 more per 1,000" in html and "Relative risk 1.3" in html
    assert "Graduated widget rest for one week" in html  # PICO
    row = html.split("Return to usual activities", 1)[1]
    assert high in row.split("</tr>", 1)[0]  # its certainty code, labelled in the page's language
    if interface == "da":  # the pack's English texts are shown untranslated, and the note says so truly
        assert "kun på dansk" not in html and "kun på engelsk" in html
    else:
        assert "fallback-note" not in html


@pytest.mark.parametrize(
    "page", ["anbefalinger/zorblex-drops/beslutningshjaelp/", "kapitler/about-this-example/", "ordliste/"]
)
def test_decision_aid_chapter_and_glossary_render(client: Client, page: str) -> None:
    response = client.get(f"{PREFIX}/{page}")
    assert response.status_code == 200
    assert "fictional" in response.content.decode().lower()


def test_search_finds_its_own_recommendations_only(client: Client) -> None:
    html = client.get(f"{PREFIX}/soeg/", {"q": "widget rest"}).content.decode()
    assert f"{PREFIX}/anbefalinger/graduated-rest/" in html
    assert "/nkr-laenderygsmerter/" not in html


def test_the_api_under_its_slug_returns_its_guideline_and_readings(client: Client) -> None:
    guideline = client.get(f"/api/guidelines/{FICTIONAL}/guideline").json()
    assert guideline["title"] == "Fictional example: acute widget strain"
    assert len(guideline["recommendations"]) == 3
    rows = client.get(f"/api/guidelines/{FICTIONAL}/recommendations/graduated-rest/readings").json()
    back = next(r for r in rows if r["outcome_id"] == "return-to-usual-activities-2-weeks")
    assert back["certainty"] == "high" and back["certainty_text"]["en"] == "High"


def test_fhir_exports_its_own_resources_under_its_slug_in_its_language(client: Client) -> None:
    bundle = client.get(f"{PREFIX}/fhir/R5/").json()
    composition = bundle["entry"][0]["resource"]
    assert composition["title"] == "Fictional example: acute widget strain"
    assert [s["title"] for s in composition["section"]] == ["Status", "Target group", "Recommendations"]
    assert all(f"/fhir/{FICTIONAL}/" in e["fullUrl"] for e in bundle["entry"])


def test_a_plan_follows_its_own_scope_and_red_flag(client: Client) -> None:
    def plan(body: dict[str, object]) -> dict[str, object]:
        response = client.post(
            f"/api/guidelines/{FICTIONAL}/plan", json.dumps(body), content_type="application/json"
        )
        assert response.status_code == 200, response.content
        return dict(response.json())

    routine = plan({"age_years": 30, "duration_days": 5, "other_red_flags": False})
    assert routine["scope"]["verdict"] == "in_scope"  # type: ignore[index]
    assert routine["triage"]["level"] == "routine"  # type: ignore[index]
    young = plan({"age_years": 17, "duration_days": 5, "other_red_flags": False})
    assert young["scope"]["verdict"] == "out_of_scope"  # type: ignore[index]
    assert "under 18" in json.dumps(young["scope"])
    flagged = plan({"age_years": 30, "duration_days": 5, "red_flags": {"widget_cannot_bear_load": True}})
    assert flagged["triage"]["level"] == "emergency"  # type: ignore[index]


def test_the_decision_support_form_asks_its_own_questions(client: Client) -> None:
    html = client.get(f"{PREFIX}/beslutningsstoette/").content.decode()
    assert "widget cannot bear any load" in html.lower()
