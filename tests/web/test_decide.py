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
    html = client.get("/nkr-laenderygsmerter/beslutningsstoette/").content.decode()
    asked = [i for g in rules().red_flags.groups for i in g.items if i.derive is None]
    assert len(asked) > 15
    for item in asked:
        assert f'name="rf_{item.id}"' in html
    assert "Ved ikke" in html and "ikke gældende" in html.lower()


def test_posted_form_shows_the_plan_beside_it_and_keeps_the_answers(client: Client) -> None:
    response = client.post("/nkr-laenderygsmerter/beslutningsstoette/", IN_SCOPE)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="journal-note"' in html and "Journalnotat" in html
    assert "Klinikeren træffer beslutningen" in html
    assert "Tilbyd ikke rutinemæssigt" in html  # imaging, the guideline's own terms
    assert 'value="40"' in html  # nothing typed is lost
    assert "scope.yaml:age" in html  # the trace


def test_bad_input_gives_inline_messages_not_an_error(client: Client) -> None:
    response = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/",
        {**IN_SCOPE, "age_years": "fyrre", "sex": "x", "pain_nrs": "11"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="e-age_years"' in html and 'id="e-sex"' in html and 'id="e-pain_nrs"' in html
    assert 'value="fyrre"' in html and 'aria-invalid="true"' in html
    assert 'id="journal-note"' not in html


def test_emergency_red_flag_sets_triage_with_its_source(client: Client) -> None:
    html = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/", {**IN_SCOPE, "rf_saddle_anaesthesia": "yes"}
    ).content.decode()
    assert "triage-emergency" in html and "BMJ Best Practice" in html


def test_handout_html_and_pdf_in_plain_danish(client: Client) -> None:
    html = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/patientinformation/", IN_SCOPE
    ).content.decode()
    assert "Information til dig med ondt i lænden" in html and "ikke længere er gældende" in html
    assert "Derfor bliver du normalt ikke scannet" in html
    pdf = client.post("/nkr-laenderygsmerter/beslutningsstoette/patientinformation/pdf/", IN_SCOPE)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get("/nkr-laenderygsmerter/beslutningsstoette/patientinformation/").status_code == 302


def test_api_plan_returns_the_plan(client: Client) -> None:
    body = {"age_years": 40, "duration_weeks": 3, "red_flags": {"saddle_anaesthesia": True}}
    response = client.post(
        "/nkr-laenderygsmerter/api/plan", json.dumps(body), content_type="application/json"
    )
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
    response = client.post(
        "/nkr-laenderygsmerter/api/plan", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    error = response.json()
    assert field in error["detail"] and "GET /api/plan/questions" in error["detail"]
    assert any(field in problem["loc"] for problem in error["errors"])
    assert all("context" not in problem["loc"] for problem in error["errors"])  # no phantom parameter


def test_api_plan_is_in_the_openapi_document(client: Client) -> None:
    spec = client.get("/nkr-laenderygsmerter/api/openapi.json").json()
    operation = spec["paths"]["/nkr-laenderygsmerter/api/plan"]["post"]
    assert {"400", "422"} <= set(operation["responses"]) and "requestBody" in operation
    assert "days **or** weeks, not both" in operation["description"]
    schema = spec["components"]["schemas"]["PatientContext"]
    assert "not both" in schema["properties"]["duration_days"]["description"]
    undescribed = [name for name, field in schema["properties"].items() if not field.get("description")]
    assert undescribed == []
    error = spec["components"]["schemas"]["ApiError"]
    assert set(error["properties"]) == {"detail", "errors"}


def test_empty_body_gives_not_assessed_with_english_labels(client: Client) -> None:
    plan = client.post("/nkr-laenderygsmerter/api/plan", "{}", content_type="application/json").json()
    assert plan["triage"]["level"] == "not_assessed"
    assert plan["triage"]["label_en"].startswith("Not assessed")
    assert plan["scope"]["label_en"].startswith("Borderline")
    assert {(r["id"], r["strength"], r["direction"]) for r in plan["recommendations"]} >= {
        ("vanlig-aktivitet", "weak", "for"),
        ("nsaid", "weak", "against"),
    }


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ('{"red_flags": ["fever"]}', 422),
        ('{"duration_days": 3, "duration_weeks": 1}', 422),
    ],
)
def test_every_api_error_has_one_shape(client: Client, body: str, status: int) -> None:
    response = client.post("/nkr-laenderygsmerter/api/plan", body, content_type="application/json")
    assert response.status_code == status
    error = response.json()
    assert isinstance(error["detail"], str) and error["detail"].endswith((".", "questions."))
    assert error["errors"] and all(set(e) == {"loc", "msg", "type"} for e in error["errors"])
    missing = client.get("/nkr-laenderygsmerter/api/recommendations/findes-ikke").json()
    assert isinstance(missing["detail"], str) and missing["errors"] == []


