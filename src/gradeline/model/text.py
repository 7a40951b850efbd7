"""Provenance of content: where in the source document a text or number comes from."""

from typing import Annotated, Any

from pydantic import Field, model_validator

from gradeline.model.base import ContentModel

LineNo = Annotated[int, Field(ge=1)]


class SeedSpan(ContentModel):
    """An inclusive range of line numbers in the pack's source text (``source/seed.txt``)."""

    start: LineNo
    end: LineNo

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        """Accept the compact forms ``"12-40"``, ``"12"`` and ``12`` used in pack files."""
        if isinstance(data, int):
            return {"start": data, "end": data}
        if isinstance(data, str):
            first, _, last = data.strip().partition("-")
            if not first.strip().isdigit() or (last and not last.strip().isdigit()):
                raise ValueError(f"a line span is written '12-40' or '12', not {data!r}")
            return {"start": int(first), "end": int(last or first)}
        return data

    @model_validator(mode="after")
    def _ordered(self) -> "SeedSpan":
        if self.end < self.start:
            raise ValueError(f"line span ends ({self.end}) before it starts ({self.start})")
        return self

    def __str__(self) -> str:
        return f"{self.start}-{self.end}" if self.end != self.start else str(self.start)


class Provenance(ContentModel):
    """Where a piece of content comes from: a section of the guideline and lines of the seed."""

    section: str = Field(description="Section of the guideline, e.g. '3' or '3.evidensprofil'.")
    lines: list[SeedSpan] = Field(default_factory=list)


class Erratum(ContentModel):
    """An acknowledged linter finding: the published value is kept, the explanation is shown."""

    code: str = Field(pattern=r"^[A-Z]{2,4}\d{3}$")
    location: str = Field(min_length=1, description="e.g. '<recommendation id>/<outcome id>/effect'")
    explanation: str = Field(min_length=10)
    explanation_en: str | None = Field(
        default=None,
        description="Unofficial English of the explanation (from translations/en, attached by the loader).",
    )

    def explanation_in(self, lang: str) -> str:
        """The explanation in a language; Danish when no English is given."""
        return self.explanation_en if lang.startswith("en") and self.explanation_en else self.explanation
