"""Forms for invitations, sign-up and role changes."""

from typing import Any, ClassVar

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.web.accounts.roles import Role


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Rolle"), choices=[])

    def __init__(self, *args: Any, inviter_role: Role, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = [r for r in (Role.MEMBER, Role.EDITOR, Role.ADMIN) if r < inviter_role or r == Role.MEMBER]
        self.fields["role"].choices = [(r.key, r.label) for r in allowed]  # type: ignore[attr-defined]


class SignUpForm(UserCreationForm):  # type: ignore[type-arg]
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name")
        labels: ClassVar[dict[str, str | Promise]] = {
            "username": _("Brugernavn"),
            "first_name": _("Fornavn"),
            "last_name": _("Efternavn"),
        }


ROLE_CHOICES = [(r.key, r.label) for r in (Role.MEMBER, Role.EDITOR, Role.ADMIN)]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES)
