"""Numbers and effects as text in Danish or English (decimal comma and '1.000' in Danish)."""

from __future__ import annotations

from decimal import Decimal

from gradeline.evidence.absolute import AbsoluteEffectEstimate
from gradeline.evidence.data import Lang
from gradeline.model.outcome import Certainty

FEWER_MORE: dict[Lang, tuple[str, str]] = {"da": ("færre", "flere"), "en": ("fewer", "more")}
LOWER_HIGHER: dict[Lang, tuple[str, str]] = {"da": ("lavere", "højere"), "en": ("lower", "higher")}
TO: dict[Lang, str] = {"da": "til", "en": "to"}
CERTAINTY_NAMES: dict[Certainty, tuple[str, str, int]] = {
    Certainty.HIGH: ("Høj", "High", 4),
    Certainty.MODERATE: ("Moderat", "Moderate", 3),
    Certainty.LOW: ("Lav", "Low", 2),
    Certainty.VERY_LOW: ("Meget lav", "Very low", 1),
}


def number(value: Decimal | float, lang: Lang, places: int | None = None) -> str:
    """A number written as the guideline prints its numbers (decimal point, comma for thousands) in both
    languages, so computed and published numbers read alike on one page; ``places`` fixes the decimals,
    else as given/2 at most. ``lang`` is kept for callers; it does not change the separators."""
    dec = value if isinstance(value, Decimal) else Decimal(repr(value))
    if places is not None:
        dec = dec.quantize(Decimal(1).scaleb(-places))
    elif isinstance(value, float):
        dec = dec.quantize(Decimal("0.01")).normalize()
    if dec == 0:
        dec = abs(dec)
    del lang
    return f"{dec:,f}"


def denominator(per: int, lang: Lang) -> str:
    """'1.000' / '1,000': a denominator as the guideline prints it ('per 1.000', '8 ud af 1.000')."""
    text = number(Decimal(per), lang)
    return text.replace(",", ".") if lang == "da" else text


def per_label(per: int, lang: Lang) -> str:
    """'per 1.000' / 'per 1,000'."""
    return f"per {denominator(per, lang)}"


def signed_count(value: Decimal, exact: float, lang: Lang) -> str:
    """'172 færre' / '19 more': magnitude with a direction word (the sign of the unrounded value)."""
    fewer, more = FEWER_MORE[lang]
    return f"{number(abs(value), lang)} {fewer if exact < 0 else more}"


def absolute_text(effect: AbsoluteEffectEstimate, lang: Lang) -> str:
    """'0 færre per 1.000 (6 færre til 19 flere)', GRADE's display of a risk difference."""
    point = signed_count(effect.difference, effect.difference_exact, lang)
    low = signed_count(effect.difference_low, effect.difference_low_exact, lang)
    high = signed_count(effect.difference_high, effect.difference_high_exact, lang)
    return f"{point} {per_label(effect.per, lang)} ({low} {TO[lang]} {high})"


def certainty_name(certainty: Certainty, lang: Lang) -> str:
    """'Lav' / 'Low'."""
    da, en, _ = CERTAINTY_NAMES[certainty]
    return da if lang == "da" else en


def certainty_symbols(certainty: Certainty) -> str:
    """GRADE's circles: ⊕⊕◯◯ for low."""
    filled = CERTAINTY_NAMES[certainty][2]
    return "⊕" * filled + "◯" * (4 - filled)
