"""Hostile input and response headers: form-field parse errors, bidi controls, CSV formulas, CSP everywhere,
and the language cookie in production (issue 14, findings 5 and 6)."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from gradeline.web.discussion.models import Comment
from tests.web.community.conftest import signed_in


@pytest.mark.parametrize("parent", ["²", "١٢", "1.5", "-3", "x"])
def test_a_reply_to_a_malformed_parent_is_a_400_with_a_message(member: User, parent: str) -> None:
    response = signed_in(member).post(
        "/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Svar", "parent": parent}
    )
    assert response.status_code == 400
    assert "Svaret peger ikke på en kommentar" in response.content.decode()
    assert Comment.objects.count() == 0


def test_bidi_controls_are_removed_from_comments(member: User) -> None:
    client = signed_in(member)
    client.post(
        "/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Dosis \u202eGm 01\u202c er \u2066sikker\u2069"}
    )
    comment = Comment.objects.get()
    assert comment.body == "Dosis Gm 01 er sikker"
    page = client.get("/nkr-laenderygsmerter/anbefalinger/nsaid/").content.decode()
    assert "\u202e" not in page and "\u2066" not in page


def test_only_bidi_controls_is_an_empty_comment(member: User) -> None:
    response = signed_in(member).post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "\u202e\u202c"})
    assert response.status_code == 400 and Comment.objects.count() == 0


def test_every_audit_csv_cell_is_guarded_against_formulas(make_user, editor: User) -> None:  # type: ignore[no-untyped-def]
    attacker = make_user("@SUM(1+1)")
    signed_in(attacker).post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "hej"})
    rows = list(csv.reader(io.StringIO(signed_in(editor).get("/revision/log.csv").content.decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'@SUM(1+1)" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/nkr-laenderygsmerter/api/guideline",
        "/static/gradeline/site.css",
        "/findes-ikke/",
        "/nkr-laenderygsmerter/beslutningsstoette/",
        "/nkr-laenderygsmerter/ordliste/",
    ],
)
def test_every_response_has_a_content_security_policy(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@override_settings(LANGUAGE_COOKIE_SECURE=True)
def test_the_language_cookie_is_secure_when_the_settings_say_so(client: Client, db: None) -> None:
    cookie = client.get("/sprog/en/?next=/").cookies["gradeline_language"]
    assert cookie["secure"] is True and cookie.value == "en"
