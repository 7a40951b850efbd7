"""Numbers as the guideline prints them, direction words, certainty circles and icon arrays, by hand."""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from gradeline.evidence.fmt import (
    certainty_name,
    certainty_symbols,
    denominator,
    number,
    per_label,
    signed_count,
)
from gradeline.evidence.icons import icon_array_svg
from gradeline.model.outcome import Certainty

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Decimal("1234.5"), None, "1,234.5"),  # a comma for thousands, a point for decimals
        (Decimal("0.56"), None, "0.56"),
        (1.23456, None, "1.23"),  # a computed float: two decimals at most
        (2.0, None, "2"),  # ... without trailing zeros
        (1000.0, None, "1,000"),
        (-0.0, None, "0"),  # never "-0"
        (Decimal("-0.00"), None, "0.00"),
        (Decimal("7.92"), 0, "8"),
        (Decimal("19.36"), 1, "19.4"),
        (Decimal("3"), 2, "3.00"),
    ],
)
def test_number(value: Decimal | float, places: int | None, shown: str) -> None:
    assert number(value, "da", places) == shown
    assert number(value, "en", places) == shown


@pytest.mark.parametrize(
    ("per", "lang", "shown"),
    [(1000, "da", "1.000"), (1000, "en", "1,000"), (100, "da", "100"), (100000, "da", "100.000")],
)
def test_denominator(per: int, lang: str, shown: str) -> None:
    assert denominator(per, lang) == shown  # type: ignore[arg-type]


def test_per_label() -> None:
    assert (per_label(1000, "da"), per_label(1000, "en")) == ("per 1.000", "per 1,000")


@pytest.mark.parametrize(
    ("shown", "exact", "lang", "text"),
    [
        (Decimal(-6), -5.68, "da", "6 færre"),
        (Decimal(19), 19.36, "da", "19 flere"),
        (Decimal(-172), -172.44, "en", "172 fewer"),
        (Decimal(0), -0.08, "en", "0 fewer"),  # rounds to 0, but the unrounded value is below 0
        (Decimal(0), 0.3, "en", "0 more"),
    ],
)
def test_signed_count_takes_the_word_from_the_unrounded_value(
    shown: Decimal, exact: float, lang: str, text: str
) -> None:
    assert signed_count(shown, exact, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("certainty", "circles", "da", "en"),
    [
        (Certainty.HIGH, "⊕⊕⊕⊕", "Høj", "High"),
        (Certainty.MODERATE, "⊕⊕⊕◯", "Moderat", "Moderate"),
        (Certainty.LOW, "⊕⊕◯◯", "Lav", "Low"),
        (Certainty.VERY_LOW, "⊕◯◯◯", "Meget lav", "Very low"),
    ],
)
def test_certainty_circles_and_names(certainty: Certainty, circles: str, da: str, en: str) -> None:
    assert certainty_symbols(certainty) == circles
    assert (certainty_name(certainty, "da"), certainty_name(certainty, "en")) == (da, en)


def _rects(svg: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'(\w+)="([^"]*)"', r)) for r in re.findall(r"<rect [^>]*/>", svg)]


def test_37_of_100_fill_three_rows_and_seven_icons() -> None:
    # 100 icons: 10 columns of 14 px, 10 rows: 140 × 140. 37 = 3 whole rows (42 px) + 7 icons (98 px).
    svg = icon_array_svg(Decimal(37), 100, "37 af 100", "u")
    assert 'viewBox="0 0 140 140"' in svg and 'aria-label="37 af 100"' in svg
    assert '<circle cx="7.0" cy="7.0" r="5.04"' in svg  # 14 × 0.36
    assert _rects(svg) == [
        {"width": "140", "height": "140", "fill": "url(#u-off)"},
        {"width": "140", "height": "42", "fill": "url(#u-on)"},
        {"y": "42", "width": "98", "height": "14", "fill": "url(#u-on)"},
    ]
    assert 'id="u-off" width="14" height="14"' in svg and 'id="u-on" width="14" height="14"' in svg
    assert 'fill="#d9d9d9"' in svg and 'fill="#b5472f"' in svg


def test_307_of_1000_use_forty_columns_of_seven_pixels() -> None:
    # 1,000 icons: 40 columns of 7 px, 25 rows: 280 × 175. 307 = 7 rows (49 px) + 27 icons (189 px).
    svg = icon_array_svg(Decimal(307), 1000, "307", "v", colour="#123456")
    assert 'viewBox="0 0 280 175"' in svg and 'r="2.52"' in svg  # 7 × 0.36
    assert _rects(svg)[1:] == [
        {"width": "280", "height": "49", "fill": "url(#v-on)"},
        {"y": "49", "width": "189", "height": "7", "fill": "url(#v-on)"},
    ]
    assert 'fill="#123456"' in svg


@pytest.mark.parametrize(
    ("count", "per", "on"),
    [
        (Decimal(150), 100, [{"width": "140", "height": "140", "fill": "url(#w-on)"}]),  # capped at all
        (Decimal(-3), 100, []),  # a negative count highlights nobody
        (Decimal(0), 100, []),
        (
            Decimal("36.6"),
            100,
            [
                {"width": "140", "height": "42", "fill": "url(#w-on)"},
                {"y": "42", "width": "98", "height": "14", "fill": "url(#w-on)"},
            ],
        ),
        (Decimal(20), 100, [{"width": "140", "height": "28", "fill": "url(#w-on)"}]),  # whole rows only
        (Decimal(4), 100, [{"y": "0", "width": "56", "height": "14", "fill": "url(#w-on)"}]),  # part of a row
    ],
)
def test_counts_are_clamped_and_rounded(count: Decimal, per: int, on: list[dict[str, str]]) -> None:
    assert _rects(icon_array_svg(count, per, "x", "w"))[1:] == on


def test_small_denominators_keep_ten_columns_and_round_rows_up() -> None:
    # 25 icons in rows of 10: 3 rows of 14 px.
    assert 'viewBox="0 0 140 42"' in icon_array_svg(Decimal(5), 25, "x", "s")
    # 101 icons: 40 columns of 7 px, 3 rows.
    assert 'viewBox="0 0 280 21"' in icon_array_svg(Decimal(5), 101, "x", "s")


def test_the_label_is_escaped() -> None:
    svg = icon_array_svg(Decimal(1), 100, "1 < 2 & 3", "e")
    assert 'aria-label="1 &lt; 2 &amp; 3"' in svg and svg.endswith("</svg>")
    assert 'class="icon-array" role="img"' in svg and 'patternUnits="userSpaceOnUse"' in svg


def test_an_icon_array_is_only_shapes_without_stray_text() -> None:
    root = ET.fromstring(icon_array_svg(Decimal(37), 100, "37 af 100", "u"))
    assert "".join(root.itertext()) == ""
    defs = root.find(f"{SVG}defs")
    assert defs is not None and [p.get("id") for p in defs.findall(f"{SVG}pattern")] == ["u-off", "u-on"]
