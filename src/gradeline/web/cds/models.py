"""Cards we issued and the feedback clients sent about them (accepted / overridden, with reasons)."""

from django.db import models


class IssuedCard(models.Model):
    """A card returned to a CDS client, so that feedback can be tied to the recommendation behind it."""

    uuid = models.CharField(max_length=64, unique=True)
    service_id = models.CharField(max_length=100)
    hook_instance = models.CharField(max_length=100)
    recommendation_id = models.CharField(max_length=100)
    issued_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.service_id}:{self.uuid}"


class Feedback(models.Model):
    """One feedback item from a CDS client (CDS Hooks §Feedback)."""

    service_id = models.CharField(max_length=100)
    card_uuid = models.CharField(max_length=64, db_index=True)
    outcome = models.CharField(max_length=20)
    outcome_timestamp = models.DateTimeField()
    accepted_suggestions = models.JSONField(default=list)
    override_reason_system = models.CharField(max_length=300, blank=True)
    override_reason_code = models.CharField(max_length=100, blank=True)
    override_reason_display = models.CharField(max_length=300, blank=True)
    user_comment = models.TextField(blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.service_id}:{self.card_uuid}:{self.outcome}"


class SeenToken(models.Model):
    """A client JWT's ``jti`` already accepted, kept until the token has expired: one table shared by every
    worker and surviving restarts, so a token is accepted once (CDS Hooks §Trusting CDS Clients)."""

    iss = models.CharField(max_length=300)
    jti = models.CharField(max_length=200)
    expires_at = models.FloatField(db_index=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=["iss", "jti"], name="cds_seen_token_once"),)

    def __str__(self) -> str:
        return f"{self.iss}:{self.jti}"
