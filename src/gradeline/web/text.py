"""Text helpers shared by search, anchors and glossary: accent folding and slugs."""

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_LOOSE = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ß": "ss"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold_char(char: str, loose: bool = False) -> str:
    """One character folded: lower case, æ/ø/å spelled ae/oe/aa (``loose``: a/o/a), other accents dropped."""
    lowered = char.lower().translate(_LOOSE if loose else _DANISH)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str, loose: bool = False) -> str:
    """Text folded for accent- and case-insensitive matching: 'Færdig' and 'faerdig' agree; loosely
    folded, 'Røntgen' and 'rontgen' agree."""
    return "".join(fold_char(c, loose) for c in text)


def fold_with_positions(text: str, loose: bool = False) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original character."""
    parts: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char, loose)
        parts.append(folded)
        positions.extend([index] * len(folded))
    return "".join(parts), positions


def slug(text: str) -> str:
    """A URL fragment for a heading or term: 'Søgebeskrivelse' -> 'soegebeskrivelse'."""
    return _NON_SLUG.sub("-", fold(text)).strip("-") or "afsnit"
