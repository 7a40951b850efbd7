"""Numbers and effects as text in Danish or English (decimal comma and '1.000' in Danish)."""

from __future__ import annotations

from decimal import Decimal

from gradeline.evidence.absolute import AbsoluteEffectEstimate
from gradeline.evidence.data import Lang
from gradeline.model.vocabulary import CERTAINTY_LEVEL, Certainty, certainty_label, change_label
from gradeline.model.vocabulary import per_label as vocabulary_per_label

FEWER_MORE: dict[Lang, tuple[str, str]] = {
    lang: (change_label("fewer", lang), change_label("more", lang)) for lang in ("da", "en")
}
LOWER_HIGHER: dict[Lang, tuple[str, str]] = {
    lang: (change_label("lower", lang), change_label("higher", lang)) for lang in ("da", "en")
}
TO: dict[Lang, str] = {"da": "til", "en": "to"}


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
    return vocabulary_per_label(per, lang)


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
    return certainty_label(certainty, lang)


def certainty_symbols(certainty: Certainty) -> str:
    """GRADE's circles: ⊕⊕◯◯ for low."""
    filled = CERTAINTY_LEVEL[Certainty(certainty)]
    return "⊕" * filled + "◯" * (4 - filled)
