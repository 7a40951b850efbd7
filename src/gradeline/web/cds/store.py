"""A database-backed :class:`gradeline.cdshooks.feedback.FeedbackStore`."""

from collections import Counter
from collections.abc import Sequence

from django.db import transaction

from gradeline.cdshooks.feedback import FeedbackItem
from gradeline.cdshooks.feedback import IssuedCard as IssuedCardData
from gradeline.web.cds.models import Feedback, IssuedCard


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
