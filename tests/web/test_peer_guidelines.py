"""Other guidelines beside this one: a separate, dated panel per recommendation with each peer's direction,
population and citation from the pack, in both languages and in the API; never inside the guideline's text."""

import pytest
from django.test import Client
from django.utils.html import escape

from gradeline.content.peers import PeerDirection, cached_peers
from gradeline.model import Guideline

pytestmark = pytest.mark.django_db


def panel(client: Client, rec_id: str) -> str:
    html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec_id}/").content.decode()
    start = html.index('<section id="andre-retningslinjer"')
    return html[start : html.index("</section>", start)]


def test_every_recommendation_has_a_dated_panel_with_each_peer_and_its_citation(
    client: Client, guideline: Guideline
) -> None:
    peers = cached_peers()
    assert peers is not None
    for rec in guideline.recommendations:
        block = panel(client, rec.id)
        assert "Sammenstillet" in block and str(peers.compiled.year) in block
        for peer, position in peers.for_recommendation(rec.id):
            assert peer.name in block and escape(position.text) in block, (rec.id, peer.id)
            assert peer.citation.split()[0] in block
            if peer.caveat:
                assert escape(peer.caveat) in block  # e.g. WHO 2023: another population


def test_the_panel_is_outside_the_guideline_s_own_text(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/anbefalinger/akupunktur/").content.decode()
    hero = html[
        html.index('<header class="rec-hero"') : html.index(
            "</header>", html.index('<header class="rec-hero"')
        )
    ]
    assert "NICE" not in hero and "WHO" not in hero
    assert html.index('id="andre-retningslinjer"') > html.index('id="referencer"')


def test_the_panel_in_english(client: Client) -> None:
    client.cookies["gradeline_language"] = "en"
    peers = cached_peers()
    assert peers is not None
    block = panel(client, "nsaid")
    assert "Other guidelines" in block and "Compiled" in block
    for peer, position in peers.for_recommendation("nsaid"):
        assert escape(position.text_en) in block and escape(peer.population_en) in block


def test_unconfirmed_positions_are_said_to_be_unconfirmed(client: Client) -> None:
    peers = cached_peers()
    assert peers is not None
    for rec_id, by_peer in peers.positions.items():
        for peer_id, position in by_peer.items():
            if position.direction is PeerDirection.NOT_CONFIRMED:
                assert "Ikke bekræftet" in panel(client, rec_id), (rec_id, peer_id)


def test_the_api_gives_the_peers_of_a_recommendation(client: Client, guideline: Guideline) -> None:
    peers = cached_peers()
    assert peers is not None
    for rec in guideline.recommendations:
        body = client.get(f"/nkr-laenderygsmerter/api/recommendations/{rec.id}/peers").json()
        assert body["recommendation"] == rec.id and body["sources"]
        assert {p["guideline"]["id"] for p in body["peers"]} == set(
            (cached_peers() or None).positions[rec.id]
        )  # type: ignore[union-attr]
    missing = client.get("/nkr-laenderygsmerter/api/recommendations/ingen-saadan/peers")
    assert missing.status_code == 404 and "detail" in missing.json()


def test_layer_1_offers_the_panel_as_a_tab(client: Client, guideline: Guideline) -> None:
    html = client.get("/nkr-laenderygsmerter/").content.decode()
    for rec in guideline.recommendations:
        assert (
            f'href="/nkr-laenderygsmerter/anbefalinger/{rec.id}/#andre-retningslinjer" '
            'data-section="andre-retningslinjer"' in html
        )
