"""The small errors a first reader found, each fixed where the reader saw it (issue 16, point 8)."""

import re

import pytest
from django.test import Client

from gradeline.evidence.data import Lang
from gradeline.evidence.plot import text_alternative
from gradeline.evidence.reading import recommendation_readings
from gradeline.model import Guideline

pytestmark = pytest.mark.django_db  # layer 2 reads review status and discussion from the database


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("language", "one", "many"), [("da", "studie", "studier"), ("en", "study", "studies")]
)
def test_one_study_is_singular(
    client: Client, guideline: Guideline, language: str, one: str, many: str
) -> None:
    client.cookies["gradeline_language"] = language
    single = [
        (r, o) for r in guideline.recommendations for o in r.outcomes if o.studies == 1 and o.participants
    ]
    assert single, "the pack has outcomes from one study"
    for rec, outcome in single:
        text = _text(client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode())
        assert re.search(rf"\b{outcome.participants} \w+ \w+ 1 {one}\b", text), (rec.id, outcome.id)
        assert not re.search(rf"\b1 {many}\b", text), rec.id


def test_decision_aid_counts_out_of_1_000_the_danish_way(client: Client, guideline: Guideline) -> None:
    pages = [
        _text(client.get(f"/nkr-laenderygsmerter/anbefalinger/{r.id}/beslutningshjaelp/").content.decode())
        for r in guideline.recommendations
    ]
    assert any("ud af 1.000" in page for page in pages)
    assert not any("ud af 1,000" in page for page in pages)


def test_decision_aid_names_the_certainty_once(client: Client, guideline: Guideline) -> None:
    for rec in guideline.recommendations:
        text = _text(
            client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/beslutningshjaelp/").content.decode()
        )
        assert not re.search(r"\b(Høj|Moderat|Lav|Meget lav): \1 sikkerhed", text), rec.id


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_figure_text_never_gives_a_zero_difference_a_direction(guideline: Guideline, lang: Lang) -> None:
    lines = [
        line
        for rec in guideline.recommendations
        for line in text_alternative(recommendation_readings(rec, guideline), lang)
    ]
    zero = [line for line in lines if re.search(r"\bMD 0\b", line)]
    assert zero, "the pack has a published mean difference of 0"
    assert not any(re.search(r"\b0 (lavere|højere|lower|higher)\b", line) for line in lines)


def test_reference_numbers_link_to_what_they_refer_to(client: Client, guideline: Guideline) -> None:
    for rec in guideline.recommendations:
        html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode()
        printed = set(
            re.findall(
                r"\(([1-9]\d{0,2}(?:(?:, ?|-)[1-9]\d{0,2})*)\)",
                " ".join(rec.practical_advice + rec.background),
            )
        )
        for numbers in printed:
            assert f'<a class="ref-number" href="#referencer" aria-label="Reference {numbers} ' in html, (
                rec.id,
                numbers,
            )
        assert 'id="referencer"' in html
        assert (
            '<a class="ref-number" href="#referencer" aria-label="Reference 0' not in html
        )  # scales stay text


def test_phone_cards_hide_an_empty_measurement_cell(client: Client, guideline: Guideline) -> None:
    for rec in guideline.recommendations:
        html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode()
        rows = [o for o in rec.outcomes if not (o.no_data and not o.effect and not o.comparator)]
        empty = [
            o for o in rows if not o.measured_with and not o.scale and o.better not in ("lower", "higher")
        ]
        assert html.count('class="cell-empty"') == len(empty), rec.id


@pytest.mark.parametrize(("language", "status"), [("da", "Ikke gældende"), ("en", "Not in force")])
def test_the_not_in_force_status_is_said_once_per_page(
    client: Client, guideline: Guideline, language: str, status: str
) -> None:
    client.cookies["gradeline_language"] = language
    for url in [
        "/nkr-laenderygsmerter/",
        *[f"/nkr-laenderygsmerter/anbefalinger/{r.id}/" for r in guideline.recommendations],
    ]:
        assert client.get(url).content.decode().count(status) == 1, url


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plot_names_outcomes_as_the_table_does(client: Client, language: str) -> None:
    client.cookies["gradeline_language"] = language
    html = client.get("/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    plotted = re.findall(r'class="name"[^>]*>([^<]*)<', svg)
    table = set(re.findall(r'<span class="outcome-name">([^<]*)</span>', html))
    assert plotted and set(plotted) <= table, (plotted, table)
