"""The audit log for editors (page and CSV), and the production settings' deploy check."""

import csv
import io
import os
import subprocess
import sys

from django.contrib.auth.models import User

from gradeline.web.discussion import service
from tests.web.community.conftest import signed_in


def test_editors_read_and_export_the_audit_log(member: User, editor: User) -> None:
    comment = service.post(member, "nsaid", '=HYPERLINK("x")')
    service.hide(editor, comment, "=cmd|' /C calc'!A0")
    client = signed_in(editor)
    page = client.get("/revision/").content.decode()
    assert "Kommentar skjult" in page and "mette" in page and "erik" in page
    response = client.get("/revision/log.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["action"] for r in rows] == ["hide", "comment"]
    assert rows[0]["actor"] == "erik" and rows[0]["target"] == f"nsaid#{comment.pk}"
    assert not any(r["detail"].startswith(("=", "+", "-", "@")) for r in rows)
    filtered = client.get("/revision/log.csv?handling=comment").content.decode()
    assert "hide" not in filtered and "comment" in filtered


def test_check_deploy_is_clean_with_the_production_settings() -> None:
    env = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }  # set by the browser tests
    env["GRADELINE_SECRET_KEY"] = "k" * 20 + "production-secret-for-the-deploy-check-0123456789"
    result = subprocess.run(
        [sys.executable, "-m", "gradeline.web.manage", "check", "--deploy", "--fail-level", "WARNING",
         "--settings", "gradeline.web.settings_production"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
