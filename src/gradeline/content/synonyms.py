"""The pack's search synonyms and lay terms (``search/synonyms.yaml``): typed words -> words of the text."""

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from gradeline.content.pack import read_yaml, validate
from gradeline.content.packs import pack_or_active

SYNONYMS_FILE = Path("search") / "synonyms.yaml"


class SynonymGroup(BaseModel):
    """Words readers type (Danish and English) and the words of the guideline's text they should find."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z_]+$")
    terms: list[str] = Field(min_length=1, description="What readers type; a query containing one matches.")
    finds: list[str] = Field(min_length=1, description="Words of the guideline's text to search for.")
    source: str = Field(min_length=3, description="Where the guideline (or a value set) makes the link.")


class Synonyms(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: list[SynonymGroup] = Field(default_factory=list)


def load_synonyms(pack: Path | None = None) -> Synonyms:
    """The pack's (default: the active pack's) synonym table; an empty table when the pack has none."""
    path = pack_or_active(pack) / SYNONYMS_FILE
    if not path.exists():
        return Synonyms()
    return validate(Synonyms, read_yaml(path), path)


def cached_synonyms(pack: Path | None = None) -> Synonyms:
    """The synonym table, read once per process and pack."""
    return _cached_synonyms(pack_or_active(pack))


@lru_cache(maxsize=8)
def _cached_synonyms(pack: Path) -> Synonyms:
    return load_synonyms(pack)
