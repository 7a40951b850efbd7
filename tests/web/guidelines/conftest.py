"""A content directory with two guidelines: the first pack, and a copy under another slug without decision
rules and with English as its language (until the fictional example pack lands, this stands in for it)."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gradeline.content.pack import DEFAULT_PACK
from gradeline.content.packs import DEFAULT_SLUG
from gradeline.web import memo
from tests.web.community.conftest import _fresh_pages, editor, make_user, member, queued_mail  # noqa: F401

SECOND = "anden-retningslinje"
THIRD = "uden-monitorering"
TITLE = "A second guideline for routing tests"


def _copy(target: Path, without: tuple[str, ...], **meta_changes: str) -> None:
    shutil.copytree(DEFAULT_PACK, target, ignore=shutil.ignore_patterns(*without))
    meta = yaml.safe_load((target / "guideline.yaml").read_text(encoding="utf-8"))
    meta.update(id=target.name, **meta_changes)
    (target / "guideline.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="session")
def content_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("content")
    (root / DEFAULT_SLUG).symlink_to(DEFAULT_PACK)
    _copy(root / SECOND, ("decide", "translations"), short_code="AR", language="en", title=TITLE)
    _copy(root / THIRD, ("monitor",), short_code="UM")
    return root


@pytest.fixture
def two_guidelines(content_root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The content directory configured for the app; rendered pages are forgotten before and after."""
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(content_root))
    monkeypatch.delenv("GRADELINE_DEFAULT_PACK", raising=False)
    memo.clear()
    yield content_root
    memo.clear()
