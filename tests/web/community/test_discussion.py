"""Threads, replies, edits with history and a time window, and concurrent writers losing nothing."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from gradeline.web.discussion import service
from gradeline.web.discussion.models import Comment, CommentRevision
from tests.web.community.conftest import signed_in


def test_replies_are_threaded_with_author_and_time(member: User, editor: User) -> None:
    root = service.post(member, "nsaid", "Spørgsmål")
    reply = service.post(editor, "nsaid", "Svar", parent=root)
    html = signed_in(member).get("/nkr-laenderygsmerter/anbefalinger/nsaid/").content.decode()
    root_at, reply_at = html.index(f'id="kommentar-{root.pk}"'), html.index(f'id="kommentar-{reply.pk}"')
    assert root_at < reply_at and 'class="replies"' in html[root_at:reply_at]
    assert "<time datetime=" in html and "erik" in html
    with pytest.raises(ValueError):
        service.post(member, "paracetamol", "Forkert tråd", parent=root)


def test_edits_keep_every_version_within_the_window(member: User, editor: User) -> None:
    client = signed_in(member)
    comment = service.post(member, "nsaid", "Første tekst")
    assert (
        client.post(
            f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/rediger/", {"body": "Anden tekst"}
        ).status_code
        == 302
    )
    comment.refresh_from_db()
    assert comment.body == "Anden tekst" and comment.edited_at is not None
    assert [r.body for r in comment.revisions.all()] == ["Første tekst", "Anden tekst"]
    history = client.get(
        f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/historik/"
    ).content.decode()
    assert "Første tekst" in history and "Anden tekst" in history
    assert (
        signed_in(editor)
        .post(f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/rediger/", {"body": "x"})
        .status_code
        == 403
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(hours=1))
    late = client.post(
        f"/nkr-laenderygsmerter/diskussion/kommentar/{comment.pk}/rediger/", {"body": "For sent"}
    )
    assert late.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Anden tekst" and comment.revisions.count() == 2


def test_empty_and_unknown_are_refused_with_a_message(member: User) -> None:
    client = signed_in(member)
    assert client.post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "   "}).status_code == 400
    assert client.post("/nkr-laenderygsmerter/diskussion/findes-ikke/", {"body": "x"}).status_code == 404
    assert Comment.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_comment_writes_lose_nothing(make_user) -> None:  # type: ignore[no-untyped-def]
    writers, each = 6, 5
    users = [make_user(f"skribent{i}") for i in range(writers)]
    root = service.post(users[0], "nsaid", "Tråd")
    errors: list[BaseException] = []
    start = threading.Barrier(writers)

    def write(user: User) -> None:
        try:
            start.wait()
            for n in range(each):
                service.post(user, "nsaid", f"{user.username} nr. {n}", parent=root)
            service.edit(user, Comment.objects.filter(author=user).last(), f"{user.username} rettet")  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert Comment.objects.count() == 1 + writers * each
    assert CommentRevision.objects.count() == 1 + writers * each + writers
    bodies = set(CommentRevision.objects.values_list("body", flat=True))
    assert {f"{u.username} nr. {n}" for u in users for n in range(each)} <= bodies
