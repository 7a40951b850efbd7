"""Unofficial translations of a pack's content (``translations/<lang>.yaml``), keyed by location.

The YAML file is a nested mapping; a location is the path of keys joined by ``/`` (list items by their
index), e.g. ``recommendations/vanlig-aktivitet/text`` or ``recommendations/nsaid/practical_advice/0``.
A text without a translation has no entry: callers show the Danish original with a note.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gradeline.content.errors import PackError
from gradeline.content.pack import DEFAULT_PACK, read_yaml


@dataclass(frozen=True)
class Translations:
    """The translated texts of one language, by location."""

    language: str
    note: str = ""
    entries: Mapping[str, str] = field(default_factory=dict)

    def get(self, location: str) -> str | None:
        """The translation at a location, or None when there is none."""
        return self.entries.get(location)

    def __len__(self) -> int:
        return len(self.entries)


def _flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from _flatten(value, f"{prefix}{key}/")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _flatten(value, f"{prefix}{index}/")
    elif data is not None:
        yield prefix.rstrip("/"), str(data).strip()


def load_translations(pack: Path = DEFAULT_PACK, language: str = "en") -> Translations:
    """Read ``translations/<language>.yaml``; an absent file gives empty translations."""
    path = Path(pack) / "translations" / f"{language}.yaml"
    if not path.exists():
        return Translations(language=language)
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise PackError(f"{path}: must be a mapping of locations to texts")
    note = str(data.pop("note", "") or "").strip()
    entries = {location: text for location, text in _flatten(data) if text}
    return Translations(language=language, note=note, entries=entries)


@lru_cache(maxsize=8)
def cached_translations(pack: Path = DEFAULT_PACK, language: str = "en") -> Translations:
    """The translations, loaded once per process."""
    return load_translations(pack, language)
