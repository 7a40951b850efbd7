"""Which texts of a pack are Danish prose to translate, and where they are (their locations).

A location mirrors the source file: ``recommendations/<id>/<key path in the recommendation YAML>``, where
list items are numbered from 0 except items with an ``id`` (outcomes, strength levels) or a ``term``
(glossary entries), which are named by it; ``chapters/<slug>/title`` and ``chapters/<slug>/blocks/<i>`` (the
Markdown body split on blank lines); ``glossary/<term>/term|definition``; ``errata/<i>/explanation``;
``guideline/title``, ``status/...`` and ``strength_levels/...`` from guideline.yaml.

The same walk lists the Danish sources (for coverage) and swaps in their translations (for an edition in
another language), so the two cannot disagree.
"""

import re
from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Any

# Keys whose values are ids, codes, numbers as published, references or names printed in English.
NOT_PROSE = frozenset(
    {
        "id", "seed_lines", "name_en", "effect", "absolute", "systematic_review", "included_studies",
        "colour", "colour_hex", "icon", "wording_patterns", "code", "location", "provenance", "aliases",
        "slug",
    }
)  # fmt: skip
# Keys whose single values are enumerations the model validates (key_info's certainty paragraphs are prose).
ENUMERATIONS = frozenset(
    {"strength", "direction", "importance_label", "certainty", "overall_certainty", "better", "measure"}
)
# The parts of guideline.yaml the pages show as prose (the rest is computable scope, MCIDs and metadata).
GUIDELINE_PROSE = (
    "status/label",
    "status/note",
    "strength_levels/*/label",
    "strength_levels/*/heading",
    "strength_levels/*/description_reading_guide",
)
_WORD = re.compile(r"[a-zæøå]{2,}")
_BLOCK_SPLIT = re.compile(r"\n\s*\n")

Lookup = Callable[[str, str], str | None]  # (location, Danish text) -> translation or None


# The words MAGICapp prints around the numbers of an effect ("MD 0.07 lavere", "Relative risiko 0.8",
# "12 færre per 1.000"); an edition in another language prints the same numbers with its own words.
PRINTED_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "Relative risiko": "Relative risk",
        "lavere": "lower",
        "højere": "higher",
        "færre": "fewer",
        "flere": "more",
        "per 1.000": "per 1,000",
        "CI 95%": "95% CI",
    }
}


def printed_effect(text: str, language: str) -> str:
    """A published effect ('MD 0.07 lavere (CI 95% 0.92 lavere — 0.78 højere)') in a language's words;
    the numbers stay exactly as printed."""
    words = PRINTED_WORDS.get(language, {})
    if not words:
        return text
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return pattern.sub(lambda m: words[m.group(0)], text)


def printed_effects(rec: dict[str, Any], language: str) -> dict[str, Any]:
    """A recommendation's raw data with the effect texts of its outcomes in a language's words."""
    outcomes = []
    for outcome in rec.get("outcomes") or []:
        if isinstance(outcome, dict):
            for key in ("effect", "absolute"):
                part = outcome.get(key)
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    outcome = {**outcome, key: {**part, "text": printed_effect(part["text"], language)}}
        outcomes.append(outcome)
    return {**rec, "outcomes": outcomes}


def is_prose(text: str) -> bool:
    """True for text with words in it (not a bare acronym, number or code such as 'VAS' or '0-12')."""
    return bool(_WORD.search(text))


def _fixed(key: str, value: Any) -> bool:
    return key in NOT_PROSE or (key in ENUMERATIONS and not isinstance(value, list))


def _join(location: str, key: object) -> str:
    return f"{location}/{key}" if location else str(key)


def _item_key(index: int, item: Any) -> str:
    if isinstance(item, dict):
        for name in ("id", "term"):
            if isinstance(item.get(name), str):
                return str(item[name])
    return str(index)


def swap_texts(
    data: Any, location: str, lookup: Lookup, keep: Callable[[str], bool], prose_only: bool = True
) -> Any:
    """A copy of data with each prose string at a kept location replaced by ``lookup`` (when it answers);
    with ``prose_only`` off, also strings without words (acronyms, numbers)."""
    if isinstance(data, dict):
        return {
            key: value
            if _fixed(key, value)
            else swap_texts(value, _join(location, key), lookup, keep, prose_only)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [
            swap_texts(item, _join(location, _item_key(i, item)), lookup, keep, prose_only)
            for i, item in enumerate(data)
        ]
    if isinstance(data, str) and (is_prose(data) or not prose_only) and keep(location):
        return lookup(location, data) or data
    return data


def prose_texts(
    data: Any, location: str, keep: Callable[[str], bool], prose_only: bool = True
) -> list[tuple[str, str]]:
    """Every prose string (or, without ``prose_only``, every string) at a kept location, stripped."""
    found: list[tuple[str, str]] = []

    def collect(where: str, text: str) -> None:
        found.append((where, text.strip()))

    swap_texts(data, location, collect, keep, prose_only)
    return found


def everywhere(location: str) -> bool:
    """Keep every location (recommendations, glossary, errata)."""
    return True


def is_explanation(location: str) -> bool:
    """Keep an erratum's explanation (its code and location are ids)."""
    return location.endswith("/explanation")


def guideline_prose(location: str) -> bool:
    """Keep the prose parts of guideline.yaml."""
    return location in ("guideline/title", "guideline/version") or any(
        fnmatchcase(location, p) for p in GUIDELINE_PROSE
    )


def chapter_blocks(body: str) -> list[str]:
    """A chapter's Markdown body as blocks: split on blank lines, stripped, empty ones dropped."""
    return [block.strip() for block in _BLOCK_SPLIT.split(body) if block.strip()]
