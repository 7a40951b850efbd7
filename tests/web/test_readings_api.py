"""``GET /api/recommendations/{id}/readings``: in OpenAPI, 404 with a message, readings with units."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_readings_are_in_the_openapi_document(client: Client) -> None:
    spec = client.get("/nkr-laenderygsmerter/api/openapi.json").json()
    operation = spec["paths"]["/nkr-laenderygsmerter/api/recommendations/{rec_id}/readings"]["get"]
    assert "evidence" in operation["tags"] and "404" in operation["responses"]
    assert "RowReadingOut" in spec["components"]["schemas"]


def test_unknown_recommendation_is_a_404_with_a_sentence(client: Client) -> None:
    response = client.get("/nkr-laenderygsmerter/api/recommendations/nope/readings")
    assert response.status_code == 404
    assert response.json() == {"detail": "No recommendation with id 'nope'.", "errors": []}


def test_a_reading_carries_judgement_computed_values_threshold_and_errata(client: Client) -> None:
    rows = {
        r["outcome_id"]: r
        for r in client.get("/nkr-laenderygsmerter/api/recommendations/akupunktur/readings").json()
    }
    assert len(rows) == 10
    pain = rows["smerteniveau-0-12-uger"]
    assert pain["judgement"]["finding"] == "not_relevant_favours_intervention"
    assert pain["judgement"]["seed_line"] == 3432 and pain["judgement"]["quote"]["da"].startswith(
        "Der blev fundet"
    )
    computed = pain["computed"]
    assert computed["threshold"] == {
        "value": 15.0,
        "kind": "mcid",
        "external": False,
        "source": {
            "da": "mod retningslinjens mindste klinisk relevante forskel ±15, afsnit 3",
            "en": "against the guideline's minimal clinically relevant difference ±15, section 3",
        },
    }
    assert computed["natural"]["unit"] == {"da": "point", "en": "points"}
    assert computed["relevance"]["value"] == "relevant_benefit_possible"
    assert pain["statement"]["en"].startswith(
        "The guideline found a difference in pain in favour of acupuncture"
    )
    function = rows["rygsmerterelateret-funktionsevne-0-12-maaneder"]
    assert function["time_frame"] == "0-12 måneder" and "GL014" in function["errata"]
    no_data = rows["frafald-pga-bivirkninger-efter-endt-intervention"]
    assert no_data["computed"] is None and no_data["no_data"].startswith("Vi fandt ingen studier")


def test_certainty_and_importance_are_codes_with_the_printed_label_in_both_languages(client: Client) -> None:
    response = client.get("/nkr-laenderygsmerter/api/recommendations/akupunktur/readings")
    rows = {r["outcome_id"]: r for r in response.json()}
    pain = rows["smerteniveau-0-12-uger"]
    assert (pain["certainty"], pain["importance_label"]) == ("low", "critical")
    assert pain["certainty_text"] == {"da": "Lav", "en": "Low"}
    assert pain["importance_text"] == {"da": "Kritisk", "en": "Critical"}
