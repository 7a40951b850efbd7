"""Time spans as printed ('0-6 dage', 'op til 6 dage', '6 til 18 måneder') read as (start, end, unit)."""

import re
from dataclasses import dataclass

_SPAN = re.compile(
    r"(?:(\d+)\s*(?:-|–|til)\s*|op til\s+)(\d+)\s*(uger|ugers|måneder|weeks|months)", re.IGNORECASE
)
_UNITS = {"uger": "weeks", "ugers": "weeks", "måneder": "months", "weeks": "weeks", "months": "months"}


@dataclass(frozen=True)
class Span:
    """A printed time span; ``start`` is None for 'op til N'."""

    start: int | None
    end: int
    unit: str

    def conflicts(self, other: "Span") -> bool:
        """True when the two spans name different units, ends, or (both given) starts."""
        starts_differ = self.start is not None and other.start is not None and self.start != other.start
        return self.unit != other.unit or self.end != other.end or starts_differ

    def __str__(self) -> str:
        start = f"{self.start}-" if self.start is not None else "up to "
        return f"{start}{self.end} {self.unit}"


def spans(text: str | None) -> list[Span]:
    """Every time span in a text, in order."""
    found = []
    for m in _SPAN.finditer(text or ""):
        start = int(m.group(1)) if m.group(1) else None
        found.append(Span(start, int(m.group(2)), _UNITS[m.group(3).lower()]))
    return found


def first_span(text: str | None) -> Span | None:
    """The first time span in a text, or None."""
    found = spans(text)
    return found[0] if found else None
