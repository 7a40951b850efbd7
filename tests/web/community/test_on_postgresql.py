"""The database-backed tests again, on a real PostgreSQL server that this test starts and stops.

The child run gets DATABASE_URL pointing at the server (so pytest-django creates its test database there)
and GRADELINE_TEST_DATABASE=postgresql, which keeps it from recursing into this test.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.postgres import Unavailable, postgres_server

REPO = Path(__file__).resolve().parents[3]
ON_POSTGRESQL = [
    "tests/web/community",
    "tests/e2e/test_discussion.py::test_xss_payloads_in_comments_are_inert",
]


@pytest.mark.skipif(os.environ.get("GRADELINE_TEST_DATABASE") == "postgresql", reason="already the child run")
def test_database_backed_tests_pass_on_postgresql(tmp_path: Path) -> None:
    try:
        with postgres_server() as url:
            env = {**os.environ, "DATABASE_URL": url, "GRADELINE_TEST_DATABASE": "postgresql",
                   "GRADELINE_VAR_DIR": str(tmp_path)}  # fmt: skip
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *ON_POSTGRESQL],
                cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
            )  # fmt: skip
    except Unavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}")
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
    assert result.returncode == 0, tail
    assert "[100%]" in result.stdout and "F" not in result.stdout.split("[100%]")[0], tail


def test_the_child_run_really_uses_postgresql(db: None) -> None:
    from django.db import connection

    expected = "postgresql" if os.environ.get("GRADELINE_TEST_DATABASE") == "postgresql" else "sqlite"
    assert connection.vendor == expected
