"""Iterating over a guideline's rows with their locations."""

from collections.abc import Iterator

from gradeline.model import Guideline, Outcome, Recommendation


def rows(guideline: Guideline) -> Iterator[tuple[Recommendation, Outcome, str]]:
    """Every evidence-profile row with its recommendation and location 'rec-id/outcome-id'."""
    for rec in guideline.recommendations:
        for outcome in rec.outcomes:
            yield rec, outcome, f"{rec.id}/{outcome.id}"
