"""GRADE's fixed vocabulary as language-neutral codes, with their labels in each language.

A pack stores codes (certainty ``low``, importance ``critical``, change ``lower``); every renderer shows the
label in the page's language. The labels are built in (they are GRADE's words, not a guideline's): Danish as
the Danish national clinical guidelines print them, English as GRADEpro prints them. A language without
labels here falls back to English.
"""

from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import Annotated, Literal

from pydantic import BeforeValidator

DEFAULT_LANGUAGE = "en"


class Certainty(StrEnum):
    """GRADE certainty of evidence."""

    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    VERY_LOW = "very_low"


class Importance(StrEnum):
    """GRADE importance of an outcome: 7–9 critical, 4–6 important, 1–3 not important."""

    CRITICAL = "critical"
    IMPORTANT = "important"
    NOT_IMPORTANT = "not_important"


# The direction of a printed difference: 'MD 0.56 lower', '172 fewer per 1,000'.
ChangeWord = Literal["lower", "higher", "fewer", "more"]
CHANGE_WORDS: tuple[ChangeWord, ...] = ("lower", "higher", "fewer", "more")
NEGATIVE_WORDS: frozenset[str] = frozenset({"lower", "fewer"})

LABELS: dict[str, dict[str, str]] = {
    "da": {
        "certainty.high": "Høj",
        "certainty.moderate": "Moderat",
        "certainty.low": "Lav",
        "certainty.very_low": "Meget lav",
        "importance.critical": "Kritisk",
        "importance.important": "Vigtig",
        "importance.not_important": "Ikke vigtig",
        "change.lower": "lavere",
        "change.higher": "højere",
        "change.fewer": "færre",
        "change.more": "flere",
    },
    "en": {
        "certainty.high": "High",
        "certainty.moderate": "Moderate",
        "certainty.low": "Low",
        "certainty.very_low": "Very low",
        "importance.critical": "Critical",
        "importance.important": "Important",
        "importance.not_important": "Not important",
        "change.lower": "lower",
        "change.higher": "higher",
        "change.fewer": "fewer",
        "change.more": "more",
    },
}
# How a count is grouped into thousands ('1.000' in Danish, '1,000' in English).
THOUSANDS_SEPARATOR: dict[str, str] = {"da": ".", "en": ","}
CERTAINTY_LEVEL: dict[Certainty, int] = {
    Certainty.VERY_LOW: 1,
    Certainty.LOW: 2,
    Certainty.MODERATE: 3,
    Certainty.HIGH: 4,
}


def legacy_code(kind: str, value: object) -> object:
    """A printed label where a code belongs ('Lav', 'færre': packs and stored editions before the codes) read
    as its code; anything else unchanged (for the model to validate)."""
    if isinstance(value, str):
        for labels in LABELS.values():
            for key, label in labels.items():
                if key.startswith(f"{kind}.") and label == value:
                    return key.removeprefix(f"{kind}.")
    return value


# Field types that store the code and also read a legacy label as its code.
CertaintyCode = Annotated[Certainty, BeforeValidator(partial(legacy_code, "certainty"))]
ImportanceCode = Annotated[Importance, BeforeValidator(partial(legacy_code, "importance"))]
ChangeCode = Annotated[ChangeWord, BeforeValidator(partial(legacy_code, "change"))]


def _labels(language: str) -> dict[str, str]:
    return LABELS.get(language[:2], LABELS[DEFAULT_LANGUAGE])


def certainty_label(value: Certainty | str, language: str) -> str:
    """'Lav' (da) / 'Low' (en) for ``low``."""
    return _labels(language)[f"certainty.{Certainty(value).value}"]


def importance_label(value: Importance | str, language: str) -> str:
    """'Kritisk' (da) / 'Critical' (en) for ``critical``."""
    return _labels(language)[f"importance.{Importance(value).value}"]


def change_label(code: str, language: str) -> str:
    """'lavere' (da) / 'lower' (en) for ``lower``."""
    if code not in CHANGE_WORDS:
        raise ValueError(f"{code!r} is not a change word ({', '.join(CHANGE_WORDS)})")
    return _labels(language)[f"change.{code}"]


def change_code(word: str) -> ChangeWord | None:
    """The code of a printed direction word in any known language ('færre' → ``fewer``); None if unknown."""
    for labels in LABELS.values():
        for key, label in labels.items():
            if key.startswith("change.") and label == word:
                code = key.removeprefix("change.")
                return next(c for c in CHANGE_WORDS if c == code)
    return None


def change_words() -> list[str]:
    """Every printed direction word of every known language, longest first (for tokenizing texts)."""
    words = {v for labels in LABELS.values() for k, v in labels.items() if k.startswith("change.")}
    return sorted(words, key=len, reverse=True)


def count(value: int | Decimal, language: str) -> str:
    """A whole number grouped in thousands as the language prints it: '1.000' (da), '1,000' (en)."""
    return f"{int(value):,d}".replace(",", THOUSANDS_SEPARATOR.get(language[:2], ","))


def per_label(per: int, language: str) -> str:
    """'per 1.000' (da) / 'per 1,000' (en)."""
    return f"per {count(per, language)}"


def per_phrases(per: int) -> list[str]:
    """Every way a 'per N' denominator is printed in a known language, plus the plain 'per 1000'."""
    return sorted({per_label(per, lang) for lang in LABELS} | {f"per {per}"}, key=len, reverse=True)
