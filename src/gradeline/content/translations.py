"""Unofficial translations of a pack's content, keyed by location.

A language's translations are ``translations/<lang>.yaml`` plus every ``translations/<lang>/**/*.yaml``; each
file is a nested mapping from the same root, and the files are deep-merged (the same location in two files is
an error naming both). A location is the path of keys joined by ``/`` (list items by index), e.g.
``recommendations/<id>/text`` or ``recommendations/<id>/practical_advice/0``.

A leaf is ``{text: ..., source_sha256: ...}``, where the hash stamps the Danish text the translation was made
from (see :func:`source_hash`), or a plain string: a legacy, unstamped translation. A text without a
translation has no entry: callers show the Danish original with a note.
"""

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gradeline.content.errors import PackError
from gradeline.content.pack import read_yaml
from gradeline.content.packs import pack_or_active

LEAF_KEYS = frozenset({"text", "source_sha256"})


def is_leaf(data: Any) -> bool:
    """A stamped translation: exactly ``text`` (a string) and ``source_sha256``."""
    return isinstance(data, Mapping) and set(data) == LEAF_KEYS and isinstance(data["text"], str)


def source_hash(text: str) -> str:
    """The stamp of a Danish source text: the first 16 hex digits of the SHA-256 of its stripped UTF-8."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Translation:
    """One translated text, the hash of the Danish it was made from (None: unstamped) and its file."""

    text: str
    source_sha256: str | None
    file: Path


@dataclass(frozen=True)
class Translations:
    """The translated texts of one language, by location."""

    language: str
    note: str = ""
    entries: Mapping[str, Translation] = field(default_factory=dict)

    def get(self, location: str) -> str | None:
        """The translation at a location, or None when there is none."""
        entry = self.entries.get(location)
        return entry.text if entry else None

    def __len__(self) -> int:
        return len(self.entries)


def _leaves(data: Any, path: Path, prefix: str = "") -> Iterator[tuple[str, Translation]]:
    if is_leaf(data):
        stamp = data.get("source_sha256")
        yield prefix.rstrip("/"), Translation(str(data["text"]).strip(), str(stamp) if stamp else None, path)
    elif isinstance(data, Mapping):
        for key, value in data.items():
            yield from _leaves(value, path, f"{prefix}{key}/")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path, f"{prefix}{index}/")
    elif data is not None and str(data).strip():
        yield prefix.rstrip("/"), Translation(str(data).strip(), None, path)


def translation_files(pack: Path, language: str) -> list[Path]:
    """The files a language's translations are read from, the top-level file first."""
    folder = Path(pack) / "translations"
    top = folder / f"{language}.yaml"
    return ([top] if top.exists() else []) + sorted((folder / language).glob("**/*.yaml"))


def load_translations(pack: Path | None = None, language: str = "en") -> Translations:
    """Read and merge a language's translation files (default: the active pack's); no files give empty
    translations."""
    pack = pack_or_active(pack)
    note = ""
    entries: dict[str, Translation] = {}
    for path in translation_files(pack, language):
        data = read_yaml(path) or {}
        if not isinstance(data, dict):
            raise PackError(f"{path}: must be a mapping of locations to texts")
        note = note or str(data.pop("note", "") or "").strip()
        for location, entry in _leaves(data, path):
            if location in entries:
                raise PackError(
                    f"{path}: the location {location!r} is translated twice "
                    f"(also in {entries[location].file})"
                )
            entries[location] = entry
    return Translations(language=language, note=note, entries=entries)


def cached_translations(pack: Path | None = None, language: str = "en") -> Translations:
    """The translations, loaded once per process (one object per pack and language)."""
    return _cached_translations(pack_or_active(pack), language)


@lru_cache(maxsize=8)
def _cached_translations(pack: Path, language: str) -> Translations:
    return load_translations(pack, language)
