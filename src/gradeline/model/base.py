"""Common base for all content types: strict, immutable, no unknown fields."""

from pydantic import BaseModel, ConfigDict


class ContentModel(BaseModel):
    """Base class: unknown fields are errors, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
