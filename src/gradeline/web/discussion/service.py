"""What users do in a discussion: write, reply, edit (within the window), set status, hide and show.

Each change is one short transaction; concurrent writers never overwrite each other (comments are
inserted, edits append a revision), and SQLite's "database is locked" is retried briefly.
"""

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from gradeline.web.accounts.roles import Role, has_role
from gradeline.web.audit.log import record
from gradeline.web.audit.models import Action
from gradeline.web.discussion.models import Comment, CommentRevision, ThreadStatus
from gradeline.web.guidelines.catalogue import active_slug

MAX_LENGTH = 10_000
# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a comment read
# differently from what it says ("Trojan Source"); they are removed before a comment is stored.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
T = TypeVar("T")


class NotAllowed(Exception):
    """The user's role or the time window does not allow this."""


def _retry(work: Callable[[], T], attempts: int = 8) -> T:
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def edit_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "GRADELINE_COMMENT_EDIT_MINUTES", 15))


def can_edit(user: Any, comment: Comment) -> bool:
    return (
        has_role(user, Role.MEMBER)
        and comment.author_id == user.pk
        and not comment.hidden
        and timezone.now() - comment.created_at <= edit_window()
    )


def clean_body(body: str) -> str:
    """The comment as stored: bidi controls removed, trimmed, 1 to MAX_LENGTH characters (else ValueError)."""
    body = body.translate(BIDI_CONTROLS).strip()
    if not body or len(body) > MAX_LENGTH:
        raise ValueError(gettext("En kommentar skal have mellem 1 og %(max)d tegn.") % {"max": MAX_LENGTH})
    return body


def post(user: Any, rec_id: str, body: str, parent: Comment | None = None) -> Comment:
    if not has_role(user, Role.MEMBER):
        raise NotAllowed(gettext("Log ind som medlem for at kommentere."))
    body = clean_body(body)
    if parent is not None and parent.recommendation_id != rec_id:
        raise ValueError(gettext("Svaret hører til en anden anbefaling."))

    def work() -> Comment:
        comment = Comment.objects.create(
            guideline_slug=active_slug(), recommendation_id=rec_id, parent=parent, author=user, body=body
        )
        CommentRevision.objects.create(comment=comment, body=body, author=user, created_at=comment.created_at)
        record(user, Action.COMMENT, f"{rec_id}#{comment.pk}", parent=parent.pk if parent else None)
        return comment

    return _retry(work)


def edit(user: Any, comment: Comment, body: str) -> Comment:
    if not can_edit(user, comment):
        raise NotAllowed(gettext("Kommentaren kan kun rettes af forfatteren kort efter, den er skrevet."))
    body = clean_body(body)

    def work() -> Comment:
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        now = timezone.now()
        CommentRevision.objects.create(comment=locked, body=body, author=user, created_at=now)
        locked.body, locked.edited_at = body, now
        locked.save(update_fields=["body", "edited_at"])
        record(user, Action.COMMENT_EDIT, f"{locked.recommendation_id}#{locked.pk}")
        return locked

    return _retry(work)


def set_status(user: Any, comment: Comment, status: str) -> None:
    if not has_role(user, Role.EDITOR):
        raise NotAllowed(gettext("Kun redaktører kan ændre en tråds status."))
    if status not in ThreadStatus.values:
        raise ValueError(status)
    root = comment if comment.parent_id is None else _root(comment)

    def work() -> None:
        old = root.status
        Comment.objects.filter(pk=root.pk).update(status=status)
        record(user, Action.STATUS, f"{root.recommendation_id}#{root.pk}", old=old, new=status)

    _retry(work)


def _root(comment: Comment) -> Comment:
    while comment.parent is not None:
        comment = comment.parent
    return comment


def hide(user: Any, comment: Comment, reason: str) -> None:
    if not has_role(user, Role.EDITOR):
        raise NotAllowed(gettext("Kun redaktører kan moderere."))
    reason = reason.strip()
    if not reason:
        raise ValueError(gettext("Angiv en begrundelse."))

    def work() -> None:
        Comment.objects.filter(pk=comment.pk).update(
            hidden=True, hidden_reason=reason[:500], hidden_by=user, hidden_at=timezone.now()
        )
        record(user, Action.HIDE, f"{comment.recommendation_id}#{comment.pk}", reason=reason[:500])

    _retry(work)


def unhide(user: Any, comment: Comment) -> None:
    if not has_role(user, Role.EDITOR):
        raise NotAllowed(gettext("Kun redaktører kan moderere."))

    def work() -> None:
        Comment.objects.filter(pk=comment.pk).update(hidden=False)
        record(user, Action.UNHIDE, f"{comment.recommendation_id}#{comment.pk}", reason=comment.hidden_reason)

    _retry(work)
