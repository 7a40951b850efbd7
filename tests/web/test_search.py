"""Search: accent-insensitive, linking to anchors, and a clear message for queries it cannot use."""

import re

import pytest
from django.test import Client

from gradeline.web.reading.search import MAX_QUERY_LENGTH, QueryError, parse_query
from gradeline.web.text import fold

pytestmark = pytest.mark.django_db  # result pages fill their slots from the database


def test_folding_spells_danish_letters_out() -> None:
    assert fold("Lænderygsmerter på Ærø") == "laenderygsmerter paa aeroe"
    assert fold("Læsevejledning") == fold("laesevejledning")
    assert fold("Café") == "cafe"


@pytest.mark.parametrize("raw", ["x" * (MAX_QUERY_LENGTH + 1), "smerte\x00", "!!! ???"])
def test_unusable_queries_raise_a_reader_facing_error(raw: str) -> None:
    with pytest.raises(QueryError):
        parse_query(raw)


def hrefs(html: str) -> list[str]:
    return re.findall(r'<h2 class="result-title"><a href="([^"]+)"', html)


def test_query_with_or_without_danish_letters_finds_the_same(client: Client) -> None:
    with_letters = hrefs(
        client.get("/nkr-laenderygsmerter/soeg/", {"q": "lænderyg sengeleje"}).content.decode()
    )
    spelled_out = hrefs(
        client.get("/nkr-laenderygsmerter/soeg/", {"q": "laenderyg sengeleje"}).content.decode()
    )
    assert with_letters and with_letters == spelled_out
    assert with_letters[0] == "/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/#anbefaling"


def test_results_link_to_anchors_that_exist(client: Client) -> None:
    for query in ("fear avoidance", "Malmivaara", "NRS", "røntgen", "implementering"):
        links = hrefs(client.get("/nkr-laenderygsmerter/soeg/", {"q": query}).content.decode())
        assert links, query
        for link in links[:8]:
            path, _, anchor = link.partition("#")
            html = client.get(path).content.decode()
            assert not anchor or f'id="{anchor}"' in html, link


def test_outcome_rows_are_found(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/soeg/", {"q": "sygefravaer tid tilbage"}).content.decode()
    results = html[html.index('<ol class="results">') :]
    assert re.search(r'<a href="/nkr-laenderygsmerter/anbefalinger/[a-z-]+/#udfald-', results)


@pytest.mark.parametrize(
    "query_string", ["q=" + "x" * 500, "q=a%00b", "q=%25%25%25", "q=%ff%fe", "q=%ED%A0%80"]
)
def test_malformed_queries_get_a_message_not_an_error(client: Client, query_string: str) -> None:
    response = client.get(f"/nkr-laenderygsmerter/soeg/?{query_string}")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_empty_query_shows_the_form(client: Client) -> None:
    response = client.get("/nkr-laenderygsmerter/soeg/?q=")
    assert response.status_code == 200 and 'id="q"' in response.content.decode()
