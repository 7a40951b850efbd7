"""Run the pack loader and the linter over a draft (exported to a temporary folder) on every save."""

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gradeline.content.errors import PackError
from gradeline.content.lint import lint_guideline
from gradeline.model import Guideline
from gradeline.web.authoring.models import Draft
from gradeline.web.authoring.store import export_draft

_PROBLEM = re.compile(r"^(?P<file>[^:]+\.(?:yaml|md)):(?: line \d+:)? (?P<field>[^:]+?): (?P<message>.+)$")


@dataclass(frozen=True)
class Note:
    """A problem shown to the editor: file, field path (dotted, or a lint location) and a sentence."""

    file: str
    field: str
    message: str
    code: str = ""


@dataclass
class DraftCheck:
    """What the loader and the linter say about a draft."""

    guideline: Guideline | None
    notes: list[Note] = field(default_factory=list)

    def for_file(self, path: str) -> list[Note]:
        return [n for n in self.notes if n.file == path]

    def at(self, prefix: str) -> list[Note]:
        """Lint findings located at or under ``prefix`` (e.g. 'rec-id' or 'rec-id/outcome-id')."""
        return [n for n in self.notes if n.code and (n.field == prefix or n.field.startswith(prefix + "/"))]


def check_draft(draft: Draft) -> DraftCheck:
    """Export the draft, load it as a pack and lint it; every problem becomes a Note, never an exception."""
    with tempfile.TemporaryDirectory(prefix="gradeline-draft-") as tmp:
        folder = export_draft(draft, Path(tmp) / draft.slug)
        return check_folder(folder)


def check_folder(folder: Path) -> DraftCheck:
    from gradeline.content.pack import load_pack

    try:
        guideline = load_pack(folder)
    except PackError as exc:
        return DraftCheck(None, [_note(folder, line) for line in str(exc).splitlines()])
    evidence = folder / "evidence"
    with_pack = all((evidence / f"{name}.yaml").exists() for name in ("wording", "relevance", "names"))
    try:
        report = lint_guideline(guideline, folder if with_pack else None)
    except Exception as exc:  # any failure of a rule is a finding about the draft, never a traceback
        return DraftCheck(guideline, [_note(folder, line) for line in str(exc).splitlines()])
    notes = [Note(_file_of(guideline, f.location), f.location, f.message, f.code) for f in report.new]
    notes += [
        Note("errata.yaml", e.location, f"erratum {e.code} no longer matches a finding", e.code)
        for e in report.stale
    ]
    return DraftCheck(guideline, notes)


def _note(folder: Path, line: str) -> Note:
    """A loader message 'path: field: message' as a Note with the path relative to the pack."""
    text = line.replace(str(folder) + "/", "").replace(str(folder), "")
    found = _PROBLEM.match(text)
    if not found:
        return Note("", "", text.strip(": "))
    return Note(found["file"], found["field"], found["message"])


def _file_of(guideline: Guideline, location: str) -> str:
    """The recommendation file a lint location points into ('' when it is not about one recommendation)."""
    rec_id = location.split("/", 1)[0]
    return f"rec:{rec_id}" if any(r.id == rec_id for r in guideline.recommendations) else ""


@dataclass
class Placed:
    """Notes placed next to the form fields they are about; the rest shown above the form."""

    fields: list[tuple[Any, list[Note]]]
    general: list[Note]


def place(notes: list[Note], form: Any, strip: str, aliases: dict[str, str] | None = None) -> Placed:
    """Put each note next to the field its path names (after removing the prefix ``strip``)."""
    aliases = aliases or {}
    by_field: dict[str, list[Note]] = {}
    general: list[Note] = []
    for note in notes:
        rest = note.field[len(strip) :] if strip and note.field.startswith(strip) else note.field
        parts = [p for p in re.split(r"[./]", rest) if p]
        name = next((aliases[".".join(parts[:n])] for n in (2, 1) if ".".join(parts[:n]) in aliases), None)
        name = name or (parts[0] if parts and parts[0] in form.fields else None)
        if name is None and parts and "extra" in form.fields:
            name = "extra"
        if name is None or name not in form.fields or form.fields[name].widget.is_hidden:
            general.append(note)
        else:
            by_field.setdefault(name, []).append(note)
    return Placed([(f, by_field.get(f.name, [])) for f in form.visible_fields()], general)
