"""The declared extraction period of an input: from ``--start/--end`` or the folder's ``manifest.json``.

Strict by design: the period is never read from the data, so one contact dated 2099 cannot move it. Dates
outside it are rejected (and counted) by the validator.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from gradeline.monitor.ingest.report import InputError

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ExtractionPeriod:
    """First and last day the extraction covers (inclusive)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(f"the extraction period ends ({self.end}) before it starts ({self.start})")


def iso_date(text: str, what: str) -> date:
    """A YYYY-MM-DD date or an InputError naming ``what``."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        raise InputError(f"{what} must be an ISO 8601 date (YYYY-MM-DD), not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise InputError(f"{what} must be an ISO 8601 date (YYYY-MM-DD), not {text!r}") from exc


def write_manifest(folder: Path, period: ExtractionPeriod) -> Path:
    """Record the extraction period beside the data (``manifest.json``)."""
    path = folder / MANIFEST
    body = {"extraction_period": {"start": period.start.isoformat(), "end": period.end.isoformat()}}
    path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return path


def read_manifest(folder: Path) -> ExtractionPeriod | None:
    """The period in ``folder/manifest.json``, or None when there is no manifest."""
    path = folder / MANIFEST
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        block = raw["extraction_period"]
        start, end = str(block["start"]), str(block["end"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f'{path} must hold {{"extraction_period": {{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}}}}'
        ) from exc
    return ExtractionPeriod(iso_date(start, f"{MANIFEST} start"), iso_date(end, f"{MANIFEST} end"))


def resolve_period(folder: Path, start: date | None = None, end: date | None = None) -> ExtractionPeriod:
    """``start``/``end`` when both are given, else the manifest; one without the other is an error."""
    if (start is None) != (end is None):
        raise InputError(
            "give both --start and --end (the extraction period), or neither and a manifest.json"
        )
    if start is not None and end is not None:
        return ExtractionPeriod(start, end)
    found = read_manifest(folder)
    if found is None:
        raise InputError(
            f"{folder} declares no extraction period: give --start and --end (YYYY-MM-DD) or put a "
            f"{MANIFEST} "
            'with {"extraction_period": {"start": …, "end": …}} beside the data'
        )
    return found
