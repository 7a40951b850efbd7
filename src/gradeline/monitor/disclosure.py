"""Small-cell suppression of result rows, applied before anything is written or shown.

Primary: a row is suppressed when any count it would publish rests on 1 to ``min_cell - 1`` distinct
patients (initial population, denominator, numerator, denominator minus numerator, exclusions, patients
with a day count). Complementary: wherever published rows add up to a published total (the strata of one
stratifier add up to 'all'; in a combined stratifier such as period×region the regions of one period add up to
that period's row, and the periods of one region to that region's row), a single suppressed row could be
recovered by subtraction, so the next smallest row of that group is suppressed as well, until no group has
exactly one suppressed row.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from gradeline.monitor.columns import HIDDEN

DEFAULT_MIN_CELL = 5
PATIENT_COUNTS = (
    "patients_population",
    "patients_den",
    "patients_num",
    "patients_not_num",
    "patients_excl",
    "patients_value",
)


def is_small(row: dict[str, Any], min_cell: int) -> bool:
    """True when some published count rests on 1 to ``min_cell - 1`` patients."""
    return any(0 < int(row.get(c) or 0) < min_cell for c in PATIENT_COUNTS)


def _groups(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    """Sets of rows that add up to another published row (see module docstring)."""
    by: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        if r["stratifier"] == "all":
            continue
        parts = r["stratifier"].split("×")
        values = r["stratum"].split("|")
        if len(parts) == 1:
            by[(r["indicator"], r["stratifier"])].append(r)
        else:
            for i in range(len(parts)):
                fixed = tuple(v for j, v in enumerate(values) if j != i)
                by[(r["indicator"], r["stratifier"], str(i), *fixed)].append(r)
    return by.values()


def suppress(rows: list[dict[str, Any]], min_cell: int = DEFAULT_MIN_CELL) -> list[dict[str, Any]]:
    """Mark (``suppressed``) and blank small cells and their complements; returns the same rows."""
    if min_cell < 1:
        raise ValueError("min_cell must be at least 1")
    for r in rows:
        r["suppressed"] = is_small(r, min_cell)
    groups = list(_groups(rows))
    changed = True
    while changed:
        changed = False
        for group in groups:
            hidden = [r for r in group if r["suppressed"]]
            shown = [r for r in group if not r["suppressed"]]
            if len(hidden) == 1 and shown:
                smallest = min(shown, key=lambda r: (r.get("patients_population", 0), r["stratum"]))
                smallest["suppressed"] = True
                changed = True
    for r in rows:
        if r["suppressed"]:
            r.update(dict.fromkeys(HIDDEN))
        for c in PATIENT_COUNTS:
            r.pop(c, None)
    return rows
