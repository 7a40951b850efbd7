"""Translation coverage: which Danish texts have a current, stamped translation; stamping reviewed ones."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.errors import PackError
from gradeline.content.pack import danish_sources, read_yaml
from gradeline.content.packs import pack_or_active
from gradeline.content.translations import is_leaf, load_translations, source_hash


@dataclass(frozen=True)
class Coverage:
    """How much of the pack a language's edition covers, and what is wrong with the rest."""

    language: str
    total: int
    translated: int
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    unstamped: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def complete(self) -> bool:
        return not (self.missing or self.stale or self.unstamped or self.unknown)


def translation_coverage(pack: Path | None = None, language: str = "en") -> Coverage:
    """Compare every original prose text with its translation: missing, stale (source changed) or unstamped.
    Without ``pack``, the active pack."""
    pack = pack_or_active(pack)
    sources = danish_sources(pack)
    translations = load_translations(pack, language)
    missing, stale, unstamped = [], [], []
    for location, danish in sources.items():
        entry = translations.entries.get(location)
        if entry is None:
            missing.append(location)
        elif entry.source_sha256 is None:
            unstamped.append(location)
        elif entry.source_sha256 != source_hash(danish):
            stale.append(location)
    texts = danish_sources(pack, prose_only=False)  # a translation of 'VAS' is harmless, not unknown
    unknown = [location for location in translations.entries if location not in texts]
    translated = len(sources) - len(missing) - len(stale) - len(unstamped)
    return Coverage(language, len(sources), translated, missing, stale, unstamped, unknown)


def _stamp_tree(data: Any, location: str, sources: dict[str, str], only: set[str] | None) -> tuple[Any, int]:
    """The tree with plain-string leaves (at known locations) turned into stamped leaves; and how many."""
    if is_leaf(data):
        if location in sources and (only is None or location in only):
            return {"text": data["text"], "source_sha256": source_hash(sources[location])}, 1
        return data, 0
    if isinstance(data, dict):
        out, count = {}, 0
        for key, value in data.items():
            out[key], n = _stamp_tree(value, f"{location}/{key}" if location else str(key), sources, only)
            count += n
        return out, count
    if isinstance(data, list):
        items = [_stamp_tree(v, f"{location}/{i}", sources, only) for i, v in enumerate(data)]
        return [item for item, _ in items], sum(n for _, n in items)
    if isinstance(data, str) and location in sources and (only is None or location in only):
        return {"text": data, "source_sha256": source_hash(sources[location])}, 1
    return data, 0


def stamp_file(path: Path, pack: Path | None = None, only: set[str] | None = None) -> int:
    """Stamp the translations in one file with the hash of their current Danish source; return how many.

    Run it only on translations you have reviewed against the Danish: the stamp says "this English matches
    that Danish". Comment lines at the top of the file are kept; ``only`` limits it to some locations.
    """
    sources = danish_sources(pack_or_active(pack))
    text = path.read_text(encoding="utf-8")
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise PackError(f"{path}: must be a mapping of locations to texts")
    stamped, count = _stamp_tree(data, "", sources, only)
    lines = text.splitlines(keepends=True)
    header = "".join(
        lines[: next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))]
    )
    body = yaml.dump(stamped, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
    path.write_text(header + body, encoding="utf-8")
    return count
