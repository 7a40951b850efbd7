"""One row of an evidence profile (Summary of Findings), with every number as published."""

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from gradeline.model.base import ContentModel
from gradeline.model.text import Erratum, SeedSpan
from gradeline.model.vocabulary import (
    NEGATIVE_WORDS,
    Certainty,
    CertaintyCode,
    ChangeCode,
    ChangeWord,
    Importance,
    ImportanceCode,
    change_label,
)

__all__ = ["NEGATIVE_WORDS", "Certainty", "ChangeWord", "Importance"]


class EffectMeasure(StrEnum):
    """Effect measure of a row."""

    MD = "MD"
    SMD = "SMD"
    RR = "RR"
    OR = "OR"
    HR = "HR"


class PrintedValue(ContentModel):
    """A number as printed: its magnitude and, where printed, its direction word.

    ``MD 0.56 lavere`` is ``value=0.56, direction='lower'``; its signed value is -0.56. The direction is a
    code; :meth:`text` writes it in a language ('0.56 lavere', '0.56 lower').
    """

    value: Decimal
    direction: ChangeCode | None = None

    @property
    def signed(self) -> Decimal:
        """The value with the direction word turned into a sign."""
        return -self.value if self.direction in NEGATIVE_WORDS else self.value

    def text(self, language: str) -> str:
        """The value with its direction word in a language: '0.56 lavere' (da), '0.56 lower' (en)."""
        return f"{self.value} {change_label(self.direction, language)}" if self.direction else str(self.value)

    def __str__(self) -> str:
        return f"{self.value} {self.direction}" if self.direction else str(self.value)


class Scale(ContentModel):
    """The range of an instrument's scale, as printed ('Skala: 0 — 10')."""

    min: Decimal
    max: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> "Scale":
        if self.max <= self.min:
            raise ValueError(f"scale maximum {self.max} is not above its minimum {self.min}")
        return self


class ArmValue(ContentModel):
    """A value in the comparator or intervention column, e.g. '2.81 Points (Median)' or '479 per 1.000'."""

    value: Decimal
    unit: str = Field(default="", description="As printed after the number, e.g. 'Points (Median)'.")


class Effect(ContentModel):
    """The relative or continuous effect estimate with its 95% CI, bounds in the order printed."""

    measure: EffectMeasure
    point: PrintedValue
    ci_first: PrintedValue = Field(description="The CI bound printed first.")
    ci_second: PrintedValue = Field(description="The CI bound printed second.")
    text: str = Field(min_length=1, description="The effect exactly as published.")

    @model_validator(mode="after")
    def _ratio_has_no_direction(self) -> "Effect":
        if self.measure in {EffectMeasure.RR, EffectMeasure.OR, EffectMeasure.HR}:
            for name in ("point", "ci_first", "ci_second"):
                value: PrintedValue = getattr(self, name)
                if value.direction is not None:
                    raise ValueError(f"{name}: a ratio ({self.measure}) has no direction word")
                if value.value <= 0:
                    raise ValueError(f"{name}: a ratio ({self.measure}) must be positive, got {value.value}")
        return self


class AbsoluteEffect(ContentModel):
    """Risk difference per 1,000 as printed ('172 færre per 1.000 (CI 95% 263 færre — 43 færre)'); the
    numbers and direction codes are structured, ``text`` is verbatim in the pack's language."""

    per: int = Field(default=1000, gt=0)
    point: PrintedValue
    ci_first: PrintedValue
    ci_second: PrintedValue
    text: str = Field(min_length=1)


class Footnote(ContentModel):
    """A numbered footnote of an evidence profile."""

    number: int = Field(ge=1)
    text: str = Field(min_length=1, description="Footnote text as printed.")
    systematic_review: str | None = Field(default=None, description="Reference as printed, e.g. '[9]'.")
    included_studies: list[str] = Field(default_factory=list, description="e.g. ['Malmivaara 1995', …].")


class Outcome(ContentModel):
    """One evidence-profile row."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1, description="Name as printed, in the pack's language.")
    name_en: str | None = Field(default=None, description="The English name printed in parentheses.")
    time_frame: str | None = None
    importance: int | None = Field(default=None, ge=1, le=9)
    importance_label: ImportanceCode | None = None
    measured_with: str | None = Field(default=None, description="Instrument, after 'Målt med:'.")
    scale: Scale | None = None
    better: Literal["lower", "higher"] | None = Field(
        default=None, description="'Lavere bedre' / 'Højere bedre'."
    )
    participants: int | None = Field(default=None, ge=0)
    studies: int | None = Field(default=None, ge=0)
    study_design: str | None = None
    comparator: ArmValue | None = None
    intervention: ArmValue | None = None
    effect: Effect | None = None
    absolute: AbsoluteEffect | None = None
    certainty: CertaintyCode | None = None
    summary: str | None = Field(default=None, description="The 'Sammendrag' column.")
    no_data: str | None = Field(default=None, description="Text printed where no study reported the outcome.")
    footnotes: list[int] = Field(default_factory=list, description="Footnote numbers cited by the row.")
    seed_lines: list[SeedSpan] = Field(
        default_factory=list,
        description="Where the row's text stands in the source text (if the pack has one).",
    )
    errata: list[Erratum] = Field(default_factory=list)

    @model_validator(mode="after")
    def _data_or_no_data(self) -> "Outcome":
        if (
            self.no_data is None
            and self.effect is None
            and self.comparator is None
            and self.certainty is None
        ):
            raise ValueError("a row without data must carry the published 'no data' text (no_data)")
        if self.absolute is not None and self.effect is None:
            raise ValueError("absolute effects are given but the relative effect is missing")
        return self

    @property
    def has_estimate(self) -> bool:
        """True when the row carries an effect estimate."""
        return self.effect is not None
