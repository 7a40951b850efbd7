"""The guideline's own judgement of a row, and whether a computed reading may be stated beside it.

The judgement comes from the recommendation's Sammenfatning (``evidence/judgements.yaml``, quoted verbatim),
else from the row's own summary ("Ingen klinisk relevant forskel"), else it is 'not stated'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gradeline.evidence.data import Bilingual, EvidenceData, Finding, SizeClass
from gradeline.evidence.estimate import Estimate
from gradeline.evidence.published import PublishedClaim
from gradeline.evidence.relevance import Better
from gradeline.model.outcome import Certainty, Outcome

# Linter codes whose errata make a row's direction or scale uncertain: point outside its CI, CI not centred on
# the point (a direction word is probably wrong), arms contradicting the difference, a value off the
# instrument's scale, structured values differing from the text, the direction contradicting the summary.
DIRECTION_UNCERTAIN = frozenset({"GL001", "GL003", "GL004", "GL006", "GL012", "GL017"})
Source = Literal["sammenfatning", "row_summary", "none"]
Side = Literal["intervention", "comparator"]


@dataclass(frozen=True)
class Judgement:
    """What the guideline concluded for a row, where it says so, and in its own words."""

    finding: Finding
    source: Source
    quote: Bilingual | None = None
    section: str | None = None
    seed_line: int | None = None


def judgement_of(key: str, outcome: Outcome, claim: PublishedClaim | None, data: EvidenceData) -> Judgement:
    """The judgement of row ``key`` ('rec-id/outcome-id')."""
    entry = data.judgements.rows.get(key)
    if entry is not None:
        quote = Bilingual(da=re.sub(r"\s+", " ", entry.quote).strip(), en=entry.quote_en)
        return Judgement(entry.finding, "sammenfatning", quote, entry.section, entry.seed_line)
    if claim == "no_relevant_difference" and outcome.summary:
        return Judgement("no_relevant_difference", "row_summary")
    return Judgement("not_stated", "none")


def uncertain_codes(outcome: Outcome) -> list[str]:
    """Erratum codes on the row that make its direction or scale uncertain (sorted, unique)."""
    return sorted({e.code for e in outcome.errata if e.code in DIRECTION_UNCERTAIN})


def favoured_side(estimate: Estimate, better: Better | None) -> Side | None:
    """Which arm the point estimate favours, when the better direction is known and the point is not null."""
    if better is None or estimate.point == estimate.null:
        return None
    lower = estimate.point < estimate.null
    return "intervention" if lower == (better == "lower") else "comparator"


_NOT_RELEVANT: dict[Finding, Side | None] = {
    "no_effect": None,
    "no_relevant_difference": None,
    "not_relevant_favours_intervention": "intervention",
    "not_relevant_favours_comparator": "comparator",
}


def computed_agrees(
    finding: Finding, size: SizeClass, side: Side | None, certainty: Certainty | None
) -> bool:
    """True when the computed statement claims nothing the guideline's judgement contradicts.

    A 'very uncertain' statement claims nothing. A judgement of no (relevant) effect admits only 'little to no
    difference' or 'does not clearly change'; a direction-only statement must favour the side the guideline
    names; a relevant benefit admits only a statement favouring the intervention.
    """
    if certainty == Certainty.VERY_LOW or finding == "not_stated":
        return True
    if finding in _NOT_RELEVANT:
        named = _NOT_RELEVANT[finding]
        return size in ("trivial", "unclear") or (
            size == "unclassified" and named is not None and side == named
        )
    return size in ("important", "small", "unclassified") and side == "intervention"
