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


@register.filter
def label(question: Any, lang: str) -> str:
    """A question's or group's text in the page language."""
    return str(question.label(lang) if hasattr(question, "label") else question.legend(lang))


@register.filter
def hint(question: Any, lang: str) -> str:
    return str(question.hint(lang))


@register.filter
def choices(question: Any, lang: str) -> list[tuple[str, str]]:
    return list(question.choices(lang))


@register.filter
def legend(group: Any, lang: str) -> str:
    return str(group.legend(lang))


@register.filter
def note(group: Any, lang: str) -> str:
    return str(group.note(lang))


@register.filter
def percent(share: Any) -> str:
    """A share (0–1) as a percentage with one decimal, e.g. 0.213 -> '21.3 %'."""
    try:
        return f"{100 * float(share):.1f} %"
    except (TypeError, ValueError):
        return "–"


@register.filter
def explanation_in(erratum: Any, lang: str) -> str:
    """An erratum's explanation in the page language (Danish when it has no English)."""
    return str(erratum.explanation_in(lang or "da"))


@register.filter
def explanation_lang(erratum: Any, lang: str) -> str:
    """The language of the explanation shown for ``lang``."""
    return "en" if (lang or "").startswith("en") and getattr(erratum, "explanation_en", None) else "da"
