"""The English quick guide and full PDF: English content, English interface words, the same numbers."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from gradeline.cli import app
from gradeline.content.pack import cached_pack
from gradeline.content.translations import load_translations
from gradeline.publish.pdf import guideline_html, quickguide_html

runner = CliRunner()
DANISH_INTERFACE = ("Hurtigguide", "Anbefaling<", "Tiltro til evidensen", "Side ", "gennemgået", "Udgave")


@pytest.fixture(scope="module")
def english_quickguide() -> str:
    return quickguide_html(cached_pack(language="en"), lang="en")


def test_english_quick_guide_has_english_recommendations_and_interface(english_quickguide: str) -> None:
    en = load_translations()
    for rec in cached_pack().recommendations:
        english = en.get(f"recommendations/{rec.id}/text")
        assert english and english in english_quickguide.replace("&#39;", "'"), rec.id
        assert rec.text not in english_quickguide, rec.id
    assert '<html lang="en">' in english_quickguide
    for word in DANISH_INTERFACE:
        assert word not in english_quickguide, word
    assert (
        "Quick guide" in english_quickguide and "Strength · certainty of the evidence" in english_quickguide
    )


def test_english_full_guideline_prints_effects_with_english_words_and_the_same_numbers() -> None:
    html = guideline_html(cached_pack(language="en"), lang="en")
    assert "MD 0.07 lower (95% CI 0.92 lower — 0.78 higher)" in html  # published: MD 0.07 lavere (…)
    assert "Randomised studies" in html


def test_the_imaging_recommendation_reads_as_weak_in_english(english_quickguide: str) -> None:
    rec = cached_pack(language="en").recommendation("billeddiagnostik")
    assert rec.text.startswith("We suggest not")
    assert cached_pack().recommendation("billeddiagnostik").text.startswith("Tilbyd ikke")  # Danish verbatim


def test_export_quickguide_in_english_writes_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "quick-guide-en.pdf"
    result = runner.invoke(app, ["export", "quickguide", "--lang", "en", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Quick guide" in text and "Page 1 of" in text


def test_an_unknown_language_is_one_sentence(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "pdf", "--lang", "fr", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert "unknown language" in result.stderr
