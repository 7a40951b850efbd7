"""English names and cited phrases inside Danish text, marked with their language (``lang="en"``)."""

import re
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape

from gradeline.content.pack import read_yaml
from gradeline.content.packs import pack_or_active

_TAG = re.compile(r"(<[^>]+>)")


def cited_phrases(pack: Path | None = None, lang: str = "en") -> tuple[str, ...]:
    """The phrases in language ``lang`` listed in the pack's ``translations/cited.yaml`` (an entry's ``lang``
    defaults to English: names printed in English inside the Danish text; ``lang: da`` marks Danish proper
    names kept in the English translation). None when there is no such file."""
    return _cited_phrases(pack_or_active(pack), lang)


@lru_cache(maxsize=16)
def _cited_phrases(pack: Path, lang: str) -> tuple[str, ...]:
    path = Path(pack) / "translations" / "cited.yaml"
    items = (read_yaml(path) or []) if path.exists() else []
    return tuple(
        str(item["text"])
        for item in items
        if isinstance(item, dict) and item.get("text") and item.get("lang", "en") == lang
    )


def mark_foreign(html: str, page_language: str) -> str:
    """HTML with the listed phrases of the other language marked (English names on a Danish page, Danish
    proper names on an English page)."""
    other = "da" if page_language.startswith("en") else "en"
    return mark_cited(html, cited_phrases(None, other), lang=other)


def mark_cited(html: str, phrases: tuple[str, ...] | None = None, lang: str = "en") -> str:
    """HTML with each listed phrase, outside tags, wrapped in ``<span lang="en">``."""
    found = phrases if phrases is not None else cited_phrases()
    if not found:
        return html
    pattern = re.compile("|".join(re.escape(str(escape(p))) for p in sorted(found, key=len, reverse=True)))
    parts = _TAG.split(html)
    return "".join(
        part
        if part.startswith("<")
        else pattern.sub(lambda m: f'<span lang="{lang}">{m.group(0)}</span>', part)
        for part in parts
    )
