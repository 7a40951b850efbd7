"""Template helpers for the decision-support pages."""

from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def loc(obj: Any, field: str, lang: str) -> str:
    """``obj.<field>_en`` on English pages where it is set, else ``obj.<field>`` (the Danish)."""
    if lang == "en":
        english = getattr(obj, f"{field}_en", None)
        if english:
            return str(english)
    return str(getattr(obj, field))


@register.filter
def at(items: Any, index: int) -> Any:
    """``items[index]`` or empty."""
    try:
        return items[index]
    except (IndexError, TypeError):
        return ""
