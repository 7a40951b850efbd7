"""The pack's source text, and the normalisation used to compare pack text with it.

The PDF artefacts of a source (page footers, watermark letters) are the pack's: ``source/artefacts.yaml`` next
to the seed lists them; page numbers ('12 of 80') are artefacts in every source.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from gradeline.model import SeedSpan

_PAGE_NUMBER = re.compile(r"^\d+ of \d+\s*$")
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Artefacts:
    """A source's PDF artefacts: whole-line patterns (page footers) and exact lines (watermark letters)."""

    patterns: tuple[re.Pattern[str], ...] = ()
    lines: frozenset[str] = frozenset()

    @classmethod
    def read(cls, path: Path) -> "Artefacts":
        """The artefacts listed in a pack's ``source/artefacts.yaml``; none when the file is absent."""
        if not path.is_file():
            return cls()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ValueError(f"{path}: must be a mapping with 'patterns' and 'lines'")
        patterns = tuple(re.compile(str(p)) for p in data.get("patterns") or [])
        return cls(patterns, frozenset(str(line) for line in data.get("lines") or []))

    def __contains__(self, line: object) -> bool:
        stripped = str(line).strip()
        if _PAGE_NUMBER.match(stripped) or stripped in self.lines:
            return True
        return any(p.match(stripped) for p in self.patterns)


def squash(text: str) -> str:
    """Normalise for comparison: drop all white space and hyphens.

    A word broken at a line end ('udfø- re') and a real hyphen broken there ('follow-\\nup') cannot be told
    apart in the PDF text, so both sides of a comparison lose their hyphens.
    """
    return _SPACE_OR_HYPHEN.sub("", text)


def numbers_in(text: str) -> set[str]:
    """Every number written in a text, thousands separators removed ('1,281' -> '1281')."""
    found: set[str] = set()
    for match in _NUMBER.finditer(text):
        token = match.group()
        found.add(token)
        found.add(token.replace(",", ""))
        found.add(token.replace(",", "."))
    return found


@dataclass(frozen=True)
class SeedText:
    """The source document of a pack, line-addressable and normalised for look-ups."""

    lines: tuple[str, ...]
    artefacts: Artefacts = field(default_factory=Artefacts)

    @classmethod
    def read(cls, path: Path) -> "SeedText":
        """Read a seed file, with the artefacts listed beside it (``artefacts.yaml``)."""
        lines = tuple(path.read_text(encoding="utf-8").splitlines())
        return cls(lines, Artefacts.read(path.parent / "artefacts.yaml"))

    @cached_property
    def squashed(self) -> str:
        """The whole text without artefacts, squashed."""
        return squash("\n".join(line for line in self.lines if line not in self.artefacts))

    def span_text(self, spans: Iterable[SeedSpan]) -> str:
        """The raw text of the given line spans, artefacts removed."""
        return "\n".join(
            line
            for span in spans
            for line in self.lines[span.start - 1 : span.end]
            if line not in self.artefacts
        )

    def contains(self, text: str, max_pieces: int = 1, min_piece: int = 30) -> bool:
        """True if the text occurs in the seed, compared squashed.

        With ``max_pieces`` > 1 the text may stand in up to that many runs, each at least ``min_piece``
        characters: the two-column export sometimes breaks one paragraph around a box of other text.
        """
        rest = squash(text)
        for _ in range(max_pieces):
            if rest in self.squashed:
                return True
            length = self._longest_prefix(rest)
            if length < min_piece:
                return False
            rest = rest[length:]
        return False

    def _longest_prefix(self, text: str) -> int:
        """Length of the longest prefix of a squashed text that occurs in the seed (binary search)."""
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if text[:middle] in self.squashed:
                low = middle
            else:
                high = middle - 1
        return low

    def valid_span(self, span: SeedSpan) -> bool:
        """True if the span lies inside the document."""
        return span.end <= len(self.lines)
