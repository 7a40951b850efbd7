"""The layer-2 sections a recommendation unfolds into on layer 1 (tabs with JavaScript, anchors without)."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.content.peers import cached_peers
from gradeline.model import Recommendation

PEERS_ANCHOR = "andre-retningslinjer"

# (anchor on the layer-2 page, tab label); the anchors are the section ids of recommendation.html.
SECTIONS: tuple[tuple[str, Promise], ...] = (
    ("noegleinformationer", _("Nøgleinformationer")),
    ("evidensprofil", _("Evidensprofil")),
    ("sammenfatning", _("Sammenfatning")),
    ("fokuseret-spoergsmaal", _("Fokuseret spørgsmål (PICO)")),
    ("baggrund", _("Baggrund")),
    ("referencer", _("Inkluderede studier")),
    (PEERS_ANCHOR, _("Andre retningslinjer")),
)


@dataclass(frozen=True)
class SectionLink:
    """One tab: its label and the layer-2 address it shows (and falls back to)."""

    anchor: str
    label: Promise
    url: str


def section_links(rec: Recommendation) -> list[SectionLink]:
    """The tabs of one recommendation (other guidelines only where the pack has them)."""
    page = reverse("recommendation", args=[rec.id])
    peers = cached_peers()
    has_peers = peers is not None and bool(peers.for_recommendation(rec.id))
    return [
        SectionLink(anchor, label, f"{page}#{anchor}")
        for anchor, label in SECTIONS
        if anchor != PEERS_ANCHOR or has_peers
    ]
