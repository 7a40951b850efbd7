"""What an input adapter accepted and rejected, per table and reason."""

from dataclasses import dataclass, field
from pathlib import Path


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


@dataclass
class IngestReport:
    """The outcome of one ingest: accepted rows went to ``clean_dir``; rejected rows are listed in
    ``rejections``."""

    clean_dir: Path
    tables: dict[str, TableReport] = field(default_factory=dict)
    rejections: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(t.rejected for t in self.tables.values())

    @property
    def available(self) -> set[str]:
        return set(self.tables)

    def lines(self) -> list[str]:
        """A human summary: one line per table and one per reason."""
        out = []
        for t in self.tables.values():
            out.append(f"{t.table}: {t.read} read, {t.accepted} accepted, {t.rejected} rejected ({t.source})")
            out.extend(f"  rejected {n}: {reason}" for reason, n in sorted(t.reasons.items()))
            out.extend(f"  note: {note}" for note in t.notes)
        out.extend(f"note: {note}" for note in self.notes)
        return out

    def as_dict(self) -> dict[str, object]:
        return {
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
