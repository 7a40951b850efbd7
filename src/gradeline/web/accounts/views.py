"""Log-in/out, password reset and change, invitations, sign-up and roles."""

from functools import partial

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext

from gradeline.web.accounts import outbox
from gradeline.web.accounts.forms import ROLE_CHOICES, InvitationForm, RoleForm, SignUpForm
from gradeline.web.accounts.models import Invitation
from gradeline.web.accounts.roles import Role, role_of, role_required, set_role
from gradeline.web.audit.log import record
from gradeline.web.audit.models import Action
from gradeline.web.limits import rate_limited
from gradeline.web.site_url import absolute, scheme_and_domain

login_view = rate_limited("login")(
    auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True)
)
logout_view = auth_views.LogoutView.as_view()


def send_reset_email(email: str, language: str) -> None:
    """Send the reset link to the accounts with this address, if any (runs in the outbox thread)."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    scheme, domain = scheme_and_domain()
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=scheme == "https",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
        )


class BackgroundPasswordResetView(auth_views.PasswordResetView):
    """Queues the reset e-mail and answers at once: the same response and work for any address."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        language = translation.get_language() or settings.LANGUAGE_CODE
        outbox.later(partial(send_reset_email, form.cleaned_data["email"], language))
        return HttpResponseRedirect(self.get_success_url())


password_reset = rate_limited("reset")(
    BackgroundPasswordResetView.as_view(
        template_name="accounts/password_reset_form.html", success_url=reverse_lazy("password_reset_done")
    )
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change_form.html", success_url=reverse_lazy("password_change_done")
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html", success_url=reverse_lazy("password_reset_complete")
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


@role_required(Role.EDITOR)
@rate_limited("invitation", key="user")
def invitations(request: HttpRequest) -> HttpResponse:
    """Editors invite members (admins also editors and admins); the link is e-mailed and shown once."""
    inviter = role_of(request.user)
    form = InvitationForm(request.POST or None, inviter_role=inviter)
    link = ""
    if request.method == "POST" and form.is_valid():
        invitation, token = Invitation.issue(
            form.cleaned_data["email"], form.cleaned_data["role"], request.user
        )
        link = absolute(reverse("signup", args=[token]))
        role = str(Role.from_key(invitation.role).label).lower()
        send_mail(
            gettext("Invitation til gradeline"),
            gettext("Du er inviteret til gradeline som %(role)s.") % {"role": role}
            + "\n"
            + gettext("Opret din konto her (linket virker i 14 dage):")
            + f"\n{link}\n",
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )
        record(request.user, Action.INVITE, invitation.email, role=invitation.role)
        form = InvitationForm(inviter_role=inviter)
    recent = Invitation.objects.select_related("created_by", "used_by")[:50]
    return render(request, "accounts/invitations.html", {"form": form, "link": link, "invitations": recent})


def signup(request: HttpRequest, token: str) -> HttpResponse:
    """Create an account from an invitation link (once)."""
    invitation = Invitation.valid(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.used_at is not None:
                return render(request, "accounts/invitation_invalid.html", status=404)
            user = form.save(commit=False)
            user.email = invitation.email
            user.save()
            set_role(user, Role.from_key(invitation.role))
            locked.used_at, locked.used_by = timezone.now(), user
            locked.save(update_fields=["used_at", "used_by"])
            record(
                user,
                Action.SIGNUP,
                user.get_username(),
                role=invitation.role,
                invited_by=invitation.created_by_id,
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return HttpResponseRedirect("/")
    return render(request, "accounts/signup.html", {"form": form, "invitation": invitation})


@role_required(Role.ADMIN)
def users(request: HttpRequest) -> HttpResponse:
    """Admins see every account and change roles (audit-logged)."""
    people = [(u, role_of(u)) for u in User.objects.order_by("username").prefetch_related("groups")]
    return render(request, "accounts/users.html", {"people": people, "roles": ROLE_CHOICES})


@role_required(Role.ADMIN)
def change_role(request: HttpRequest, user_id: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("users"))
    person = get_object_or_404(User, pk=user_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        old, new = role_of(person), Role.from_key(form.cleaned_data["role"])
        if old != new:
            set_role(person, new)
            record(request.user, Action.ROLE, person.get_username(), old=old.key, new=new.key)
    return HttpResponseRedirect(reverse("users"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A page that explains the refused form (403), instead of Django's debug text."""
    return render(request, "accounts/csrf_failure.html", status=403)
