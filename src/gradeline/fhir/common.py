"""Shared helpers for the FHIR exports: ids, canonical URLs, narrative, codes."""

import hashlib
import html
import re
from typing import Any

from gradeline.cdshooks.valuesets import CANONICAL, code_system
from gradeline.model import Guideline
from gradeline.model.outcome import Certainty

CERTAINTY_SYSTEM = "http://terminology.hl7.org/CodeSystem/certainty-rating"
CERTAINTY_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/certainty-type"
CERTAINTY_CODE = {
    Certainty.HIGH: ("high", "High quality"),
    Certainty.MODERATE: ("moderate", "Moderate quality"),
    Certainty.LOW: ("low", "Low quality"),
    Certainty.VERY_LOW: ("very-low", "Very low quality"),
}
Json = dict[str, Any]


def fid(*parts: str) -> str:
    """A FHIR id (max 64 chars of [A-Za-z0-9-.])."""
    text = re.sub(r"[^A-Za-z0-9\-.]", "-", "-".join(parts))
    if len(text) <= 64:
        return text
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{text[:55]}-{digest}"


def canonical(kind: str, rid: str) -> str:
    """A canonical URL for one of our resources."""
    return f"{CANONICAL}/{kind}/{rid}"


def ref(kind: str, rid: str, display: str | None = None) -> Json:
    """A relative reference, resolvable inside the bundle."""
    found: Json = {"reference": f"{kind}/{rid}"}
    if display:
        found["display"] = display
    return found


def narrative(*paragraphs: str) -> Json:
    """Generated XHTML narrative from plain paragraphs."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p) or "<p>-</p>"
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def certainty_concept(value: Certainty) -> Json:
    """certainty-rating CodeableConcept with the Danish label as text."""
    code, display = CERTAINTY_CODE[value]
    return {"coding": [{"system": CERTAINTY_SYSTEM, "code": code, "display": display}], "text": str(value)}


def rating(g: Guideline, code: str, display: str) -> Json:
    """One of our rating codes (strength, direction), in the guideline's rating code system."""
    system = code_system(g.short_code, "rating")
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def status_note(guideline: Guideline) -> str:
    """The not-in-force note carried by every export."""
    status = guideline.status
    since = f" siden {status.since_year}" if status.since_year else ""
    return f"{status.label}{since}: {status.note}"


def publication_status(guideline: Guideline) -> str:
    """FHIR PublicationStatus: a guideline that is no longer in force is 'retired'."""
    statuses = {"in_force": "active", "not_in_force": "retired", "draft": "draft", "example": "draft"}
    return statuses[guideline.status.value.value]
