"""The shared vocabulary: pydantic types for a guideline content pack. No I/O here."""

from gradeline.model.guideline import (
    Chapter,
    Guideline,
    GuidelineStatus,
    Mcid,
    Scope,
    ScopeCriterion,
    ScopeExclusion,
)
from gradeline.model.outcome import (
    AbsoluteEffect,
    Certainty,
    Effect,
    EffectMeasure,
    Footnote,
    Importance,
    Outcome,
    PrintedValue,
    Scale,
)
from gradeline.model.people import GlossaryEntry, Groups, Person
from gradeline.model.recommendation import KeyInfo, Pico, Recommendation, SofHeader
from gradeline.model.strength import Direction, Strength, StrengthLevel
from gradeline.model.text import Erratum, Provenance, SeedSpan
from gradeline.model.vocabulary import certainty_label, change_label, importance_label

__all__ = [
    "AbsoluteEffect",
    "Certainty",
    "Chapter",
    "Direction",
    "Effect",
    "EffectMeasure",
    "Erratum",
    "Footnote",
    "GlossaryEntry",
    "Groups",
    "Guideline",
    "GuidelineStatus",
    "Importance",
    "KeyInfo",
    "Mcid",
    "Outcome",
    "Person",
    "Pico",
    "PrintedValue",
    "Provenance",
    "Recommendation",
    "Scale",
    "Scope",
    "ScopeCriterion",
    "ScopeExclusion",
    "SeedSpan",
    "SofHeader",
    "Strength",
    "StrengthLevel",
    "certainty_label",
    "change_label",
    "importance_label",
]
