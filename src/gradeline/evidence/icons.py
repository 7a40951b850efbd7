"""Icon arrays (pictographs) for risks: N of 100 or 1,000 people, as small accessible SVG."""

from __future__ import annotations

from decimal import Decimal
from xml.sax.saxutils import escape


def icon_array_svg(count: Decimal, per: int, label: str, uid: str, colour: str = "#b5472f") -> str:
    """``count`` of ``per`` people highlighted, filled row by row (10 columns for 100, 40 for 1,000).

    Drawn with two dot patterns (grey and coloured) over whole rows plus one partial row, so even a
    1,000-icon array stays a few hundred bytes. ``uid`` keeps pattern ids unique on a page.
    """
    cols = 10 if per <= 100 else 40
    rows = -(-per // cols)
    cell = 14 if per <= 100 else 7
    width, height = cols * cell, rows * cell
    filled = max(0, min(per, int(count.to_integral_value())))
    full, rest = divmod(filled, cols)
    r = cell * 0.36
    dot = f'<circle cx="{cell / 2}" cy="{cell / 2}" r="{r:.2f}"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="icon-array" '
        f'role="img" aria-label="{escape(label)}">',
        "<defs>",
        f'<pattern id="{uid}-off" width="{cell}" height="{cell}" patternUnits="userSpaceOnUse">'
        f'{dot} fill="#d9d9d9"/></pattern>',
        f'<pattern id="{uid}-on" width="{cell}" height="{cell}" patternUnits="userSpaceOnUse">'
        f'{dot} fill="{colour}"/></pattern>',
        "</defs>",
        f'<rect width="{width}" height="{height}" fill="url(#{uid}-off)"/>',
    ]
    if full:
        parts.append(f'<rect width="{width}" height="{full * cell}" fill="url(#{uid}-on)"/>')
    if rest:
        parts.append(f'<rect y="{full * cell}" width="{rest * cell}" height="{cell}" fill="url(#{uid}-on)"/>')
    parts.append("</svg>")
    return "".join(parts)
