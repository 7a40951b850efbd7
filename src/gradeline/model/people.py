"""Glossary entries and the groups behind the guideline (section 21 and 22)."""

from pydantic import Field

from gradeline.model.base import ContentModel


class GlossaryEntry(ContentModel):
    """One term from section 22 (Forkortelser og begreber)."""

    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list, description="Other spellings to match in text.")


class Person(ContentModel):
    """A member of a group, with the role and affiliation text as printed."""

    name: str = Field(min_length=1)
    description: str = Field(default="", description="Role, nominating body and affiliation as printed.")


class Groups(ContentModel):
    """Working group, reference group, secretariat, hearing parties and peer reviewers (section 21)."""

    working_group: list[Person] = Field(min_length=1)
    reference_group: list[Person] = Field(default_factory=list)
    secretariat: list[Person] = Field(default_factory=list)
    hearing_parties: list[str] = Field(default_factory=list)
    peer_reviewers: list[Person] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list, description="Paragraphs of section 21 not about one person."
    )
