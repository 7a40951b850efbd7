"""Database-backed stores: feedback (:class:`gradeline.cdshooks.feedback.FeedbackStore`) and seen JWT ids."""

from collections import Counter
from collections.abc import Sequence

from django.db import IntegrityError, transaction

from gradeline.cdshooks.feedback import FeedbackItem
from gradeline.cdshooks.feedback import IssuedCard as IssuedCardData
from gradeline.web.cds.models import Feedback, IssuedCard, SeenToken


class DatabaseFeedbackStore:
    """Keeps issued cards and feedback in the app's database; nothing received is dropped."""

    def record_cards(self, cards: Sequence[IssuedCardData]) -> None:
        """Remember the cards of one response (idempotent per card uuid)."""
        with transaction.atomic():
            for card in cards:
                IssuedCard.objects.get_or_create(
                    uuid=card.card_uuid,
                    defaults={
                        "service_id": card.service_id,
                        "hook_instance": card.hook_instance,
                        "recommendation_id": card.recommendation,
                        "issued_at": card.issued_at,
                    },
                )

    def add_feedback(self, items: Sequence[FeedbackItem]) -> None:
        """Store every feedback item as received (the same card may get feedback more than once)."""
        Feedback.objects.bulk_create(
            Feedback(
                service_id=item.service_id,
                card_uuid=item.card_uuid,
                outcome=item.outcome,
                outcome_timestamp=item.outcome_timestamp,
                accepted_suggestions=list(item.accepted_suggestions),
                override_reason_system=item.override_system or "",
                override_reason_code=item.override_code or "",
                override_reason_display=item.override_display or "",
                user_comment=item.user_comment or "",
            )
            for item in items
        )

    def counts(self) -> Counter[tuple[str, str, str]]:
        """(recommendation, outcome, override reason) -> number of feedback items, for reports."""
        recommendations = dict(IssuedCard.objects.values_list("uuid", "recommendation_id"))
        counted: Counter[tuple[str, str, str]] = Counter()
        for uuid, outcome, reason in Feedback.objects.values_list(
            "card_uuid", "outcome", "override_reason_code"
        ):
            counted[(recommendations.get(uuid, "?"), outcome, reason)] += 1
        return counted


class DatabaseReplayCache:
    """:class:`gradeline.cdshooks.auth.ReplayGuard` on the database: the unique (iss, jti) row decides, so
    two workers (or a restarted one) cannot both accept the same token. Expired rows are purged now and
    then."""

    purge_every = 60.0

    def __init__(self) -> None:
        self._next_purge = 0.0

    def first_use(self, iss: str, jti: str, expires: float, now: float) -> bool:
        """Record the jti; False if any worker has seen it before and it has not expired."""
        if now >= self._next_purge:
            SeenToken.objects.filter(expires_at__lte=now).delete()
            self._next_purge = now + self.purge_every
        try:
            with transaction.atomic():
                SeenToken.objects.create(iss=iss[:300], jti=jti[:200], expires_at=expires)
        except IntegrityError:
            with transaction.atomic():  # an expired row not yet purged does not block a new token
                stale = SeenToken.objects.filter(iss=iss[:300], jti=jti[:200], expires_at__lte=now)
                if not stale.update(expires_at=expires):
                    return False
        return True
