"""What a row's published summary ('Sammendrag') says about clinical relevance, and agreement with ours."""

from __future__ import annotations

import re
from typing import Literal

from gradeline.evidence.relevance import RelevanceClass

Agreement = Literal["agrees", "disagrees", "not_assessable", "not_stated", "inconsistent"]
PublishedClaim = Literal["no_relevant_difference"]

# Tolerates the printed variants 'Ingen kliniske relevant forskel' and 'forskelrisiko for bias'.
_NO_RELEVANT = re.compile(r"ingen\s+klinisk\w*\s+relevant\w*\s+forskel", re.IGNORECASE)


def published_claim(summary: str | None) -> PublishedClaim | None:
    """The relevance claim in a published summary: 'no clinically relevant difference', or None."""
    if summary and _NO_RELEVANT.search(summary):
        return "no_relevant_difference"
    return None


def agreement(computed: RelevanceClass, claim: PublishedClaim | None) -> Agreement:
    """Whether the computed class agrees with the published claim."""
    if computed == "inconsistent_numbers":
        return "inconsistent"
    if claim is None:
        return "not_stated"
    if computed == "no_stated_threshold":
        return "not_assessable"
    return "agrees" if computed == claim else "disagrees"
