"""Building CDS Hooks cards from the guideline: recommendation text and practical advice quoted verbatim."""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks.texts import CardTexts
from gradeline.cdshooks.valuesets import Code, code_system
from gradeline.model import Recommendation

SUMMARY_MAX = 139  # "<140 characters"; Inferno flags length >= 140


@dataclass(frozen=True)
class Links:
    """Where card links point: the web app's base URL (layer-1 page at /, decision support form)."""

    app_base: str

    def url(self, path: str) -> str:
        """An absolute URL in the web app."""
        return self.app_base.rstrip("/") + path

    def recommendation(self, rec: Recommendation) -> str:
        """The recommendation's page."""
        return self.url(f"/anbefalinger/{rec.id}/")


def new_uuid() -> str:
    """A fresh card/suggestion uuid."""
    return str(uuid.uuid4())


def short(text: str, limit: int = SUMMARY_MAX) -> str:
    """Text cut to the limit at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def status_line(texts: CardTexts) -> str:
    """The not-in-force notice every card carries (and, in English, the unofficial-translation note)."""
    status = texts.guideline.status
    since = texts.t("status_since", year=status.since_year) if status.since_year else ""
    line = f"**{texts.status_label()}{since}.** {texts.status_note()}"
    note = texts.t("unofficial")
    return f"{line}\n\n{note}" if note else line


def source(texts: CardTexts, rec: Recommendation, links: Links) -> dict[str, Any]:
    """card.source: label with the status, the recommendation's page and a topic coding."""
    g = texts.guideline
    label = texts.t("source_label", publisher=g.publisher, status=texts.t("not_in_force"))
    return {
        "label": label,
        "url": links.recommendation(rec),
        "topic": {
            "system": code_system(g.short_code, "recommendation"),
            "code": rec.id,
            "display": texts.rec_title(rec),
        },
    }


def quote(texts: CardTexts, rec: Recommendation) -> str:
    """The recommendation as printed, with its strength label and chapter."""
    where = texts.t("quote_chapter", chapter=rec.chapter)
    return f"**{texts.rec_label(rec)}** ({where}):\n\n> {texts.rec_text(rec)}"


def link(label: str, url: str) -> dict[str, str]:
    """An absolute link."""
    return {"label": label, "url": url, "type": "absolute"}


def card(
    *,
    summary: str,
    indicator: str,
    detail: Sequence[str],
    texts: CardTexts,
    rec: Recommendation,
    links: Links,
    extra_links: Sequence[Mapping[str, str]] = (),
    suggestions: Sequence[Mapping[str, Any]] = (),
    selection_behavior: str | None = None,
    override_reasons: Sequence[Code] = (),
) -> dict[str, Any]:
    """A card; optional members are left out rather than sent empty (§Use of JSON)."""
    built: dict[str, Any] = {
        "uuid": new_uuid(),
        "summary": short(summary),
        "indicator": indicator,
        "detail": "\n\n".join([status_line(texts), *detail]),
        "source": source(texts, rec, links),
        "links": [
            link(texts.t("link_recommendation", title=texts.rec_title(rec)), links.recommendation(rec)),
            *extra_links,
        ],
    }
    if suggestions:
        built["suggestions"] = list(suggestions)
        built["selectionBehavior"] = selection_behavior or "at-most-one"
    if override_reasons:
        built["overrideReasons"] = [
            {**c.coding(), "display": texts.display(c.extra, c.display)} for c in override_reasons
        ]
    return built


def delete_suggestion(label: str, resource_id: str, recommended: bool) -> dict[str, Any]:
    """Remove a draft order (delete action by resourceId)."""
    suggestion: dict[str, Any] = {
        "label": label,
        "uuid": new_uuid(),
        "actions": [{"type": "delete", "description": label, "resourceId": resource_id}],
    }
    if recommended:
        suggestion["isRecommended"] = True
    return suggestion


def replace_suggestion(
    label: str, resource_id: str, patient_id: str, rec: Recommendation, links: Links, texts: CardTexts
) -> dict[str, Any]:
    """Remove the order and create a draft referral for another intervention (code as text: no coded
    concept for it is given in our sources)."""
    referral = {
        "resourceType": "ServiceRequest",
        "status": "draft",
        "intent": "proposal",
        "code": {"text": texts.t("referral_code", title=texts.rec_title(rec), chapter=rec.chapter)},
        "subject": {"reference": f"Patient/{patient_id}"},
        "note": [
            {
                "text": texts.t(
                    "referral_note",
                    label=texts.rec_label(rec),
                    text=texts.rec_text(rec),
                    url=links.recommendation(rec),
                )
            }
        ],
    }
    return {
        "label": label,
        "uuid": new_uuid(),
        "actions": [
            {"type": "delete", "description": texts.t("remove_proposed"), "resourceId": resource_id},
            {"type": "create", "description": label, "resource": referral},
        ],
    }
