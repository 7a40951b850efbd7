"""What an input adapter accepted and rejected, per table and reason."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gradeline.monitor.ingest.period import ExtractionPeriod

DEFAULT_MAX_REJECTED = 0.05
"""A run fails when more than this share of any table's records is rejected, unless accepted explicitly."""


@dataclass
class TableReport:
    table: str
    source: str
    read: int = 0
    accepted: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    """Rejection reasons (without the offending values) and how many records each rejected."""
    notes: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.rejected / self.read if self.read else 0.0

    def top_reason(self) -> str:
        """The most common rejection reason with its count, for one-sentence errors."""
        if not self.reasons:
            return "no rows read" if not self.read else "no reason recorded"
        reason, n = max(self.reasons.items(), key=lambda kv: (kv[1], kv[0]))
        return f"most common reason: {reason}, {n} rows"


@dataclass
class IngestReport:
    """The outcome of one ingest: accepted rows went to ``clean_dir``; rejected rows are listed in
    ``rejections``."""

    period: "ExtractionPeriod"
    clean_dir: Path | None = None
    tables: dict[str, TableReport] = field(default_factory=dict)
    rejections: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(t.rejected for t in self.tables.values())

    @property
    def available(self) -> set[str]:
        return set(self.tables)

    def check_rejection_rate(self, max_rejected: float = DEFAULT_MAX_REJECTED) -> None:
        """Raise ``InputError`` when a table rejects more than ``max_rejected`` of its records."""
        for t in self.tables.values():
            if t.rate > max_rejected:
                raise InputError(
                    f"{t.source}: {t.rejected} of {t.read} {t.table} records rejected "
                    f"({100 * t.rate:.1f} %), above the {100 * max_rejected:g} % limit ({t.top_reason()}); "
                    "fix the data, or rerun with --accept-rejections to compute without them; "
                    "nothing was written"
                )

    def lines(self) -> list[str]:
        """A human summary: one line per table and one per reason."""
        out = [f"Extraction period {self.period.start} to {self.period.end} (declared)."]
        for t in self.tables.values():
            out.append(f"{t.table}: {t.read} read, {t.accepted} accepted, {t.rejected} rejected ({t.source})")
            out.extend(f"  rejected {n}: {reason}" for reason, n in sorted(t.reasons.items()))
            out.extend(f"  note: {note}" for note in t.notes)
        out.extend(f"note: {note}" for note in self.notes)
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "extraction_period": {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()},
            "rejected": self.rejected,
            "rejections_file": str(self.rejections) if self.rejections else None,
            "tables": {
                name: {
                    "source": t.source,
                    "read": t.read,
                    "accepted": t.accepted,
                    "rejected": t.rejected,
                    "reasons": t.reasons,
                    "notes": t.notes,
                }
                for name, t in self.tables.items()
            },
            "notes": self.notes,
        }


class InputError(Exception):
    """Input that cannot be read at all (no such folder, no patients table, unreadable file): one sentence."""
