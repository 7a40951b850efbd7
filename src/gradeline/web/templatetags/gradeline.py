"""Template tags: content texts in their language (with a note when untranslated) and glossary marking."""

from typing import Any

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from gradeline.web.glossary import GlossaryMarker
from gradeline.web.localize import Text

register = template.Library()


def language_name(code: str) -> str:
    """A language's name in the reader's language ('dansk', 'English'), for notes on untranslated texts."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
    return name.lower() if (get_language() or "").startswith("da") else name  # Danish writes 'engelsk'


@register.filter
def only_in(code: str) -> str:
    """'kun på engelsk (ingen oversættelse)' / 'only available in English (no translation)'."""
    return _("findes kun på %(language)s (ingen oversættelse)") % {"language": language_name(code)}


def _wrap(value: Text | str, inner: str) -> SafeString:
    if isinstance(value, Text) and value.fallback:
        note = format_html(
            ' <span class="fallback-note">({})</span>',
            _("kun på %(language)s, ikke oversat") % {"language": language_name(value.lang)},
        )
        return mark_safe(
            f'<span lang="{value.lang}" data-untranslated>{inner}</span>{note}'
        )  # inner is escaped
    return mark_safe(inner)  # inner is escaped


@register.filter
def tx(value: Text | str | None) -> SafeString:
    """A content text, escaped, marked with its language and a note when the translation is missing."""
    if value is None:
        return mark_safe("")
    return _wrap(value, str(escape(str(value))))


@register.simple_tag(takes_context=True)
def gloss(context: template.Context, value: Text | str | None) -> SafeString:
    """Like ``tx``, with the page's first occurrence of each glossary term explained on hover and focus."""
    if value is None:
        return mark_safe("")
    marker: Any = context.get("glossary_marker")
    inner = (
        marker.annotate_text(str(value)) if isinstance(marker, GlossaryMarker) else str(escape(str(value)))
    )
    return _wrap(value, inner)


@register.simple_tag(takes_context=True)
def gloss_html(context: template.Context, html: str) -> SafeString:
    """Mark glossary terms in trusted HTML (a rendered chapter)."""
    marker: Any = context.get("glossary_marker")
    return mark_safe(marker.annotate_html(html) if isinstance(marker, GlossaryMarker) else html)
