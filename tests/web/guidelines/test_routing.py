"""Every guideline under its own prefix; the index at /; today's URLs redirect to the default guideline."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gradeline.content.packs import DEFAULT_SLUG
from gradeline.web.cds.setup import configure_service
from tests.cdshooks.client import EPIC_ISS, CdsClient, jwks, rs384_key
from tests.cdshooks.conftest import TODAY
from tests.cdshooks.examples import patient_view
from tests.content_dirs import SECOND, THIRD

FIRST = f"/{DEFAULT_SLUG}"
pytestmark = pytest.mark.usefixtures("two_guidelines")


def test_the_index_lists_both_guidelines_with_status_language_and_count(client: Client) -> None:
    html = client.get("/").content.decode()
    assert f'href="{FIRST}/"' in html and f'href="/{SECOND}/"' in html
    assert "Ikke gældende" in html
    assert "10 anbefalinger" in html
    assert "ingen beslutningsstøtte" in html  # the second has no decide/ folder


def test_the_index_in_english(client: Client) -> None:
    client.cookies["gradeline_language"] = "en"
    html = client.get("/").content.decode()
    assert "Guidelines" in html and "Not in force" in html and "10 recommendations" in html


PAGES = [
    "",
    "anbefalinger/nsaid/",
    "anbefalinger/nsaid/beslutningshjaelp/",
    "kapitler/{chapter}/",
    "ordliste/",
    "soeg/?q=smerte",
    "udgaver/",
    "monitorering/",
    "api/docs",
]


@pytest.mark.parametrize("prefix", [FIRST, f"/{SECOND}"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_type_renders_under_each_prefix(client: Client, prefix: str, page: str) -> None:
    from gradeline.content.pack import cached_pack

    path = f"{prefix}/" + page.format(chapter=cached_pack().chapters[0].slug)
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    if page != "api/docs":
        assert f'href="{prefix}/ordliste/"' in html  # links stay inside the guideline


def test_the_second_guideline_shows_its_own_title(client: Client) -> None:
    html = client.get(f"/{SECOND}/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert "A second guideline for routing tests" in title
    assert "National klinisk retningslinje" not in html.split('id="indhold"')[1]


@pytest.mark.parametrize(
    "path", ["/", "/anbefalinger/nsaid/", "/ordliste/?x=1", "/fhir/R5/", "/cds-services"]
)
def test_old_urls_redirect_permanently_to_the_default_guideline(client: Client, path: str) -> None:
    response = client.get(path)
    if path == "/":
        assert response.status_code == 200  # the index
        return
    assert response.status_code == 301
    assert response["Location"] == f"{FIRST}{path}"


def test_old_posts_redirect_with_308_so_the_method_and_body_are_kept(client: Client) -> None:
    response = client.post("/api/plan", data="{}", content_type="application/json")
    assert response.status_code == 308
    assert response["Location"] == f"{FIRST}/api/plan"


@pytest.mark.parametrize("path", ["/konto/log-ind/", "/sprog/en/?next=/", "/api/guidelines"])
def test_site_wide_routes_stay_unprefixed(client: Client, path: str) -> None:
    assert client.get(path).status_code in (200, 302)


def test_a_slug_without_its_slash_gets_one(client: Client) -> None:
    response = client.get(f"/{SECOND}")
    assert (response.status_code, response["Location"]) == (301, f"/{SECOND}/")


def test_an_unknown_guideline_is_a_friendly_404(client: Client) -> None:
    response = client.get("/ingen-saadan-retningslinje/")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.content.decode()


def test_the_api_lists_the_guidelines(client: Client) -> None:
    rows = {row["slug"]: row for row in client.get("/api/guidelines").json()["guidelines"]}
    assert {DEFAULT_SLUG, SECOND} <= set(rows)
    assert rows[SECOND]["language"] == "en" and rows[SECOND]["decision_rules"] is False
    assert rows[DEFAULT_SLUG]["status"] == "not_in_force"
    assert rows[DEFAULT_SLUG]["links"]["api"].endswith(f"/api/guidelines/{DEFAULT_SLUG}/guideline")


@pytest.mark.parametrize("slug", [DEFAULT_SLUG, SECOND])
def test_the_api_answers_under_api_guidelines_slug(client: Client, slug: str) -> None:
    data = client.get(f"/api/guidelines/{slug}/guideline").json()
    assert data["id"] == slug
    same = client.get(f"/{slug}/api/guideline").json()
    assert same == data
    assert client.get(f"/api/guidelines/{slug}/recommendations/nsaid").status_code == 200


def test_the_api_of_an_unknown_guideline_is_a_json_404(client: Client) -> None:
    response = client.get("/api/guidelines/ingen/guideline")
    assert response.status_code == 404 and "detail" in response.json()


def test_the_plan_api_of_a_guideline_without_rules_says_so(client: Client) -> None:
    response = client.post(f"/api/guidelines/{SECOND}/plan", data="{}", content_type="application/json")
    assert response.status_code == 404
    body = response.json()
    assert "no decision rules" in body["detail"] and body["errors"]
    assert client.get(f"/{SECOND}/api/plan/questions").status_code == 404


def test_the_plan_api_of_the_first_guideline_still_works(client: Client) -> None:
    response = client.get(f"/api/guidelines/{DEFAULT_SLUG}/plan/questions")
    assert response.status_code == 200


def test_decision_support_pages_of_a_guideline_without_rules_explain_it(client: Client) -> None:
    response = client.get(f"/{SECOND}/beslutningsstoette/")
    assert response.status_code == 404
    assert "ingen beslutningsregler" in response.content.decode()
    home = client.get(f"/{SECOND}/").content.decode()
    assert f"/{SECOND}/beslutningsstoette/" not in home  # the nav link is hidden
    assert f"{FIRST}/beslutningsstoette/" in client.get(f"{FIRST}/").content.decode()


@pytest.mark.parametrize("slug", [DEFAULT_SLUG, SECOND])
def test_fhir_per_guideline(client: Client, slug: str) -> None:
    bundle = json.loads(client.get(f"/{slug}/fhir/R5/").content)
    assert bundle["resourceType"] == "Bundle"
    titles = [e["resource"].get("title", "") for e in bundle["entry"]]
    wanted = "A second guideline for routing tests" if slug == SECOND else "National klinisk retningslinje"
    assert any(wanted in t for t in titles)
    meta = json.loads(client.get(f"/{slug}/fhir/R5/metadata").content)
    assert f"/{slug}/fhir/R5" in json.dumps(meta)
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    if (
        slug == SECOND
    ):  # another guideline's canonical URLs carry its slug; the first guideline's stay as published
        assert all(f"/fhir/{SECOND}/" in url for url in urls)
    else:
        assert not any(SECOND in url for url in urls)


@pytest.fixture
def trusted_cds_client(settings: Any) -> Iterator[CdsClient]:
    """A trusted CDS client; card links point at the site's configured address."""
    key = rs384_key("guidelines")
    settings.GRADELINE_CDS_HOOKS = {
        "clients": [{"iss": EPIC_ISS, "jwks": jwks(key)}],
        "fhir_fetch": False,
        "app_base_url": "https://app.example",
    }
    configure_service().today = lambda: TODAY  # the example patient's dates are relative to this day
    yield CdsClient(key, EPIC_ISS, epic=True)
    settings.GRADELINE_CDS_HOOKS = {}
    configure_service()


