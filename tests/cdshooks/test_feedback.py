"""Feedback (§Feedback): accepted and overridden outcomes are stored with override reasons."""

from typing import Any

import pytest

from gradeline.cdshooks.feedback import InMemoryFeedbackStore
from tests.cdshooks.conftest import Call
from tests.cdshooks.examples import epic_order_sign

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
FEEDBACK = SIGN + "/feedback"


def _card(call: Call) -> dict[str, Any]:
    card: dict[str, Any] = call(SIGN, epic_order_sign()).json()["cards"][0]
    return card


@spec("§Feedback")
def test_accepted_and_overridden_outcomes_are_counted(
    call: Call, store: InMemoryFeedbackStore, validators: dict
) -> None:
    card = _card(call)
    reason = card["overrideReasons"][0]
    body = {
        "feedback": [
            {
                "card": card["uuid"],
                "outcome": "accepted",
                "acceptedSuggestions": [{"id": card["suggestions"][0]["uuid"]}],
                "outcomeTimestamp": "2024-03-01T10:05:31Z",
            },
            {
                "card": card["uuid"],
                "outcome": "overridden",
                "overrideReason": {"reason": reason, "userComment": "Traume for 2 dage siden"},
                "outcomeTimestamp": "2024-03-01T10:06:00Z",
            },
            {"card": card["uuid"], "outcome": "overridden", "outcomeTimestamp": "2024-03-01T10:07:00.52Z"},
        ]
    }
    assert not list(validators["feedback"].iter_errors(body))
    assert call(FEEDBACK, body).status == 200
    counts = store.counts()
    assert counts[("billeddiagnostik", "accepted", "")] == 1
    assert counts[("billeddiagnostik", "overridden", reason["code"])] == 1
    assert counts[("billeddiagnostik", "overridden", "")] == 1
    assert store.feedback[1].user_comment == "Traume for 2 dage siden"


@spec("§Feedback")
@pytest.mark.parametrize(
    "entry",
    [
        {"card": "x", "outcome": "accepted", "outcomeTimestamp": "2024-03-01T10:05:31Z"},  # cds-fb-2
        {
            "card": "x",
            "outcome": "overridden",
            "overrideReason": {},
            "outcomeTimestamp": "2024-03-01T10:05:31Z",
        },
        {"card": "x", "outcome": "ignored", "outcomeTimestamp": "2024-03-01T10:05:31Z"},
        {"card": "x", "outcome": "overridden", "outcomeTimestamp": "yesterday"},
        {"outcome": "overridden", "outcomeTimestamp": "2024-03-01T10:05:31Z"},
    ],
    ids=["accepted-without-suggestions", "empty-override-reason", "bad-outcome", "bad-timestamp", "no-card"],
)
def test_invalid_feedback_is_400(call: Call, store: InMemoryFeedbackStore, entry: dict[str, Any]) -> None:
    reply = call(FEEDBACK, {"feedback": [entry]})
    assert reply.status == 400 and reply.json()["resourceType"] == "OperationOutcome"
    assert store.feedback == []


@spec("§Trusting CDS Clients: feedback aud is the feedback URL")
def test_feedback_needs_a_token_for_the_feedback_url(call: Call, sandbox: Any) -> None:
    from tests.cdshooks.conftest import BASE

    body = {"feedback": [{"card": "x", "outcome": "overridden", "outcomeTimestamp": "2024-03-01T10:05:31Z"}]}
    assert call(FEEDBACK, body, headers=sandbox.auth(BASE + SIGN)).status == 401
    assert call(FEEDBACK, body).status == 200
