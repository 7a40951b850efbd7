"""Search finds what clinicians type: lay words and drug names from the pack's synonym table, words without
Danish letters, small typos; recommendations come first and a recommendation's outcome rows sit under it."""

import re

import pytest
from django.test import Client

from gradeline.content.synonyms import cached_synonyms
from gradeline.model import Guideline

pytestmark = pytest.mark.django_db


def titles(client: Client, query: str) -> list[str]:
    html = client.get("/nkr-laenderygsmerter/soeg/", {"q": query}).content.decode()
    return re.findall(r'<h2 class="result-title"><a href="([^"#]+)#?[^"]*"', html)


def recommendation_links(client: Client, query: str) -> list[str]:
    return [link for link in titles(client, query) if link.startswith("/nkr-laenderygsmerter/anbefalinger/")]


def test_every_synonym_group_finds_something_in_danish_and_english(client: Client) -> None:
    for language in ("da", "en"):
        client.cookies["gradeline_language"] = language
        for group in cached_synonyms().groups:
            for term in group.terms:
                assert titles(client, term), (language, group.id, term)


@pytest.mark.parametrize(
    ("query", "recommendations"),
    [
        ("smertestillende", {"paracetamol", "opioider", "nsaid"}),
        ("painkillers", {"paracetamol", "opioider", "nsaid"}),
        ("ibuprofen", {"nsaid"}),
        ("tramadol", {"opioider"}),
        ("rontgen", {"billeddiagnostik"}),
        ("x-ray", {"billeddiagnostik"}),
        ("MR", {"billeddiagnostik"}),
        ("scanning", {"billeddiagnostik"}),
        ("kiropraktik", {"ledmobilisering"}),
        ("sengeleje", {"vanlig-aktivitet"}),
    ],
)
def test_lay_words_and_drug_names_find_their_recommendations_first(
    client: Client, query: str, recommendations: set[str]
) -> None:
    links = titles(client, query)
    first = {link.split("/")[3] for link in links[: len(recommendations)]}
    assert first == recommendations, links


def test_red_flags_are_found_in_danish_and_english(client: Client) -> None:
    for query in ("røde flag", "rode flag", "red flags"):
        assert any(
            link.startswith("/nkr-laenderygsmerter/beslutningsstoette/") for link in titles(client, query)
        ), query


def test_ondt_i_ryggen_finds_the_guideline_s_recommendations(client: Client, guideline: Guideline) -> None:
    links = recommendation_links(client, "ondt i ryggen")
    assert len(set(links)) >= len(guideline.recommendations) // 2


def test_a_small_typo_still_finds_the_recommendation(client: Client) -> None:
    for typo, rec_id in (
        ("paracetamoll", "paracetamol"),
        ("akupunkture", "akupunktur"),
        ("billediagnostik", "billeddiagnostik"),
    ):
        assert recommendation_links(client, typo)[:1] == [f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/"], (
            typo
        )


def test_each_recommendation_appears_once_with_its_outcome_rows_under_it(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/soeg/", {"q": "smerte"}).content.decode()
    links = titles(client, "smerte")
    recs = [link for link in links if link.startswith("/nkr-laenderygsmerter/anbefalinger/")]
    assert recs and len(recs) == len(set(recs))  # no repeated titles
    assert re.search(r'class="result-more".*?#udfald-', html, re.S)


def test_the_match_is_highlighted_also_when_found_through_a_synonym(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/soeg/", {"q": "smertestillende"}).content.decode()
    marked = {m.lower() for m in re.findall(r"<mark>([^<]+)</mark>", html)}
    assert {"paracetamol", "nsaid"} & marked or any("opioid" in m for m in marked)