@pytest.mark.parametrize("slug", [DEFAULT_SLUG, THIRD])
def test_cds_services_per_guideline(client: Client, slug: str, trusted_cds_client: CdsClient) -> None:
    discovery = f"/{slug}/cds-services"
    assert client.get(discovery).status_code == 401  # a token is needed, for this guideline's address
    headers = trusted_cds_client.auth(f"http://testserver{discovery}")
    services = client.get(discovery, headers=headers).json()["services"]
    assert services and all(s["id"] and s["hook"] for s in services)
    view = f"{discovery}/{next(s['id'] for s in services if s['hook'] == 'patient-view')}"
    headers = trusted_cds_client.auth(f"http://testserver{view}")
    response = client.post(view, json.dumps(patient_view()), content_type="application/json", headers=headers)
    [card] = response.json()["cards"]
    links = [link["url"] for link in card["links"]]
    inside = f"https://app.example/{slug}/" if slug == THIRD else "https://app.example/"  # a redirect
    assert links and all(url.startswith(inside) for url in links), links


def test_a_guideline_without_decision_rules_offers_no_cds_services(
    client: Client, trusted_cds_client: CdsClient
) -> None:
    discovery = f"/{SECOND}/cds-services"
    headers = trusted_cds_client.auth(f"http://testserver{discovery}")
    assert client.get(discovery, headers=headers).json() == {"services": []}


def test_pages_of_a_guideline_in_english_render_in_both_interface_languages(client: Client) -> None:
    for language in ("da", "en"):
        client.cookies["gradeline_language"] = language
        response = client.get(f"/{SECOND}/anbefalinger/nsaid/")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_the_script_name_of_the_server_is_kept(content_root: Path) -> None:
    client = Client(SCRIPT_NAME="/site")
    html = client.get(f"/{SECOND}/", SCRIPT_NAME="/site").content.decode()
    assert f'href="/site/{SECOND}/ordliste/"' in html


def test_a_guideline_without_monitoring_definitions_says_so(client: Client) -> None:
    response = client.get(f"/{THIRD}/monitorering/")
    assert response.status_code == 404
    assert "ingen indikatorer til monitorering" in response.content.decode()
    assert client.get(f"/{THIRD}/monitorering/nsaid-udlevering/").status_code == 404
    client.cookies["gradeline_language"] = "en"
    english = client.get(f"/{THIRD}/monitorering/").content.decode()
    assert "This guideline has no indicators for monitoring." in english
    client.cookies["gradeline_language"] = "da"
    assert f"/{THIRD}/monitorering/" not in client.get(f"/{THIRD}/").content.decode()
