"""The layer-2 sections a recommendation unfolds into on layer 1 (tabs with JavaScript, anchors without)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.model import Recommendation

# (anchor on the layer-2 page, tab label); the anchors are the section ids of recommendation.html.
SECTIONS: tuple[tuple[str, Promise], ...] = (
    ("noegleinformationer", _("Nøgleinformationer")),
    ("evidensprofil", _("Evidensprofil")),
    ("sammenfatning", _("Sammenfatning")),
    ("fokuseret-spoergsmaal", _("Fokuseret spørgsmål (PICO)")),
    ("baggrund", _("Baggrund")),
    ("referencer", _("Inkluderede studier")),
)


@dataclass(frozen=True)
class SectionLink:
    """One tab: its label and the layer-2 address it shows (and falls back to)."""

    anchor: str
    label: Promise
    url: str


def section_links(rec: Recommendation) -> list[SectionLink]:
    page = reverse("recommendation", args=[rec.id])
    return [SectionLink(anchor, label, f"{page}#{anchor}") for anchor, label in SECTIONS]
