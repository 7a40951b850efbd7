"""The pack's source text, and the normalisation used to compare pack text with it."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from gradeline.model import SeedSpan

_FOOTER = re.compile(r"^National klinisk retningslinje .* - Sundhedsstyrelsen\s*$|^\d+ of \d+\s*$")
_WATERMARK = {"IKKE G", "Æ", "LD", "ENDE"}
_SPACE_OR_HYPHEN = re.compile(r"[\s-]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def is_artefact(line: str) -> bool:
    """True for PDF artefacts: page footers, page numbers and the watermark's letters."""
    stripped = line.strip()
    return bool(_FOOTER.match(stripped)) or stripped in _WATERMARK


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

    @classmethod
    def read(cls, path: Path) -> "SeedText":
        """Read a seed file."""
        return cls(tuple(path.read_text(encoding="utf-8").splitlines()))

    @cached_property
    def squashed(self) -> str:
        """The whole text without artefacts, squashed."""
        return squash("\n".join(line for line in self.lines if not is_artefact(line)))

    def span_text(self, spans: Iterable[SeedSpan]) -> str:
        """The raw text of the given line spans, artefacts removed."""
        return "\n".join(
            line for span in spans for line in self.lines[span.start - 1 : span.end] if not is_artefact(line)
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
