"""Role rules: readers read, members comment, editors moderate and publish, admins change roles."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gradeline.web.accounts.roles import Role, role_of
from gradeline.web.audit.models import AuditEntry
from gradeline.web.discussion.models import Comment
from gradeline.web.editions.models import Edition
from tests.web.community.conftest import signed_in

REC = "/nkr-laenderygsmerter/anbefalinger/nsaid/"


def test_a_reader_cannot_comment(client: Client, db: None) -> None:
    response = client.post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Hej"})
    assert response.status_code == 302 and "/konto/log-ind/" in response["Location"]
    assert Comment.objects.count() == 0
    html = client.get(REC).content.decode()
    assert 'id="diskussion"' in html and "for at kommentere" in html and "<textarea" not in html


def test_a_member_comments_and_sees_the_form(member: User) -> None:
    client = signed_in(member)
    assert "<textarea" in client.get(REC).content.decode()
    response = client.post(
        "/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Gælder det også *ibuprofen*?"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author, comment.recommendation_id) == (member, "nsaid")
    html = client.get(REC).content.decode()
    assert "<em>ibuprofen</em>" in html and "mette" in html
    assert AuditEntry.objects.filter(action="comment", actor=member).exists()


def test_a_member_cannot_publish_or_moderate(member: User, editor: User) -> None:
    comment = Comment.objects.create(recommendation_id="nsaid", author=editor, body="x")
    client = signed_in(member)
    assert (
        client.post("/nkr-laenderygsmerter/udgaver/publicer/", {"kind": "minor", "comment": "x"}).status_code
        == 403
    )
    assert Edition.objects.count() == 0
    assert (
        client.post(
            f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/skjul/", {"reason": "spam"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/status/", {"status": "closed"}
        ).status_code
        == 403
    )
    comment.refresh_from_db()
    assert not comment.hidden and comment.status == "open"
    assert client.get("/revision/").status_code == 403
    assert client.get("/konto/brugere/").status_code == 403


def test_an_editor_moderates_with_a_reason_that_is_audit_logged(member: User, editor: User) -> None:
    comment = Comment.objects.create(recommendation_id="nsaid", author=member, body="Køb billige piller her")
    client = signed_in(editor)
    assert (
        client.post(
            f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/skjul/", {"reason": "Reklame"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/status/", {"status": "answered"}
        ).status_code
        == 302
    )
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_reason == "Reklame" and comment.status == "answered"
    assert comment.body == "Køb billige piller her"  # nothing is lost
    entry = AuditEntry.objects.get(action="hide")
    assert entry.actor == editor and entry.detail["reason"] == "Reklame"
    reader_html = Client().get(REC).content.decode()
    assert "Skjult af en redaktør: Reklame" in reader_html and "billige piller" not in reader_html


def test_an_admin_changes_roles_and_it_is_logged(admin_user: User, member: User) -> None:
    client = signed_in(admin_user)
    assert client.post(f"/konto/brugere/{member.pk}/rolle/", {"role": "editor"}).status_code == 302
    member.refresh_from_db()
    assert role_of(User.objects.get(pk=member.pk)) == Role.EDITOR
    entry = AuditEntry.objects.get(action="role")
    assert entry.detail == {"old": "member", "new": "editor"} and entry.target == "mette"


def test_an_editor_cannot_change_roles(editor: User, member: User) -> None:
    assert signed_in(editor).post(f"/konto/brugere/{member.pk}/rolle/", {"role": "admin"}).status_code == 403


@pytest.mark.parametrize(
    "path", ["/nkr-laenderygsmerter/udgaver/publicer/", "/revision/", "/konto/invitationer/"]
)
def test_editor_pages_send_readers_to_log_in(client: Client, db: None, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].split("?")[0].endswith("/konto/log-ind/")
