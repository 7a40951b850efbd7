"""Building CDS Hooks cards from the guideline: recommendation text and practical advice quoted verbatim."""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gradeline.cdshooks.valuesets import CANONICAL, Code
from gradeline.model import Guideline, Recommendation

SUMMARY_MAX = 139  # "<140 characters"; Inferno flags length >= 140
TOPIC_SYSTEM = f"{CANONICAL}/CodeSystem/nkr-lrs-recommendation"


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


def status_line(guideline: Guideline) -> str:
    """The not-in-force notice every card carries."""
    status = guideline.status
    since = f" siden {status.since_year}" if status.since_year else ""
    return f"**{status.label}{since}.** {status.note}"


def source(guideline: Guideline, rec: Recommendation, links: Links) -> dict[str, Any]:
    """card.source: label with the status, the recommendation's page and a topic coding."""
    label = f"{guideline.publisher}: NKR lænderygsmerter ({guideline.status.label.lower()})"
    return {
        "label": label,
        "url": links.recommendation(rec),
        "topic": {"system": TOPIC_SYSTEM, "code": rec.id, "display": rec.title},
    }


def quote(rec: Recommendation) -> str:
    """The recommendation as printed, with its strength label and chapter."""
    return f"**{rec.label}** (kapitel {rec.chapter}):\n\n> {rec.text}"


def link(label: str, url: str) -> dict[str, str]:
    """An absolute link."""
    return {"label": label, "url": url, "type": "absolute"}


def card(
    *,
    summary: str,
    indicator: str,
    detail: Sequence[str],
    guideline: Guideline,
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
        "detail": "\n\n".join([status_line(guideline), *detail]),
        "source": source(guideline, rec, links),
        "links": [link(f"Anbefalingen: {rec.title}", links.recommendation(rec)), *extra_links],
    }
    if suggestions:
        built["suggestions"] = list(suggestions)
        built["selectionBehavior"] = selection_behavior or "at-most-one"
    if override_reasons:
        built["overrideReasons"] = [c.coding() for c in override_reasons]
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
    label: str, resource_id: str, patient_id: str, rec: Recommendation, links: Links
) -> dict[str, Any]:
    """Remove the order and create a draft referral for another intervention (code as text: no coded
    concept for it is given in our sources)."""
    referral = {
        "resourceType": "ServiceRequest",
        "status": "draft",
        "intent": "proposal",
        "code": {"text": f"{rec.title} (NKR lænderygsmerter, kapitel {rec.chapter})"},
        "subject": {"reference": f"Patient/{patient_id}"},
        "note": [{"text": f"{rec.label}: {rec.text} Se {links.recommendation(rec)}"}],
    }
    return {
        "label": label,
        "uuid": new_uuid(),
        "actions": [
            {"type": "delete", "description": "Fjern den foreslåede ordination", "resourceId": resource_id},
            {"type": "create", "description": label, "resource": referral},
        ],
    }
