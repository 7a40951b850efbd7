"""The discussion slot on layer 2: the threads, and the forms the visitor's role allows."""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.template.loader import render_to_string

from gradeline.web.accounts.roles import Role, role_of
from gradeline.web.discussion import service
from gradeline.web.discussion.markdown import render_comment
from gradeline.web.discussion.models import Comment, ThreadStatus
from gradeline.web.slots import register


@dataclass
class Node:
    comment: Comment
    html: str
    can_edit: bool
    replies: list["Node"] = field(default_factory=list)


def threads(request: HttpRequest, rec_id: str) -> list[Node]:
    comments = (
        Comment.objects.of_active().filter(recommendation_id=rec_id).select_related("author", "hidden_by")
    )
    nodes: dict[int, Node] = {}
    roots: list[Node] = []
    for c in comments:
        node = Node(c, render_comment(c.body), service.can_edit(request.user, c))
        nodes[c.pk] = node
        parent = nodes.get(c.parent_id) if c.parent_id else None
        (parent.replies if parent else roots).append(node)
    return roots


@register("discussion")
def discussion(request: HttpRequest, rec_id: str) -> str:
    role = role_of(getattr(request, "user", None))
    roots = threads(request, rec_id)
    return render_to_string(
        "discussion/_discussion.html",
        {
            "rec_id": rec_id,
            "threads": roots,
            "count": Comment.objects.of_active().filter(recommendation_id=rec_id).count(),
            "can_comment": role >= Role.MEMBER,
            "edit_minutes": int(service.edit_window().total_seconds() // 60),
            "is_editor": role >= Role.EDITOR,
            "statuses": ThreadStatus.choices,
        },
        request=request,
    )
