"""Every page renders with the status banner; layer 1 and 2 show what the guideline prints."""

import re

import pytest
from django.test import Client

from gradeline.content import pack
from gradeline.content.translations import cached_translations
from gradeline.model import Guideline
from gradeline.web import memo


def page_urls(guideline: Guideline) -> list[str]:
    return [
        "/nkr-laenderygsmerter/",
        *[f"/nkr-laenderygsmerter/anbefalinger/{r.id}/" for r in guideline.recommendations],
        *[f"/nkr-laenderygsmerter/kapitler/{c.slug}/" for c in guideline.chapters],
        "/nkr-laenderygsmerter/ordliste/",
        "/nkr-laenderygsmerter/soeg/",
        "/nkr-laenderygsmerter/soeg/?q=laenderyg",
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_renders_with_the_status_banner(
    client: Client, guideline: Guideline, language: str
) -> None:
    client.cookies["gradeline_language"] = language
    for url in page_urls(guideline):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="status-banner"' in html, url
        assert f'<html lang="{language}">' in html, url
        expected = "Ikke gældende" if language == "da" else "Not in force"
        assert expected in html, url


def test_layer_1_lists_every_recommendation_on_one_line_that_unfolds_into_text_advice_and_tabs(
    client: Client, guideline: Guideline
) -> None:
    html = client.get("/nkr-laenderygsmerter/").content.decode()
    folds = re.findall(r'<details class="rec-fold" id="([a-z0-9-]+)" data-strength="([a-z_]+)">', html)
    assert [f[0] for f in folds] == [r.id for r in guideline.recommendations]
    for rec, (_, level_id) in zip(guideline.recommendations, folds, strict=True):
        level = guideline.strength_level(rec)
        assert level_id == level.id
        fold = html.split(f'id="{rec.id}"', 1)[1].split("</details>", 1)[0]
        summary = fold.split("</summary>", 1)[0]
        assert rec.title in summary and rec.label in summary and level.icon in summary
        assert rec.text.split()[0] in fold and rec.update_note and rec.update_note in fold
        assert 'class="advice"' in fold
        layer_2 = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode()
        tabs = re.findall(
            rf'href="/nkr-laenderygsmerter/anbefalinger/{rec.id}/#([a-z-]+)" data-section="([a-z-]+)"', fold
        )
        assert len(tabs) >= 5
        for anchor, section in tabs:  # every tab falls back to a section that exists on layer 2
            assert anchor == section and f'id="{anchor}"' in layer_2, (rec.id, anchor)
    for level in guideline.strength_levels:  # the legend
        assert level.label in html


def test_layer_2_shows_the_whole_evidence_profile(client: Client, guideline: Guideline) -> None:
    for rec in guideline.recommendations:
        html = client.get(f"/nkr-laenderygsmerter/anbefalinger/{rec.id}/").content.decode()
        assert html.count('class="sof-row"') == len(rec.outcomes), rec.id
        for outcome in rec.outcomes:
            assert f'id="udfald-{outcome.id}"' in html
            if outcome.effect:
                assert outcome.effect.text in html
            for erratum in outcome.errata:
                assert f"Erratum {erratum.code}" in html
        for note in rec.footnotes:
            assert f'id="fodnote-{note.number}"' in html
        for section in (
            "sammenfatning",
            "noegleinformationer",
            "rationale",
            "pico",
            "baggrund",
            "praktiske-raad",
        ):
            assert f'id="{section}"' in html, (rec.id, section)
        assert rec.pico.population in html


def test_numbers_are_shown_as_published_not_localised(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/").content.decode()
    assert "2.81" in html and "2,81" not in html


def test_glossary_terms_are_explained_accessibly(client: Client) -> None:
    html = client.get("/nkr-laenderygsmerter/anbefalinger/billeddiagnostik/").content.decode()
    described = re.findall(r'aria-describedby="(tip-[^"]+)"', html)
    tips = re.findall(r'role="tooltip" id="(tip-[^"]+)"', html)
    assert described and described == tips and len(set(tips)) == len(tips)


def test_unknown_pages_get_a_friendly_404(client: Client) -> None:
    for url in (
        "/findes-ikke/",
        "/nkr-laenderygsmerter/anbefalinger/findes-ikke/",
        "/nkr-laenderygsmerter/kapitler/findes-ikke/",
    ):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Siden findes ikke" in html and 'class="status-banner"' in html


def test_language_switch_is_remembered_and_only_redirects_locally(client: Client) -> None:
    response = client.get("/sprog/en/?next=/nkr-laenderygsmerter/anbefalinger/nsaid/")
    assert response.status_code == 302 and response["Location"] == "/nkr-laenderygsmerter/anbefalinger/nsaid/"
    html = client.get("/nkr-laenderygsmerter/").content.decode()
    assert "Usual activity" in html and "Unofficial translation" in html
    assert client.get("/sprog/da/?next=https://example.org/")["Location"] == "/"
    assert "Vanlig aktivitet" in client.get("/nkr-laenderygsmerter/").content.decode()


def test_untranslated_text_is_shown_in_danish_with_a_note(
    client: Client, guideline: Guideline, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every text the pages look up now has a translation; drop one for this test to see the fallback.
    monkeypatch.delitem(cached_translations().entries, "recommendations/nsaid/practical_advice/0")
    memo.clear()
    pack._cached_pack.cache_clear()  # the English edition is rebuilt without that translation
    try:
        client.cookies["gradeline_language"] = "en"
        html = client.get("/nkr-laenderygsmerter/anbefalinger/nsaid/").content.decode()
    finally:
        memo.clear()
        pack._cached_pack.cache_clear()
    rec = guideline.recommendation("nsaid")
    assert rec.practical_advice[0][:40] in html
    assert '<span lang="da" data-untranslated>' in html and "only in Danish, not translated" in html
