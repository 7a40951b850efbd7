"""Users with each role, and a client signed in as each."""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gradeline.web import memo
from gradeline.web.accounts import outbox
from gradeline.web.accounts.roles import Role, set_role

PASSWORD = "korrekt-hest-batteri-42"


@pytest.fixture(autouse=True)
def _fresh_pages(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.GRADELINE_MEDIA_DIR = str(tmp_path / "media")
    memo.clear()
    yield
    memo.clear()


@pytest.fixture(autouse=True)
def queued_mail(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[], None]]:
    """E-mail jobs the requests queued (run them with ``run_queued``); the real thread is tested apart."""
    jobs: list[Callable[[], None]] = []
    monkeypatch.setattr(outbox, "later", jobs.append)
    return jobs


def run_queued(jobs: list[Callable[[], None]]) -> None:
    while jobs:
        jobs.pop(0)()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(username: str, role: Role = Role.MEMBER, password: str | None = None) -> User:
        user = User.objects.create_user(username, f"{username}@example.org", password)
        set_role(user, role)
        return user

    return make


@pytest.fixture
def member(make_user: Callable[..., User]) -> User:
    return make_user("mette", Role.MEMBER)


@pytest.fixture
def editor(make_user: Callable[..., User]) -> User:
    return make_user("erik", Role.EDITOR)


@pytest.fixture
def admin_user(make_user: Callable[..., User]) -> User:
    return make_user("anne", Role.ADMIN)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
