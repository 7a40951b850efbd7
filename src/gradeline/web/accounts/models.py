"""Invitations: an editor invites someone by e-mail; the link lets them create their account once."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

INVITATION_DAYS = 14


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    email = models.EmailField()
    role = models.CharField(max_length=10, default="member")
    token_sha256 = models.CharField(
        max_length=64, unique=True, help_text="Only the hash of the link is kept."
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.email} ({self.role})"

    @classmethod
    def issue(cls, email: str, role: str, created_by: object) -> tuple["Invitation", str]:
        """A new invitation and its secret token (shown once, never stored)."""
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            email=email,
            role=role,
            token_sha256=token_hash(token),
            created_by=created_by,
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        )
        return invitation, token

    @classmethod
    def valid(cls, token: str) -> "Invitation | None":
        return cls.objects.filter(
            token_sha256=token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now()
        ).first()
