"""A recommendation with its two layers: the recommendation itself and the basis for it."""

from pydantic import Field, model_validator

from gradeline.model.base import ContentModel
from gradeline.model.outcome import Footnote, Outcome
from gradeline.model.strength import Direction, Strength
from gradeline.model.text import Erratum, SeedSpan
from gradeline.model.vocabulary import CertaintyCode

Paragraphs = list[str]


class KeyInfo(ContentModel):
    """Nøgleinformationer: benefits and harms, certainty, preferences, and the rationale."""

    benefits_harms: Paragraphs = Field(default_factory=list)
    certainty: Paragraphs = Field(default_factory=list)
    preferences: Paragraphs = Field(default_factory=list)
    rationale: Paragraphs = Field(default_factory=list)
    other: Paragraphs = Field(default_factory=list, description="'Andre overvejelser', where printed.")


class Pico(ContentModel):
    """The focused question in PICO form as printed under 'Fokuseret Spørgsmål'."""

    population: str = Field(min_length=1)
    intervention: str = Field(min_length=1)
    comparison: str = Field(min_length=1)
    outcomes: str | None = None


class SofHeader(ContentModel):
    """Column headings of the evidence profile that name the compared arms."""

    comparator: str = Field(min_length=1)
    intervention: str = Field(min_length=1)


class Recommendation(ContentModel):
    """One recommendation (chapters 3–12 of this guideline)."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Stable slug, used in URLs.")
    chapter: int = Field(ge=1)
    question_number: int | None = Field(default=None, ge=1)
    title: str = Field(min_length=1)
    focused_question: str = Field(min_length=1)
    strength: Strength
    direction: Direction
    label: str = Field(min_length=1, description="Strength label as printed, e.g. 'Svag anbefaling mod'.")
    text: str = Field(min_length=1)
    update_note: str | None = None
    practical_advice: Paragraphs = Field(default_factory=list)
    practical_info: Paragraphs = Field(default_factory=list, description="'Praktiske Oplysninger'.")
    background: Paragraphs = Field(default_factory=list, description="Text after the focused question.")
    key_info: KeyInfo
    overall_certainty: CertaintyCode | None = None
    overall_certainty_text: str | None = Field(
        default=None, description="e.g. 'Kvaliteten … er samlet set lav.'"
    )
    pico: Pico
    summary: Paragraphs = Field(default_factory=list, description="Sammenfatning.")
    sof_header: SofHeader | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    seed_lines: list[SeedSpan] = Field(default_factory=list, description="Lines of the source text, if any.")
    errata: list[Erratum] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> "Recommendation":
        ids = [o.id for o in self.outcomes]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"outcome ids are not unique: {', '.join(duplicates)}")
        numbers = {f.number for f in self.footnotes}
        for outcome in self.outcomes:
            missing = [n for n in outcome.footnotes if n not in numbers]
            if missing:
                raise ValueError(f"outcome {outcome.id!r} cites footnote(s) {missing} that the table lacks")
        return self

    def outcome(self, outcome_id: str) -> Outcome:
        """The outcome with this id; KeyError if there is none."""
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)
