"""The app serving a content directory with several guidelines (see tests/content_dirs.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from gradeline.web import memo
from tests.content_dirs import SECOND, THIRD, TITLE, build_content_dir
from tests.web.community.conftest import _fresh_pages, editor, make_user, member, queued_mail  # noqa: F401

__all__ = ["SECOND", "THIRD", "TITLE"]


@pytest.fixture(scope="session")
def content_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_content_dir(tmp_path_factory.mktemp("content"))


@pytest.fixture
def two_guidelines(content_root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The content directory configured for the app; rendered pages are forgotten before and after."""
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(content_root))
    monkeypatch.delenv("GRADELINE_DEFAULT_PACK", raising=False)
    memo.clear()
    yield content_root
    memo.clear()
