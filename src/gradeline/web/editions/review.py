"""Review status per recommendation: new, updated, reviewed with no change needed, or not in force.

Computed by comparing an edition's snapshot with the previous one; without a previous edition, the pack's
own update notes ("Opdatering af anbefalingen er ikke vurderet nødvendig i <år>.") tell the story.
The next review is due ``review_interval_years`` after the last review (section 16: every third year).
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

NO_CHANGE = re.compile(r"ikke vurderet nødvendig i (\d{4})", re.IGNORECASE)
# What identifies a recommendation's content: a change here makes it "updated".
CONTENT_KEYS = (
    "title", "text", "strength", "direction", "label", "practical_advice", "key_info",
    "overall_certainty", "pico", "summary", "outcomes", "footnotes",
)  # fmt: skip
# Lazy, so the statuses (computed once and kept) are shown in each reader's language.
LABELS: dict[str, str | Promise] = {
    "new": _("Ny"),
    "updated": _("Opdateret"),
    "reviewed": _("Gennemgået, ingen ændring nødvendig"),
    "not_in_force": _("Ikke gældende"),
}


@dataclass(frozen=True)
class ReviewStatus:
    kind: str  # new | updated | reviewed | not_in_force
    year: int | None  # the year of the last change or review
    next_review: date | None  # None when the guideline is not in force
    basis: str  # the underlying review state when not in force

    @property
    def label(self) -> str | Promise:
        return LABELS[self.kind]

    @property
    def basis_label(self) -> str | Promise:
        return LABELS[self.basis]

    @property
    def description(self) -> str:
        year = f" {self.year}" if self.year else ""
        if self.kind == "not_in_force":
            basis = str(LABELS[self.basis]).lower()
            return gettext("Ikke gældende · senest %(basis)s") % {"basis": basis} + year
        due = ""
        if self.next_review:
            due = " · " + gettext("næste gennemgang %(date)s") % {"date": self.next_review.isoformat()}
        return f"{self.label}{year}{due}"


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _content(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: rec.get(k) for k in CONTENT_KEYS}


def review_statuses(
    snapshot: dict[str, Any], previous: dict[str, Any] | None, published: date
) -> dict[str, ReviewStatus]:
    """Each recommendation's review status in ``snapshot`` (an edition published on ``published``)."""
    interval = int(snapshot.get("review_interval_years") or 3)
    in_force = snapshot.get("status", {}).get("value") == "in_force"
    before = {r["id"]: r for r in (previous or {}).get("recommendations", [])}
    result: dict[str, ReviewStatus] = {}
    for rec in snapshot.get("recommendations", []):
        old = before.get(rec["id"])
        note = NO_CHANGE.search(rec.get("update_note") or "")
        if previous is not None and old is None:
            basis, year = "new", published.year
        elif previous is not None and old is not None and _content(old) != _content(rec):
            basis, year = "updated", published.year
        elif note:
            basis, year = "reviewed", int(note.group(1))
        elif previous is None:
            basis, year = "new", int(snapshot.get("published_year") or published.year)
        else:
            basis, year = "reviewed", published.year
        base = published if year == published.year else date(year, 12, 31)
        next_review = _add_years(base, interval) if in_force else None
        result[rec["id"]] = ReviewStatus(
            kind=basis if in_force else "not_in_force", year=year, next_review=next_review, basis=basis
        )
    return result
