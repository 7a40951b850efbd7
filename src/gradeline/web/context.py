"""Template context shared by every page: the guideline, its status, navigation and language."""

from typing import Any

from django.http import HttpRequest

from gradeline.content.pack import cached_pack
from gradeline.content.packs import active_pack
from gradeline.model import Guideline
from gradeline.monitor.codes import has_monitoring
from gradeline.web.guidelines.catalogue import has_decision_rules
from gradeline.web.localize import Localizer
from gradeline.web.pages import chapter_links


def localizer(request: HttpRequest) -> Localizer:
    """The content localizer for the request's language."""
    return Localizer(getattr(request, "LANGUAGE_CODE", "da"))


def edition(request: HttpRequest) -> Guideline:
    """The guideline in the request's language: the Danish original or the unofficial translation."""
    return cached_pack(language=localizer(request).edition_language)


def site(request: HttpRequest) -> dict[str, Any]:
    """Context processor: what the page frame (banner, navigation, footer) needs."""
    guideline = cached_pack()
    t = localizer(request)
    status = guideline.status
    return {
        "guideline": guideline,
        "guideline_title": t("guideline/title", guideline.title),
        "status_label": t("status/label", status.label),
        "status_note": t("status/note", status.note),
        "translating": t.translating,
        "unofficial_note": t.translations.note if t.translating else "",
        "nav_chapters": chapter_links(guideline, t),
        "has_decide": has_decision_rules(active_pack()),
        "has_monitoring": has_monitoring(active_pack()),
        "guideline_transcribed": guideline.source_file is not None,  # verbatim from a published text
    }
