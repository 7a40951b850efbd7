"""Discussion endpoints: forms on layer 2 post here and return to the recommendation."""

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from gradeline.content.pack import cached_pack
from gradeline.web.accounts.roles import Role, has_role
from gradeline.web.discussion import service
from gradeline.web.discussion.markdown import render_comment
from gradeline.web.discussion.models import Comment
from gradeline.web.limits import rate_limited


def _back(comment: Comment | None, rec_id: str) -> HttpResponseRedirect:
    anchor = f"#kommentar-{comment.pk}" if comment else "#diskussion"
    return HttpResponseRedirect(reverse("recommendation", args=[rec_id]) + anchor)


def _problem(request: HttpRequest, rec_id: str, message: str, status: int) -> HttpResponse:
    return render(request, "discussion/problem.html", {"rec_id": rec_id, "message": message}, status=status)


def _act(request: HttpRequest, comment: Comment, action: Callable[[], object]) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("recommendation", args=[comment.recommendation_id]))
    try:
        action()
    except service.NotAllowed as exc:
        return _problem(request, comment.recommendation_id, str(exc), 403)
    except ValueError as exc:
        return _problem(request, comment.recommendation_id, str(exc), 400)
    return _back(comment, comment.recommendation_id)


@require_POST
@rate_limited("comment", key="user")
def post_comment(request: HttpRequest, rec_id: str) -> HttpResponse:
    if rec_id not in {r.id for r in cached_pack().recommendations}:
        raise Http404(rec_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("recommendation", args=[rec_id]) + "#diskussion")
    parent = None
    if parent_id := request.POST.get("parent", ""):
        if not (parent_id.isascii() and parent_id.isdigit()):
            return _problem(request, rec_id, gettext("Svaret peger ikke på en kommentar."), 400)
        parent = get_object_or_404(Comment.objects.of_active(), pk=int(parent_id))
    try:
        comment = service.post(request.user, rec_id, request.POST.get("body", ""), parent)
    except service.NotAllowed as exc:
        return _problem(request, rec_id, str(exc), 403)
    except ValueError as exc:
        return _problem(request, rec_id, str(exc), 400)
    return _back(comment, rec_id)


def edit_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.of_active(), pk=comment_id)
    if request.method == "POST":
        return _act(
            request, comment, lambda: service.edit(request.user, comment, request.POST.get("body", ""))
        )
    if not service.can_edit(request.user, comment):
        return _problem(
            request, comment.recommendation_id, gettext("Kommentaren kan ikke længere rettes."), 403
        )
    return render(request, "discussion/edit.html", {"comment": comment})


@require_POST
def set_status(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.of_active(), pk=comment_id)
    return _act(
        request, comment, lambda: service.set_status(request.user, comment, request.POST.get("status", ""))
    )


@require_POST
def hide_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.of_active(), pk=comment_id)
    return _act(request, comment, lambda: service.hide(request.user, comment, request.POST.get("reason", "")))


@require_POST
def unhide_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.of_active(), pk=comment_id)
    return _act(request, comment, lambda: service.unhide(request.user, comment))


def history(request: HttpRequest, comment_id: int) -> HttpResponse:
    """Every version of a comment (hidden comments: editors only)."""
    comment = get_object_or_404(Comment.objects.of_active(), pk=comment_id)
    if comment.hidden and not has_role(request.user, Role.EDITOR):
        return _problem(
            request, comment.recommendation_id, gettext("Kommentaren er skjult af en redaktør."), 403
        )
    revisions = [(r, render_comment(r.body)) for r in comment.revisions.select_related("author")]
    return render(request, "discussion/history.html", {"comment": comment, "revisions": revisions})
