"""Roles: reader (anonymous), member (comments), editor (moderates, publishes), admin (manages roles).

A signed-in user's role is their Django group (one of them); superusers are admins.
"""

from collections.abc import Callable
from enum import IntEnum
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Role(IntEnum):
    READER = 0
    MEMBER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def key(self) -> str:
        return self.name.lower()

    @property
    def label(self) -> "str | Promise":
        """The role's name in the active language (lazy, so module-level choices follow the request)."""
        return ROLE_LABELS[self.key]

    @classmethod
    def from_key(cls, key: str) -> "Role":
        return cls[key.upper()]


ROLE_LABELS: dict[str, "str | Promise"] = {
    "reader": _("Læser"),
    "member": _("Medlem"),
    "editor": _("Redaktør"),
    "admin": _("Administrator"),
}
GROUP_ROLES = (Role.MEMBER, Role.EDITOR, Role.ADMIN)
User = AbstractBaseUser | AnonymousUser


def role_of(user: Any) -> Role:
    """The user's role; anonymous visitors and inactive users are readers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.READER
    if user.is_superuser:
        return Role.ADMIN
    cached: Role | None = getattr(user, "_gradeline_role", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = max((r for r in GROUP_ROLES if r.key in names), default=Role.MEMBER)
        user._gradeline_role = cached
    return cached


def has_role(user: Any, role: Role) -> bool:
    return role_of(user) >= role


@transaction.atomic
def set_role(user: Any, role: Role) -> None:
    """Give the user exactly this role (member, editor or admin)."""
    if role == Role.READER:
        raise ValueError("readers are anonymous; deactivate the account instead")
    user.groups.remove(*Group.objects.filter(name__in=[r.key for r in GROUP_ROLES]))
    group, _ = Group.objects.get_or_create(name=role.key)
    user.groups.add(group)
    user.__dict__.pop("_gradeline_role", None)


View = Callable[..., HttpResponse]


def role_required(role: Role) -> Callable[[View], View]:
    """Anonymous visitors go to the log-in page; signed-in users without the role get a 403 page."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, role):
                return render(request, "accounts/forbidden.html", {"needed": role}, status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
