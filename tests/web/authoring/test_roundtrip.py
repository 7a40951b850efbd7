"""Import a pack into a draft and export it again: the first guideline and the example pack come back
byte-identical (files are stored as written); a saved document reads back as the same data."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from gradeline.content.dump import load_yaml_text
from gradeline.content.pack import DEFAULT_PACK, load_pack
from gradeline.web.authoring import store
from tests.web.authoring.conftest import EXAMPLE, FIXTURE


@pytest.mark.parametrize(
    "pack", [DEFAULT_PACK, EXAMPLE, FIXTURE], ids=["first-guideline", "fictional-example", "own-fixture"]
)
def test_import_then_export_is_byte_identical(pack: Path, tmp_path: Path) -> None:
    draft = store.import_pack(pack, "kopi", AnonymousUser())
    out = store.export_draft(draft, tmp_path / "kopi")
    original = {p.relative_to(pack): p.read_bytes() for p in pack.rglob("*") if p.is_file()}
    exported = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert sorted(exported) == sorted(original)
    assert [p for p in original if original[p] != exported[p]] == []
    again = store.import_pack(out, "kopi-igen", AnonymousUser())
    assert [(d.path, d.text) for d in again.documents.all()] == [
        (d.path, d.text) for d in draft.documents.all()
    ]


def test_the_first_guideline_loads_identically_from_its_export(tmp_path: Path) -> None:
    draft = store.import_pack(DEFAULT_PACK, "kopi", AnonymousUser())
    out = store.export_draft(draft, tmp_path / "nkr-laenderygsmerter")
    assert load_pack(out) == load_pack(DEFAULT_PACK)


def test_a_saved_document_is_yaml_with_the_same_data(tmp_path: Path) -> None:
    draft = store.import_pack(FIXTURE, "kopi", AnonymousUser())
    doc = store.read(draft, "recommendations/01-frisk-luft.yaml")
    assert doc is not None
    data = load_yaml_text(doc.text)
    saved = store.save(draft, doc.path, data, doc.version, AnonymousUser(), "test")
    assert load_yaml_text(saved.text) == data
