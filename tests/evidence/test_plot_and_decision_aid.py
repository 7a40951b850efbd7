"""Accessible SVG outcome plots and the standalone decision aid for every recommendation."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from gradeline.content.pack import cached_pack
from gradeline.evidence.icons import icon_array_svg
from gradeline.evidence.plot import outcome_plot_svg
from gradeline.publish.decision_aid import render_decision_aid

g = cached_pack()
SVG = "{http://www.w3.org/2000/svg}"
REC_IDS = [r.id for r in g.recommendations]


@pytest.mark.parametrize("rec_id", REC_IDS)
def test_plot_is_wellformed_accessible_svg(rec_id: str) -> None:
    rec = g.recommendation(rec_id)
    root = ET.fromstring(outcome_plot_svg(rec, g, "da"))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert set((root.get("aria-labelledby") or "").split()) == {title.get("id"), desc.get("id")}
    rows = root.findall(f"{SVG}g")
    assert len(rows) == sum(1 for o in rec.outcomes if o.effect is not None)


def test_plot_shows_mcid_band_and_certainty() -> None:
    svg = outcome_plot_svg(g.recommendation("akupunktur"), g, "en")
    assert 'class="band"' in svg and "±15: no clinically relevant difference" in svg
    assert "⊕⊕◯◯ Low certainty" in svg and 'class="null"' in svg


def test_icon_array_fills_whole_and_partial_rows() -> None:
    svg = icon_array_svg(Decimal(307), 1000, "307 of 1,000", "t")
    ET.fromstring(svg)
    assert 'height="49"' in svg  # 7 full rows of 40 at 7 px
    assert 'width="189"' in svg  # 27 more icons in the 8th row


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("rec_id", REC_IDS)
def test_decision_aid_renders_with_not_in_force_notice(rec_id: str, lang: str) -> None:
    html = render_decision_aid(g.recommendation(rec_id), g, lang)  # type: ignore[arg-type]
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert 'id="not-in-force"' in html
    assert ("Ikke gældende" if lang == "da" else "Not in force") in html
    assert "@page { size: A4" in html and 'name="viewport"' in html
    assert "<svg" in html and "Santesso" in html
    assert len(re.findall(r'id="([^"]+)"', html)) == len(set(re.findall(r'id="([^"]+)"', html)))


def test_decision_aid_quotes_practical_advice_and_shows_icon_arrays() -> None:
    rec = g.recommendation("paracetamol")
    html = render_decision_aid(rec, g, "da")
    assert rec.pico.intervention in html
    assert "Behandling med paracetamol bør kun ordineres for en kortere periode" in html
    assert html.count('class="icon-array"') == 4
    assert "0 færre per 1.000 (6 færre til 19 flere)" in html
