"""The full guideline and the quick guide as PDF: page counts, every recommendation, status on every page."""

import io
import re
from pathlib import Path

import pytest
import typer
from pypdf import PdfReader
from typer.testing import CliRunner

from gradeline.model import Guideline
from gradeline.publish.cli import export_quickguide
from gradeline.publish.pdf import render_guideline_pdf, render_quickguide_pdf


def normalise(text: str) -> str:
    """Join hyphenated line breaks and collapse white space, for comparing extracted PDF text."""
    text = text.replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def pages(data: bytes) -> list[str]:
    return [normalise(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def quickguide(guideline: Guideline) -> bytes:
    return render_quickguide_pdf(guideline)


@pytest.fixture(scope="module")
def full(guideline: Guideline) -> bytes:
    return render_guideline_pdf(guideline)


def test_quick_guide_is_one_or_two_a4_pages_with_every_recommendation(
    quickguide: bytes, guideline: Guideline
) -> None:
    reader = PdfReader(io.BytesIO(quickguide))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points
    text = " ".join(pages(quickguide))
    for rec in guideline.recommendations:
        assert normalise(rec.text) in text, rec.id
        assert rec.label in text, rec.id
    assert all(guideline.status.label.upper() in page for page in pages(quickguide))
    assert "Meget lav" in text and "Moderat" in text


def test_full_guideline_has_contents_page_numbers_evidence_and_status_on_every_page(
    full: bytes, guideline: Guideline
) -> None:
    texts = pages(full)
    assert len(texts) > 20
    status = guideline.status.label.upper()
    for number, page in enumerate(texts, start=1):
        assert status in page, number
        assert f"Side {number} af {len(texts)}" in page, number
    assert "Indhold" in texts[1] and re.search(r"3\. Vanlig aktivitet \.+ ?\d+", texts[1])
    everything = " ".join(texts)
    for rec in guideline.recommendations:
        assert normalise(rec.text) in everything, rec.id
        for outcome in rec.outcomes:
            if outcome.effect:
                assert normalise(outcome.effect.text) in everything, (rec.id, outcome.id)
    for chapter in guideline.chapters:
        assert f"{chapter.number}. {chapter.title}" in everything


def test_export_quickguide_command_writes_the_file(tmp_path: Path) -> None:
    app = typer.Typer()
    app.command()(export_quickguide)
    target = tmp_path / "hurtigguide.pdf"
    result = CliRunner().invoke(app, ["--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(b"%PDF") and str(target) in result.output
