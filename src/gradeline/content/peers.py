"""Other guidelines beside the pack's own (``peers/peer-guidelines.yaml``): each one's position per
recommendation, in our own words, dated and cited; kept apart from the guideline's text."""

from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gradeline.content.pack import read_yaml, validate
from gradeline.content.packs import pack_or_active

PEERS_FILE = Path("peers") / "peer-guidelines.yaml"


class PeerModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PeerDirection(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ONLY_WITH = "only_with"
    UNCLEAR = "unclear"
    NOT_ADDRESSED = "not_addressed"
    NOT_CONFIRMED = "not_confirmed"


class PeerGuideline(PeerModel):
    """Another guideline: who, when, for whom, and the citation."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    publisher: str
    year: int
    updated: int | None = None
    population: str
    population_en: str
    caveat: str | None = Field(default=None, description="Why it may not carry over (another population).")
    caveat_en: str | None = None
    citation: str = Field(min_length=10)


class PeerPosition(PeerModel):
    """What one other guideline says on one recommendation's question, in our words."""

    direction: PeerDirection
    strength: str | None = None
    strength_en: str | None = None
    certainty: str | None = None
    certainty_en: str | None = None
    text: str = Field(min_length=3)
    text_en: str = Field(min_length=3)


class PeerGuidelines(PeerModel):
    compiled: date
    note: str
    note_en: str
    guidelines: list[PeerGuideline] = Field(default_factory=list)
    positions: dict[str, dict[str, PeerPosition]] = Field(default_factory=dict)
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_guidelines(self) -> "PeerGuidelines":
        known = {g.id for g in self.guidelines}
        unknown = sorted({p for by_peer in self.positions.values() for p in by_peer if p not in known})
        if unknown:
            raise ValueError(f"positions name unknown guidelines: {unknown}")
        return self

    def for_recommendation(self, rec_id: str) -> list[tuple[PeerGuideline, PeerPosition]]:
        """Each guideline's position on a recommendation, in the file's guideline order."""
        found = self.positions.get(rec_id, {})
        return [(g, found[g.id]) for g in self.guidelines if g.id in found]


def load_peers(pack: Path | None = None) -> PeerGuidelines | None:
    """The pack's (default: the active pack's) peer-guideline table, or None when the pack has none."""
    path = pack_or_active(pack) / PEERS_FILE
    return validate(PeerGuidelines, read_yaml(path), path) if path.exists() else None


def cached_peers(pack: Path | None = None) -> PeerGuidelines | None:
    """The peer-guideline table, read once per process and pack."""
    return _cached_peers(pack_or_active(pack))


@lru_cache(maxsize=8)
def _cached_peers(pack: Path) -> PeerGuidelines | None:
    return load_peers(pack)
