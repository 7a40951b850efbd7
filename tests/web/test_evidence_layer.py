"""Layer 2 shows the computed reading beside the published numbers, the outcome plot and the decision aid."""

import pytest
from django.test import Client

from gradeline.evidence.reading import disagreements
from gradeline.model import Guideline

# Pages carry the account bar and the editions slot, which read the database.
pytestmark = pytest.mark.django_db


def test_every_row_with_data_has_a_reading_beside_the_published_row(
    client: Client, guideline: Guideline
) -> None:
    for rec in guideline.recommendations:
        html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode()
        for outcome in rec.outcomes:
            assert f'id="udfald-{outcome.id}"' in html
            assert (f'id="beregnet-{outcome.id}"' in html) == (outcome.effect is not None), outcome.id


def test_disagreements_are_said_calmly_beside_the_summary(client: Client, guideline: Guideline) -> None:
    found = disagreements(guideline)
    assert found
    for rec_id, rows in found.items():
        html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/").content.decode()
        assert html.count("Den beregnede læsning afviger fra sammenfatningen, som gælder") == len(rows)
        assert "⚠" not in html  # a neutral note, not an alarm


def test_absolute_effects_per_1000_and_per_100(client: Client) -> None:
    per_1000 = client.get("/nkr-laenderygsmerter/anbefalinger/patientuddannelse/").content.decode()
    per_100 = client.get("/nkr-laenderygsmerter/anbefalinger/patientuddannelse/?per=100").content.decode()
    assert "172 færre per 1.000 (263 færre til 43 færre)" in per_1000
    assert "17.2 færre per 100" in per_100  # decimal point, as the guideline prints its numbers
    assert "172 færre per 1.000 (CI 95% 263 færre — 43 færre)" in per_100  # the published text stays


def test_outcome_plot_with_text_alternative_in_english(client: Client) -> None:
    client.cookies["gradeline_language"] = "en"
    html = client.get("/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/").content.decode()
    assert 'id="udfaldsfigur"' in html and "<svg" in html and "The figure in words" in html
    assert "In plain language" in html


@pytest.mark.parametrize("language", ["da", "en"])
def test_decision_aid_page_and_pdf(client: Client, guideline: Guideline, language: str) -> None:
    client.cookies["gradeline_language"] = language
    for rec in guideline.recommendations:
        response = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/beslutningshjaelp/")
        assert response.status_code == 200
        assert 'id="not-in-force"' in response.content.decode()
    pdf = client.get("/nkr-laenderygsmerter/anbefalinger/paracetamol/beslutningshjaelp/pdf/")
    assert pdf.content.startswith(b"%PDF")
    assert client.get("/nkr-laenderygsmerter/anbefalinger/nope/beslutningshjaelp/").status_code == 404
