"""Template filters for the evidence readings and decision-support pages."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def reading_for(evidence: Any, outcome_id: str) -> Any:
    """The computed reading of an outcome row (None when the row has no estimate)."""
    rows = getattr(evidence, "rows", None)
    return rows.get(outcome_id) if rows else None


@register.filter
def get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` or None."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
