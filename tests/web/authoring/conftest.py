"""Editors, drafts and a content directory of their own for the authoring tests."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gradeline.content.pack import DEFAULT_PACK
from gradeline.web.accounts.roles import Role, set_role

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "packs" / "authoring-eksempel"
EXAMPLE = REPO / "tests" / "fixtures" / "packs" / "example-fictional"


@pytest.fixture(autouse=True)
def content_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: Any) -> Path:
    """A content directory with the first guideline and the example pack (publishing writes here)."""
    root = tmp_path / "content"
    root.mkdir()
    (root / DEFAULT_PACK.name).symlink_to(DEFAULT_PACK)
    (root / "eksempel-kilde").symlink_to(FIXTURE)
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(root))
    settings.GRADELINE_MEDIA_DIR = str(tmp_path / "media")
    return root


@pytest.fixture
def make_editor(db: None) -> Callable[[str], Client]:
    def make(name: str, role: Role = Role.EDITOR) -> Client:
        user = User.objects.create_user(name, f"{name}@example.org")
        set_role(user, role)
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return make
