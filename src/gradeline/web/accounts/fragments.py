"""The account slot in the page header: log-in link, or the user's name, role, tools and log-out button."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from gradeline.web.accounts.roles import Role, role_of
from gradeline.web.slots import register


@register("account")
def account(request: HttpRequest, _: str) -> str:
    role = role_of(getattr(request, "user", None))
    return render_to_string(
        "accounts/_account.html",
        {
            "user": request.user,
            "role": role,
            "is_editor": role >= Role.EDITOR,
            "is_admin": role >= Role.ADMIN,
        },
        request=request,
    )
