"""The quick guide a GP pins on the wall (two A4 pages, no blank half) and a full PDF without near-empty
pages whose contents list every section."""

import io
import re

import pytest
from pypdf import PdfReader

from gradeline.content.pack import DEFAULT_PACK
from gradeline.decide.rules import RedFlagRules, load_rules
from gradeline.model import Guideline
from gradeline.publish.pdf import first_sentence, render_guideline_pdf, render_quickguide_pdf

SITE = "https://retningslinjer.example.dk/"


def texts(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", " ", (p.extract_text() or "").replace("\u00ad", ""))
        for p in PdfReader(io.BytesIO(data)).pages
    ]


@pytest.fixture(scope="module")
def red_flags() -> RedFlagRules:
    return load_rules(DEFAULT_PACK).red_flags


@pytest.fixture(scope="module")
def quick(guideline: Guideline, red_flags: RedFlagRules) -> list[str]:
    return texts(render_quickguide_pdf(guideline, None, red_flags, SITE))


def test_page_1_has_all_ten_recommendations_with_strength_and_a_line_of_advice(
    quick: list[str], guideline: Guideline
) -> None:
    assert len(quick) == 2
    for rec in guideline.recommendations:
        assert rec.title in quick[0] and rec.label in quick[0], rec.id
        if rec.practical_advice:
            assert re.sub(r"\s+", " ", first_sentence(rec.practical_advice[0]))[:60] in quick[0], rec.id


def test_page_2_has_the_red_flags_with_what_to_do_and_where_to_read_more(
    quick: list[str], red_flags: RedFlagRules
) -> None:
    for group in red_flags.groups:
        assert group.name in quick[1], group.id
        assert re.sub(r"\s+", " ", group.action)[:50] in quick[1], group.id
    assert "Læs mere" in quick[1] and SITE in quick[1]
    assert len(quick[1].split()) > 300  # a full page, not a blank half


def test_first_sentence_is_verbatim() -> None:
    assert first_sentence("Gør A. Gør så B.") == "Gør A."
    assert first_sentence("Kun én sætning uden punktum") == "Kun én sætning uden punktum"
    assert first_sentence("Fx. 5 mg i 3 dage. Derefter pause.") == "Fx. 5 mg i 3 dage."


def test_full_pdf_has_no_near_empty_page_and_lists_the_glossary(guideline: Guideline) -> None:
    pages = texts(render_guideline_pdf(guideline))
    margins = 30  # the status, code, title and page number every page carries
    assert all(len(page.split()) > margins + 40 for page in pages[1:]), [
        i + 1 for i, page in enumerate(pages) if len(page.split()) <= margins + 40
    ]
    assert re.search(r"Forkortelser og begreber \.+ ?\d+", " ".join(pages[1:3]))
    assert guideline.glossary[0].term in pages[-1] or guideline.glossary[-1].term in pages[-1]
