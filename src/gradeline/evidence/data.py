"""The evidence layer's data in a content pack (``evidence/*.yaml``): wording, relevance labels, names."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gradeline.content.pack import read_yaml, validate
from gradeline.content.packs import pack_or_active

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
SizeClass = Literal["important", "small", "trivial", "unclassified", "unclear"]
CertaintyKey = Literal["high", "moderate", "low", "very_low"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Data):
    """A text in Danish and English."""

    da: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        """The text in a language."""
        return self.da if lang == "da" else self.en


class Verb(_Data):
    """A verb in Danish and in English base and third-person form."""

    da: str
    en: str
    en_s: str


class WordingSource(_Data):
    """Where the wording table comes from."""

    citation: str
    url: str
    english: str
    danish: str
    unclassified: str


Finding = Literal[
    "no_effect",
    "no_relevant_difference",
    "not_relevant_favours_intervention",
    "not_relevant_favours_comparator",
    "relevant_benefit",
    "not_stated",
]


class RowJudgement(_Data):
    """What a recommendation's Sammenfatning concludes for one row, quoted verbatim with its seed line."""

    finding: Finding
    section: str
    seed_line: int = Field(gt=0)
    importance: Literal["kritisk", "vigtig"] | None = None
    time_frame: str | None = None
    quote: str = Field(min_length=10)
    quote_en: str = Field(min_length=10)


class Judgements(_Data):
    """The guideline's judgement per row, keyed 'rec-id/outcome-id'."""

    rows: dict[str, RowJudgement] = Field(default_factory=dict)


class ReadingTexts(_Data):
    """Texts that put the guideline's judgement first and label the computed reading."""

    judgement: dict[Finding, Bilingual]
    judgement_short: dict[Finding, Bilingual]
    computed: Bilingual
    thresholds: dict[Literal["mcid", "smd", "none", "not_read"], Bilingual]
    differs: Bilingual
    no_direction: Bilingual
    inconsistent: Bilingual
    withheld: Bilingual
    withheld_reasons: dict[Literal["inconsistent", "arms", "outside_scale"], Bilingual]


class Wording(_Data):
    """GRADE informative statements (certainty × size) with their source."""

    source: WordingSource
    verbs: dict[Literal["reduce", "increase"], Verb]
    statements: dict[CertaintyKey, dict[SizeClass, Bilingual]]
    certainty_words: dict[CertaintyKey, Bilingual]
    reading: ReadingTexts


class InstrumentRule(_Data):
    """Which domain an instrument named in 'Målt med' measures."""

    pattern: str
    domain: str = Field(pattern=r"^[a-z0-9_]+$", description="An MCID domain of guideline.yaml.")
    lower_is_better: bool


class SmdConvention(_Data):
    """How SMDs are read (threshold and sizes in SD units), with the cited convention."""

    threshold: Decimal
    sizes: dict[Literal["small", "moderate", "large"], Decimal]
    convention: str
    url: str


class RelevanceData(_Data):
    """Instrument rules, the SMD convention and the labels of relevance classes and agreement."""

    instruments: list[InstrumentRule]
    smd: SmdConvention
    classes: dict[str, Bilingual]
    versus_no_effect: dict[str, Bilingual]
    agreement: dict[str, Bilingual]


class OutcomeName(_Data):
    """A patient-friendly outcome name, chosen by a regex on the outcome id."""

    id: str
    better: Literal["lower", "higher"] | None = None
    da: str
    en: str
    title_da: str
    title_en: str


class TimeFrameName(_Data):
    """A patient-friendly time frame, chosen by a regex on the printed time frame.

    ``da``/``en`` may use the pattern's groups ({0}, {1}, …) so that printed numbers are carried over, never
    rewritten (linter GL018 checks this).
    """

    pattern: str
    da: str
    en: str


class InterventionName(_Data):
    """Patient-friendly names of a recommendation's intervention and comparator."""

    da: str
    en: str
    comparator_da: str
    comparator_en: str


class NameReview(_Data):
    """Review status of the names list."""

    status: Literal["draft", "reviewed"]
    note: str
    reviewer: str | None = None
    date: str | None = None


class Names(_Data):
    """The reviewed list of patient-friendly names."""

    review: NameReview
    outcomes: list[OutcomeName]
    time_frames: list[TimeFrameName]
    interventions: dict[str, InterventionName]


class EvidenceData(_Data):
    """All of a pack's evidence-layer data."""

    wording: Wording
    relevance: RelevanceData
    names: Names
    judgements: Judgements = Judgements()


def load_evidence_data(pack: Path | None = None) -> EvidenceData:
    """Read and validate ``<pack>/evidence/{wording,relevance,names,judgements}.yaml`` (the last optional)."""
    folder = pack_or_active(pack) / "evidence"
    judgements = folder / "judgements.yaml"
    return EvidenceData(
        wording=validate(Wording, read_yaml(folder / "wording.yaml"), folder / "wording.yaml"),
        relevance=validate(RelevanceData, read_yaml(folder / "relevance.yaml"), folder / "relevance.yaml"),
        names=validate(Names, read_yaml(folder / "names.yaml"), folder / "names.yaml"),
        judgements=validate(Judgements, read_yaml(judgements), judgements)
        if judgements.exists()
        else Judgements(),
    )


def cached_evidence_data(pack: Path | None = None) -> EvidenceData:
    """The evidence data of a pack (default: the active one), loaded once per process."""
    return _cached_evidence_data(pack_or_active(pack))


@lru_cache(maxsize=8)
def _cached_evidence_data(pack: Path) -> EvidenceData:
    return load_evidence_data(pack)
