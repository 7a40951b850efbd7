"""Drafts in and out of the database: import a pack folder, export a draft, save with a version check."""

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import transaction

from gradeline.content.dump import dump_yaml, load_yaml_text
from gradeline.web.audit.log import record
from gradeline.web.audit.models import Action
from gradeline.web.authoring.models import Draft, DraftDocument

GUIDELINE = "guideline.yaml"
GLOSSARY = "glossary.yaml"
TEXT_SUFFIXES = frozenset({".yaml", ".yml", ".md", ".txt", ".json", ".csv"})


@dataclass
class Conflict(Exception):
    """Someone saved the document after the version the editor started from."""

    path: str
    by: str
    at: datetime
    their_text: str
    their_version: int


def pack_documents(folder: Path) -> dict[str, str]:
    """Every text file of a pack folder by its path inside the folder (``/``-separated), read verbatim."""
    found = {}
    for file in sorted(folder.rglob("*")):
        if file.is_file() and file.suffix in TEXT_SUFFIXES:
            found[file.relative_to(folder).as_posix()] = file.read_bytes().decode("utf-8")
    return found


@transaction.atomic
def import_pack(folder: Path, slug: str, user: Any) -> Draft:
    """A new draft holding every text file of the pack folder unchanged."""
    draft = Draft.objects.create(slug=slug, created_by=signed_in(user))
    DraftDocument.objects.bulk_create(
        DraftDocument(draft=draft, path=path, text=text, updated_by=signed_in(user))
        for path, text in pack_documents(folder).items()
    )
    record(user, Action.DRAFT, f"udkast {slug}", operation="import", source=str(folder))
    return draft


def export_draft(draft: Draft, folder: Path) -> Path:
    """Write the draft's documents into ``folder`` (replaced if it exists) exactly as stored."""
    if folder.exists():
        shutil.rmtree(folder)
    for doc in draft.documents.all():
        target = folder / doc.path
        if folder.resolve() not in target.resolve().parents:
            raise ValueError(f"{doc.path}: a document path must stay inside the pack")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(doc.text.encode("utf-8"))
    return folder


def read(draft: Draft, path: str) -> DraftDocument | None:
    return draft.documents.filter(path=path).first()


def data_of(doc: DraftDocument | None, default: Any) -> Any:
    """A YAML document's data (``default`` when missing, empty or not parseable)."""
    if doc is None or not doc.text.strip():
        return default
    try:
        data = load_yaml_text(doc.text)
    except Exception:  # a stored text that no longer parses is shown to the editor, never a 500
        return default
    return data if isinstance(data, type(default)) else default


@transaction.atomic
def save(draft: Draft, path: str, data: Any, version: int | None, user: Any, what: str) -> DraftDocument:
    """Store ``data`` as the YAML document ``path`` if it is still at ``version`` (None: a new document).

    Raises Conflict naming who saved it since; every save is audited with the versions before and after.
    """
    doc = DraftDocument.objects.select_for_update().filter(draft=draft, path=path).first()
    text = dump_yaml(data)
    if doc is None:
        if version not in (None, 0):
            raise Conflict(path, "?", datetime.now(), "", 0)  # deleted since: nothing to compare with
        doc = DraftDocument.objects.create(draft=draft, path=path, text=text, updated_by=signed_in(user))
    else:
        if version != doc.version:
            who = doc.updated_by.get_username() if doc.updated_by else "system"
            raise Conflict(path, who, doc.updated_at, doc.text, doc.version)
        if doc.text == text:
            return doc
        doc.text, doc.version, doc.updated_by = text, doc.version + 1, signed_in(user)
        doc.save()
    record(user, Action.DRAFT, f"udkast {draft.slug}/{path}", operation=what, version=doc.version)
    return doc


@transaction.atomic
def save_text(draft: Draft, path: str, text: str, version: int | None, user: Any) -> DraftDocument:
    """Store a file's text as written (any file of the pack) if it is still at ``version`` (None: new)."""
    doc = DraftDocument.objects.select_for_update().filter(draft=draft, path=path).first()
    if doc is None:
        doc = DraftDocument.objects.create(draft=draft, path=path, text=text, updated_by=signed_in(user))
    elif version != doc.version:
        who = doc.updated_by.get_username() if doc.updated_by else "system"
        raise Conflict(path, who, doc.updated_at, doc.text, doc.version)
    elif doc.text == text:
        return doc
    else:
        doc.text, doc.version, doc.updated_by = text, doc.version + 1, signed_in(user)
        doc.save()
    record(user, Action.DRAFT, f"udkast {draft.slug}/{path}", operation="file", version=doc.version)
    return doc


@transaction.atomic
def remove(draft: Draft, path: str, version: int, user: Any) -> None:
    """Delete a document (e.g. a recommendation file) if it is still at ``version``."""
    doc = DraftDocument.objects.select_for_update().filter(draft=draft, path=path).first()
    if doc is None:
        return
    if doc.version != version:
        who = doc.updated_by.get_username() if doc.updated_by else "system"
        raise Conflict(path, who, doc.updated_at, doc.text, doc.version)
    doc.delete()
    record(user, Action.DRAFT, f"udkast {draft.slug}/{path}", operation="delete", version=version)


def signed_in(user: Any) -> Any:
    """The user, or None for an anonymous one (kept in 'updated_by')."""
    return user if user is not None and user.is_authenticated else None
