"""Feedback (CDS Hooks 2.0 §Feedback): parse, validate (cds-fb-2, cds-fb-3) and store outcomes.

The web app supplies a database-backed :class:`FeedbackStore`; :class:`InMemoryFeedbackStore` serves tests
and single-process use.
"""

import datetime as dt
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from gradeline.cdshooks.http import BadRequest
from gradeline.cdshooks.request import load_json


@dataclass(frozen=True)
class IssuedCard:
    """A card we returned: which service, hook instance and recommendation."""

    card_uuid: str
    service_id: str
    hook_instance: str
    recommendation: str
    issued_at: dt.datetime


@dataclass(frozen=True)
class FeedbackItem:
    """One feedback entry as received."""

    service_id: str
    card_uuid: str
    outcome: str  # accepted | overridden
    outcome_timestamp: dt.datetime
    accepted_suggestions: tuple[str, ...] = ()
    override_system: str | None = None
    override_code: str | None = None
    override_display: str | None = None
    user_comment: str | None = None


class FeedbackStore(Protocol):
    """Where issued cards and feedback go (the same card may get feedback more than once)."""

    def record_cards(self, cards: Sequence[IssuedCard]) -> None: ...

    def add_feedback(self, items: Sequence[FeedbackItem]) -> None: ...


class InMemoryFeedbackStore:
    """A thread-safe in-process store with the counts a report needs."""

    def __init__(self) -> None:
        self.cards: dict[str, IssuedCard] = {}
        self.feedback: list[FeedbackItem] = []
        self._lock = threading.Lock()

    def record_cards(self, cards: Sequence[IssuedCard]) -> None:
        """Remember issued cards."""
        with self._lock:
            self.cards.update({c.card_uuid: c for c in cards})

    def add_feedback(self, items: Sequence[FeedbackItem]) -> None:
        """Append feedback."""
        with self._lock:
            self.feedback.extend(items)

    def counts(self) -> Counter[tuple[str, str, str]]:
        """(recommendation, outcome, override code or '') -> number of feedback entries."""
        with self._lock:
            return Counter(
                (
                    self.cards[f.card_uuid].recommendation if f.card_uuid in self.cards else "?",
                    f.outcome,
                    f.override_code or "",
                )
                for f in self.feedback
            )


def _timestamp(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise BadRequest("feedback.outcomeTimestamp is required (RFC 3339, UTC)")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadRequest(f"feedback.outcomeTimestamp is not an RFC 3339 date-time: {value!r}") from error
    if parsed.tzinfo is None:
        raise BadRequest("feedback.outcomeTimestamp must carry a time zone (UTC)")
    return parsed.astimezone(dt.UTC)


def _item(service_id: str, raw: Any) -> FeedbackItem:
    if not isinstance(raw, Mapping):
        raise BadRequest("each feedback entry must be an object")
    card, outcome = raw.get("card"), raw.get("outcome")
    if not isinstance(card, str) or not card:
        raise BadRequest("feedback.card (the card uuid) is required")
    if outcome not in ("accepted", "overridden"):
        raise BadRequest("feedback.outcome must be 'accepted' or 'overridden'")
    when = _timestamp(raw.get("outcomeTimestamp"))
    accepted: tuple[str, ...] = ()
    if outcome == "accepted":
        suggestions = raw.get("acceptedSuggestions")
        if not isinstance(suggestions, list) or not suggestions:
            raise BadRequest("acceptedSuggestions is required for an accepted outcome (cds-fb-2)")
        if not all(isinstance(s, Mapping) and isinstance(s.get("id"), str) for s in suggestions):
            raise BadRequest("each accepted suggestion needs an id")
        accepted = tuple(str(s["id"]) for s in suggestions)
    reason = raw.get("overrideReason")
    system = code = display = comment = None
    if reason is not None:
        if not isinstance(reason, Mapping) or not (reason.get("reason") or reason.get("userComment")):
            raise BadRequest("overrideReason needs a reason or a userComment (cds-fb-3)")
        coding = reason.get("reason")
        if coding is not None:
            if not isinstance(coding, Mapping) or not coding.get("code") or not coding.get("system"):
                raise BadRequest("overrideReason.reason must be a Coding with system and code")
            system, code = str(coding["system"]), str(coding["code"])
            display = str(coding["display"]) if coding.get("display") else None
        comment = reason.get("userComment")
        if comment is not None and not isinstance(comment, str):
            raise BadRequest("overrideReason.userComment must be a string")
    return FeedbackItem(service_id, card, str(outcome), when, accepted, system, code, display, comment)


def parse_feedback(service_id: str, body: bytes) -> list[FeedbackItem]:
    """The feedback entries of a request body; 400 for anything malformed."""
    data = load_json(body)
    if not isinstance(data, Mapping) or not isinstance(data.get("feedback"), list):
        raise BadRequest("the body must be an object with a 'feedback' array")
    return [_item(service_id, raw) for raw in data["feedback"]]
