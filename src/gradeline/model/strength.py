"""Strength of recommendation: the five levels of the guideline's sections 1 and 19."""

from enum import StrEnum

from pydantic import Field

from gradeline.model.base import ContentModel


class Strength(StrEnum):
    """How strongly the guideline recommends."""

    STRONG = "strong"
    WEAK = "weak"
    GOOD_PRACTICE = "good_practice"


class Direction(StrEnum):
    """For or against the intervention."""

    FOR = "for"
    AGAINST = "against"


class StrengthLevel(ContentModel):
    """One strength level as the guideline defines it (label, colour, wording, implications)."""

    id: str = Field(pattern=r"^[a-z_]+$")
    strength: Strength
    direction: Direction | None = Field(
        default=None, description="None where the level covers both directions (good practice)."
    )
    label: str = Field(min_length=1, description="Danish label as printed, e.g. 'Svag anbefaling mod'.")
    heading: str = Field(min_length=1, description="Heading in section 19, e.g. 'Svag anbefaling for (Gul)'.")
    colour: str = Field(pattern=r"^(green|red|yellow|orange|grey)$")
    colour_hex: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    icon: str = Field(min_length=1, description="A text symbol, so strength never depends on colour alone.")
    description_reading_guide: str = Field(min_length=1, description="Section 1 text.")
    description: list[str] = Field(min_length=1, description="Section 19 paragraphs.")
    wording: list[str] = Field(
        min_length=1, description="Wording template(s) as printed after 'Ordlyd:' in section 19."
    )
    wording_patterns: list[str] = Field(
        min_length=1,
        description="Regular expressions a recommendation text of this level must match (linter).",
    )
    factors: list[str] = Field(default_factory=list, description="'Følgende vil trække i retning af …'.")
    implications: list[str] = Field(default_factory=list)