def test_question_catalogue_lists_every_answer_with_labels(client: Client) -> None:
    from gradeline.decide import PatientContext

    data = client.get("/nkr-laenderygsmerter/api/plan/questions").json()
    ids = {q["id"] for q in data["questions"]}
    assert set(PatientContext.model_fields) - {"red_flags", "startback", "assessed_on"} <= ids
    fever = next(i for g in data["red_flag_groups"] for i in g["items"] if i["id"] == "fever")
    assert fever["level"] == "work_up" and fever["labels"]["en"] == "Fever?"
    assert any(
        q["id"] == "leg_radiation" and q["allowed"] == ["yes", "no", "unknown"] for q in data["questions"]
    )
    assert any("not both" in rule for rule in data["rules"])
    assert data["triage_levels"]["not_assessed"]["en"].startswith("Not assessed")


def test_handout_says_when_to_come_back_in_danish_and_english(client: Client) -> None:
    html = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/patientinformation/", IN_SCOPE
    ).content.decode()
    assert "Hvornår skal du kontakte os igen?" in html and "efter 4 uger" in html
    client.get("/sprog/en/?next=/")
    english = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/patientinformation/", IN_SCOPE
    ).content.decode()
    assert 'lang="en"' in english and "no longer in force" in english
    assert "after 4 weeks" in english and "Why you are not usually scanned" in english


def test_handout_for_unanswered_red_flags_gives_only_warning_signs(client: Client) -> None:
    html = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/patientinformation/", {"age_years": "45"}
    ).content.decode()
    assert "endnu ikke spurgt til alle tegn på alvorlig sygdom" in html
    assert "Faresignaler" in html and "Derfor bliver du normalt ikke scannet" not in html


def test_quick_boxes_answer_only_what_is_unanswered(client: Client) -> None:
    body = {
        "age_years": "45",
        "duration": "3",
        "duration_unit": "weeks",
        "quick_lumbar": "1",
        "none_exclusions": "1",
        "none_red_flags": "1",
        "rf_fever": "yes",
    }
    html = client.post("/nkr-laenderygsmerter/beslutningsstoette/", body).content.decode()
    assert 'id="triage-label"' in html and "triage-work_up" in html  # the explicit yes is kept
    html = client.post("/nkr-laenderygsmerter/beslutningsstoette/", {**body, "rf_fever": ""}).content.decode()
    assert "Rutine" in html and "Omfattet af retningslinjen" in html
    html = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/", {k: v for k, v in body.items() if k != "none_red_flags"}
    ).content.decode()
    assert "Ikke vurderet" in html  # without the box, unanswered red flags stay unknown


def test_age_and_date_of_birth_together_is_an_inline_message(client: Client) -> None:
    response = client.post(
        "/nkr-laenderygsmerter/beslutningsstoette/", {"age_years": "16", "birth_date": "2010-01-01"}
    )
    assert response.status_code == 400 and 'id="e-birth_date"' in response.content.decode()
    response = client.post("/nkr-laenderygsmerter/beslutningsstoette/", {"birth_date": "01-01-2010"})
    assert response.status_code == 400 and "ÅÅÅÅ-MM-DD" in response.content.decode()


def test_api_plan_carries_unofficial_english_for_recommendations(client: Client) -> None:
    plan = client.post(
        "/nkr-laenderygsmerter/api/plan",
        json.dumps({"severe_pain_acute_phase": "yes"}),
        content_type="application/json",
    )
    nsaid = next(r for r in plan.json()["recommendations"] if r["id"] == "nsaid")
    assert nsaid["title_en"] == "NSAID" and nsaid["text_en"] and nsaid["text_en"] != nsaid["text"]
    assert all(a["text_en"] for a in nsaid["advice"])


def test_an_empty_form_counts_22_red_flags_and_2_risk_factors_apart_in_both_languages(client: Client) -> None:
    for language, flags, factors, caveat in (
        (
            "da",
            "Ikke vurderet (22)",
            "Risikofaktorer ikke besvaret (2)",
            "Enkelte røde flag har kun beskeden",
        ),
        ("en", "Not assessed (22)", "Risk factors not answered (2)", "Single red flags have only modest"),
    ):
        client.get(f"/sprog/{language}/?next=/")
        html = client.post("/nkr-laenderygsmerter/beslutningsstoette/", {}).content.decode()
        assert f"<h4>{flags}</h4>" in html and f"<h4>{factors}</h4>" in html
        assert f'<p class="caveat">{caveat}' in html  # the red flags' caveat in the page's language
