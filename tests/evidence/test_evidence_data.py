"""A pack's evidence files are read from the pack named (judgements optional), and errors name the file."""

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from gradeline.content.errors import PackError
from gradeline.content.packs import activated
from gradeline.evidence.data import load_evidence_data
from gradeline.evidence.reading import disagreements
from gradeline.model import Guideline

FILES = ("wording.yaml", "relevance.yaml", "names.yaml")


def test_the_named_packs_files_are_read(pack_dir: Path, fictional_dir: Path) -> None:
    with activated(fictional_dir):  # not the active pack: the one named
        data = load_evidence_data(pack_dir)
    assert (data.wording.verbs["reduce"].da, data.wording.verbs["reduce"].en_s) == ("mindsker", "reduces")
    assert data.relevance.smd.threshold == Decimal("0.2")
    assert [(i.domain, i.lower_is_better) for i in data.relevance.instruments] == [
        ("pain", True),
        ("function", True),
    ]
    assert data.names.review.status == "draft"
    assert len(data.judgements.rows) == 30  # the keys of evidence/judgements.yaml, counted
    assert data.judgements.rows["vanlig-aktivitet/smerteniveau-0-12-uger"].finding == (
        "not_relevant_favours_intervention"
    )


def _evidence_without_judgements(pack_dir: Path, tmp_path: Path) -> Path:
    (tmp_path / "evidence").mkdir()
    for name in FILES:
        shutil.copy2(pack_dir / "evidence" / name, tmp_path / "evidence" / name)
    return tmp_path


def test_judgements_are_optional(pack_dir: Path, tmp_path: Path) -> None:
    data = load_evidence_data(_evidence_without_judgements(pack_dir, tmp_path))
    assert data.judgements.rows == {}
    assert data.wording == load_evidence_data(pack_dir).wording


@pytest.mark.parametrize("name", [*FILES, "judgements.yaml"])
def test_an_invalid_file_is_named(pack_dir: Path, tmp_path: Path, name: str) -> None:
    folder = _evidence_without_judgements(pack_dir, tmp_path) / "evidence"
    (folder / name).write_text("unexpected: 1\n", encoding="utf-8")
    with pytest.raises(PackError) as refused:
        load_evidence_data(tmp_path)
    assert str(refused.value).startswith(f"{folder / name}: ")


def test_disagreements_use_the_data_given(guideline: Guideline, pack_dir: Path) -> None:
    # Without instrument rules no MD row has an MCID, so VAS/NRS rows (acupuncture pain) no longer disagree;
    # the SMD rows, read against Cohen's 0.2, still do.
    data = load_evidence_data(pack_dir)
    bare = data.model_copy(update={"relevance": data.relevance.model_copy(update={"instruments": []})})
    found = {rec: sorted(r.outcome.id for r in rows) for rec, rows in disagreements(guideline, bare).items()}
    assert "akupunktur" not in found
    assert found["superviseret-fysisk-traening"] == [
        "rygsmerterelateret-funktionsevne-0-12-uger",
        "rygsmerterelateret-funktionsevne-6-18-maaneder",
    ]
