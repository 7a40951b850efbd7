"""The panel of other guidelines on layer 2: each one's position in the reader's language, dated and cited."""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.content.peers import PeerDirection, PeerGuidelines, cached_peers

DIRECTIONS: dict[PeerDirection, tuple[str, Promise]] = {
    PeerDirection.FOR: ("↑", _("For")),
    PeerDirection.AGAINST: ("↓", _("Imod")),
    PeerDirection.ONLY_WITH: ("↗", _("Kun sammen med andet")),
    PeerDirection.UNCLEAR: ("?", _("Ingen klar anbefaling")),
    PeerDirection.NOT_ADDRESSED: ("–", _("Ikke behandlet")),
    PeerDirection.NOT_CONFIRMED: ("–", _("Ikke bekræftet")),
}


@dataclass(frozen=True)
class PeerRow:
    """One other guideline's position on this recommendation's question."""

    name: str
    years: str
    direction: str
    symbol: str
    direction_label: Promise
    strength: str
    certainty: str
    text: str
    population: str
    caveat: str
    citation: str


@dataclass(frozen=True)
class PeerPanel:
    note: str
    compiled: date
    rows: list[PeerRow]


def peer_panel(rec_id: str, language: str, peers: PeerGuidelines | None = None) -> PeerPanel | None:
    """The panel for a recommendation, or None when the pack has no peer guidelines for it."""
    table = peers if peers is not None else cached_peers()
    if table is None:
        return None
    english = language == "en"
    rows = []
    for guideline, position in table.for_recommendation(rec_id):
        symbol, label = DIRECTIONS[position.direction]
        rows.append(
            PeerRow(
                name=guideline.name,
                years=f"{guideline.year}" + (f"–{guideline.updated}" if guideline.updated else ""),
                direction=position.direction.value,
                symbol=symbol,
                direction_label=label,
                strength=(position.strength_en if english else position.strength) or "",
                certainty=(position.certainty_en if english else position.certainty) or "",
                text=position.text_en if english else position.text,
                population=guideline.population_en if english else guideline.population,
                caveat=(guideline.caveat_en if english else guideline.caveat) or "",
                citation=guideline.citation,
            )
        )
    if not rows:
        return None
    return PeerPanel(table.note_en if english else table.note, table.compiled, rows)
