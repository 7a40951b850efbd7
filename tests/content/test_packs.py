"""The content directory, pack discovery and the active pack."""

import shutil
import threading
from pathlib import Path

import pytest

from gradeline.content import packs
from gradeline.content.pack import DEFAULT_PACK, cached_pack


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content directory with two packs (the second a copy of the first's guideline.yaml only)."""
    for slug in ("alpha", "nkr-laenderygsmerter"):
        (tmp_path / slug).mkdir()
        shutil.copy(DEFAULT_PACK / "guideline.yaml", tmp_path / slug / "guideline.yaml")
    (tmp_path / "notes").mkdir()  # a folder without guideline.yaml is not a pack
    (tmp_path / "Bad_Slug").mkdir()
    shutil.copy(DEFAULT_PACK / "guideline.yaml", tmp_path / "Bad_Slug" / "guideline.yaml")
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(tmp_path))
    monkeypatch.delenv("GRADELINE_DEFAULT_PACK", raising=False)
    return tmp_path


def test_only_folders_with_guideline_yaml_and_a_url_safe_name_are_packs(content: Path) -> None:
    assert list(packs.available_packs()) == ["alpha", "nkr-laenderygsmerter"]


def test_the_first_guideline_is_the_default_unless_configured(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert packs.default_slug() == "nkr-laenderygsmerter"
    monkeypatch.setenv("GRADELINE_DEFAULT_PACK", "alpha")
    assert packs.default_pack() == (content / "alpha").resolve()
    monkeypatch.setenv("GRADELINE_DEFAULT_PACK", "beta")
    with pytest.raises(packs.UnknownPack, match=r"'beta' is not a content pack.*alpha, nkr-laenderygsmerter"):
        packs.default_slug()


def test_the_content_directory_names_its_default_pack(content: Path) -> None:
    (content / "default-pack.txt").write_text("alpha\n", encoding="utf-8")
    assert packs.default_slug() == "alpha"
    (content / "default-pack.txt").write_text("gone\n", encoding="utf-8")  # not a pack: the usual default
    assert packs.default_slug() == "nkr-laenderygsmerter"


def test_the_repository_default_is_named_in_its_content_directory() -> None:
    named = (packs.REPOSITORY_CONTENT / packs.DEFAULT_FILE).read_text(encoding="utf-8").strip()
    assert named == packs.DEFAULT_SLUG and (packs.REPOSITORY_CONTENT / named / "guideline.yaml").is_file()


def test_a_pack_is_named_by_slug_or_by_folder(content: Path, tmp_path: Path) -> None:
    assert packs.resolve_pack("alpha") == (content / "alpha").resolve()
    assert packs.resolve_pack(str(DEFAULT_PACK)) == DEFAULT_PACK.resolve()
    with pytest.raises(packs.UnknownPack, match="'notes' is not a content pack"):
        packs.resolve_pack("notes")


def test_the_active_pack_is_scoped_to_its_block_and_thread(content: Path) -> None:
    alpha = content / "alpha"
    assert packs.active_pack() == (content / "nkr-laenderygsmerter").resolve()
    seen: list[Path] = []
    with packs.activated(alpha):
        assert packs.active_pack() == alpha.resolve()
        other = threading.Thread(target=lambda: seen.append(packs.active_pack()))
        other.start()
        other.join()
    assert seen == [(content / "nkr-laenderygsmerter").resolve()]  # another thread keeps its own
    assert packs.active_pack() == (content / "nkr-laenderygsmerter").resolve()


def test_loaders_without_a_pack_read_the_active_one() -> None:
    with packs.activated(DEFAULT_PACK):
        assert cached_pack().id == "nkr-laenderygsmerter"


def test_a_pack_added_while_running_is_found(content: Path) -> None:
    assert "beta" not in packs.available_packs()
    (content / "beta").mkdir()
    shutil.copy(DEFAULT_PACK / "guideline.yaml", content / "beta" / "guideline.yaml")
    assert "beta" in packs.available_packs()
