"""The audit log: who did what, when, to what. Entries are only ever added."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    COMMENT = "comment", _("Kommentar")
    COMMENT_EDIT = "comment_edit", _("Kommentar redigeret")
    STATUS = "status", _("Trådstatus ændret")
    HIDE = "hide", _("Kommentar skjult")
    UNHIDE = "unhide", _("Kommentar vist igen")
    PUBLISH = "publish", _("Udgave publiceret")
    ROLE = "role", _("Rolle ændret")
    INVITE = "invite", _("Invitation sendt")
    SIGNUP = "signup", _("Konto oprettet")
    DRAFT = "draft", _("Udkast ændret")


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_name = models.CharField(max_length=150, help_text="Kept even if the account is removed.")
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    target = models.CharField(max_length=200)
    detail = models.JSONField(default=dict)

    class Meta:
        ordering = (
            "-at",
            "-id",
        )
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.target}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValueError("audit entries cannot be deleted")
