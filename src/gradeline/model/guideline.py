"""The guideline as a whole: metadata, status, scope, strength levels, chapters and recommendations."""

from decimal import Decimal
from enum import StrEnum

from pydantic import Field, model_validator

from gradeline.model.base import ContentModel
from gradeline.model.people import GlossaryEntry, Groups
from gradeline.model.recommendation import Recommendation
from gradeline.model.strength import StrengthLevel
from gradeline.model.text import Erratum, Provenance, SeedSpan


class GuidelineStatus(StrEnum):
    """Whether the guideline is in force."""

    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    DRAFT = "draft"
    EXAMPLE = "example"


class Status(ContentModel):
    """The guideline's status with its date and note (shown on every page and export)."""

    value: GuidelineStatus
    label: str = Field(min_length=1, description="Label in the pack's language, e.g. 'Ikke gældende'.")
    since_year: int | None = Field(default=None, ge=1900, le=2100)
    note: str = Field(min_length=1, description="What the status means for a reader (pack's language).")
    note_en: str | None = None
    source: str = Field(min_length=1, description="Where the status comes from.")


class ScopeCriterion(ContentModel):
    """A computable inclusion criterion, with the guideline text it rests on."""

    id: str = Field(pattern=r"^[a-z_]+$")
    rule: str = Field(min_length=1, description="Our computable reading of the text (English).")
    text: str = Field(min_length=1, description="Verbatim guideline text.")
    provenance: Provenance | None = None


class ScopeExclusion(ContentModel):
    """A group outside the guideline, and where such patients are directed."""

    id: str = Field(pattern=r"^[a-z_]+$")
    rule: str = Field(min_length=1, description="Our computable reading of the text (English).")
    text: str = Field(min_length=1, description="Verbatim guideline text.")
    refer_to: str | None = Field(default=None, description="Where such patients are directed (our words).")
    provenance: Provenance | None = None


class Scope(ContentModel):
    """Who the guideline is for (section 2, 'Afgrænsning af patientgruppe')."""

    population: str = Field(min_length=1)
    min_age_exclusive: int | None = Field(
        default=None,
        ge=0,
        description="'over N år': age must be greater than this (omit if there is no age limit).",
    )
    max_duration_weeks: int | None = Field(
        default=None,
        gt=0,
        description="'op til N ugers varighed': the longest duration in scope (omit if not limited).",
    )
    criteria: list[ScopeCriterion] = Field(min_length=1)
    exclusions: list[ScopeExclusion] = Field(default_factory=list)
    provenance: Provenance | None = None


class Mcid(ContentModel):
    """A minimal clinically relevant difference the guideline states."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    domain: str = Field(
        pattern=r"^[a-z0-9_]+$", description="The outcome domain it applies to, e.g. pain, function, sleep."
    )
    value: Decimal = Field(gt=0)
    scale_min: Decimal
    scale_max: Decimal
    unit: str
    text: str = Field(min_length=1, description="Verbatim guideline text stating it.")
    provenance: Provenance | None = None


class Chapter(ContentModel):
    """A narrative chapter (sections 1, 2, 13–22): Markdown body, verbatim paragraphs."""

    number: int = Field(ge=1)
    slug: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    body: str = Field(min_length=1, description="Markdown: '## ' sub-headings, paragraphs, '- ' lists.")
    seed_lines: list[SeedSpan] = Field(default_factory=list, description="Lines of the source text, if any.")


class Guideline(ContentModel):
    """A whole guideline content pack."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    short_code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    title_en: str | None = None
    publisher: str = Field(min_length=1)
    language: str = Field(pattern=r"^[a-z]{2}$")
    version: str = Field(min_length=1)
    published_year: int = Field(ge=1900, le=2100)
    last_reviewed_year: int | None = Field(default=None, ge=1900, le=2100)
    review_interval_years: int = Field(gt=0)
    status: Status
    scope: Scope
    mcids: list[Mcid] = Field(default_factory=list)
    strength_levels: list[StrengthLevel] = Field(min_length=1)
    key_messages: list[str] = Field(default_factory=list, description="'Centrale budskaber' if printed.")
    chapters: list[Chapter] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="Empty in a new pack (gradeline new) until the first is written."
    )
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    groups: Groups | None = None
    errata: list[Erratum] = Field(default_factory=list, description="All acknowledged linter findings.")
    source_file: str | None = Field(
        default=None,
        description="The source text the pack is transcribed from (e.g. source/seed.txt); fidelity checks "
        "run only when one is declared, and then every recommendation, row and chapter gives seed_lines.",
    )
    seed_lines: list[SeedSpan] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> "Guideline":
        checks: list[tuple[str, list[str]]] = [
            ("recommendation ids", [r.id for r in self.recommendations]),
            ("recommendation chapters", [str(r.chapter) for r in self.recommendations]),
            ("chapter numbers", [str(c.number) for c in self.chapters]),
            ("strength level ids", [s.id for s in self.strength_levels]),
        ]
        for what, keys in checks:
            seen = [k for k in keys if keys.count(k) > 1]
            if seen:
                raise ValueError(f"{what} are not unique: {sorted(set(seen))}")
        if self.source_file:
            unplaced = [f"chapter {c.number}" for c in self.chapters if not c.seed_lines]
            for rec in self.recommendations:
                unplaced += [rec.id] if not rec.seed_lines else []
                unplaced += [f"{rec.id}/{o.id}" for o in rec.outcomes if not o.seed_lines]
            if unplaced:
                raise ValueError(
                    f"the pack declares source_file {self.source_file!r}, so every recommendation, row and "
                    f"chapter gives seed_lines; missing for: {', '.join(unplaced)}"
                )
        return self

    def recommendation(self, rec_id: str) -> Recommendation:
        """The recommendation with this id (or chapter number as a string); KeyError if none."""
        for rec in self.recommendations:
            if rec.id == rec_id or str(rec.chapter) == rec_id:
                return rec
        raise KeyError(rec_id)

    def strength_level(self, rec: Recommendation) -> StrengthLevel:
        """The strength level a recommendation belongs to."""
        for level in self.strength_levels:
            if level.strength == rec.strength and level.direction in (None, rec.direction):
                return level
        raise KeyError(f"{rec.strength}/{rec.direction}")
