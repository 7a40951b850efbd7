"""Decision support: the form, the plan beside it, inline errors, the handout and POST /api/plan."""

import json

import pytest
from django.test import Client

from gradeline.web.decide.form import rules

IN_SCOPE = {
    "age_years": "40",
    "duration": "3",
    "duration_unit": "weeks",
    "pain_in_lumbar_region": "yes",
    "worried_or_fearful": "yes",
    "wants_imaging": "yes",
    "other_red_flags": "no",
}

# Pages carry the account bar and the editions slot, which read the database.
pytestmark = pytest.mark.django_db


def test_form_has_every_red_flag_question_from_the_rules(client: Client) -> None:
    html = client.get("/beslutningsstoette/").content.decode()
    asked = [i for g in rules().red_flags.groups for i in g.items if i.derive is None]
    assert len(asked) > 15
    for item in asked:
        assert f'name="rf_{item.id}"' in html
    assert "Ved ikke" in html and "ikke gældende" in html.lower()


def test_posted_form_shows_the_plan_beside_it_and_keeps_the_answers(client: Client) -> None:
    response = client.post("/beslutningsstoette/", IN_SCOPE)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="journal-note"' in html and "Journalnotat" in html
    assert "Klinikeren træffer beslutningen" in html
    assert "Tilbyd ikke rutinemæssigt" in html  # imaging, the guideline's own terms
    assert 'value="40"' in html  # nothing typed is lost
    assert "scope.yaml:age" in html  # the trace


def test_bad_input_gives_inline_messages_not_an_error(client: Client) -> None:
    response = client.post(
        "/beslutningsstoette/", {**IN_SCOPE, "age_years": "fyrre", "sex": "x", "pain_nrs": "11"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="e-age_years"' in html and 'id="e-sex"' in html and 'id="e-pain_nrs"' in html
    assert 'value="fyrre"' in html and 'aria-invalid="true"' in html
    assert 'id="journal-note"' not in html


def test_emergency_red_flag_sets_triage_with_its_source(client: Client) -> None:
    html = client.post("/beslutningsstoette/", {**IN_SCOPE, "rf_saddle_anaesthesia": "yes"}).content.decode()
    assert "triage-emergency" in html and "BMJ Best Practice" in html


def test_handout_html_and_pdf_in_plain_danish(client: Client) -> None:
    html = client.post("/beslutningsstoette/patientinformation/", IN_SCOPE).content.decode()
    assert "Information til dig med ondt i lænden" in html and "ikke længere er gældende" in html
    assert "Derfor bliver du normalt ikke scannet" in html
    pdf = client.post("/beslutningsstoette/patientinformation/pdf/", IN_SCOPE)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get("/beslutningsstoette/patientinformation/").status_code == 302


def test_api_plan_returns_the_plan(client: Client) -> None:
    body = {"age_years": 40, "duration_weeks": 3, "red_flags": {"saddle_anaesthesia": True}}
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    plan = response.json()
    assert response.status_code == 200
    assert plan["triage"]["level"] == "emergency" and plan["guideline_status"] == "not_in_force"
    assert len(plan["recommendations"]) == 10


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age_years": -1}, "age_years"),
        ({"pain_nrs": 11}, "pain_nrs"),
        ({"colour": "blue"}, "colour"),
        ({"red_flags": {"nope": True}}, "red_flags"),
        ({"leg_radiation": "maybe"}, "leg_radiation"),
    ],
)
def test_api_plan_bad_input_is_422_with_the_field(
    client: Client, body: dict[str, object], field: str
) -> None:
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert any(field in problem["loc"] for problem in response.json()["detail"])


def test_api_plan_is_in_the_openapi_document(client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    operation = spec["paths"]["/api/plan"]["post"]
    assert "422" in operation["responses"] and "requestBody" in operation
