"""Iterating over a guideline's rows with their locations."""

from collections.abc import Iterator

from gradeline.model import Guideline, Outcome


def rows(guideline: Guideline) -> Iterator[tuple[Outcome, str]]:
    """Every evidence-profile row with its location 'rec-id/outcome-id'."""
    for rec in guideline.recommendations:
        for outcome in rec.outcomes:
            yield outcome, f"{rec.id}/{outcome.id}"
