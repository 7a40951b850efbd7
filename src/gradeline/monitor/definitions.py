"""What each indicator means (content/.../monitor/indicators.yaml), checked against the guideline's ids."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

from gradeline.content.pack import DEFAULT_PACK
from gradeline.monitor.codes import monitor_dir


@dataclass(frozen=True)
class IndicatorDefinition:
    """Metadata of one indicator; its executable definition is the Ibis expression with the same id."""

    id: str
    recommendation: str
    chapter: int
    title: str
    title_en: str
    improvement: Literal["increase", "decrease"]
    requires: tuple[str, ...]
    rationale: str
    denominator: str
    numerator: str
    exclusions: str
    caveat: str
    value: str | None = None
    rationale_en: str = ""
    denominator_da: str = ""
    numerator_da: str = ""
    exclusions_da: str = ""
    caveat_da: str = ""
    value_da: str | None = None

    def texts(self, language: str) -> dict[str, str | None]:
        """Title, rationale, denominator, numerator, exclusions, caveat and value in Danish or English."""
        if language.startswith("da"):
            return {
                "title": self.title,
                "rationale": self.rationale,
                "denominator": self.denominator_da or self.denominator,
                "numerator": self.numerator_da or self.numerator,
                "exclusions": self.exclusions_da or self.exclusions,
                "caveat": self.caveat_da or self.caveat,
                "value": self.value_da or self.value,
            }
        return {
            "title": self.title_en or self.title,
            "rationale": self.rationale_en or self.rationale,
            "denominator": self.denominator,
            "numerator": self.numerator,
            "exclusions": self.exclusions,
            "caveat": self.caveat,
            "value": self.value,
        }


@dataclass(frozen=True)
class IndicatorCatalogue:
    notice: str
    notice_en: str
    indicators: tuple[IndicatorDefinition, ...]

    def get(self, indicator_id: str) -> IndicatorDefinition:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)


def _definition(raw: dict[str, Any]) -> IndicatorDefinition:
    fields: dict[str, Any] = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in raw.items()}
    fields["requires"] = tuple(fields.get("requires") or ())
    return IndicatorDefinition(**fields)


@lru_cache(maxsize=4)
def load_catalogue(pack: Path = DEFAULT_PACK) -> IndicatorCatalogue:
    """Read monitor/indicators.yaml of a content pack."""
    raw: dict[str, Any] = yaml.safe_load((monitor_dir(pack) / "indicators.yaml").read_text(encoding="utf-8"))
    return IndicatorCatalogue(
        notice=" ".join(raw["notice"].split()),
        notice_en=" ".join(raw["notice_en"].split()),
        indicators=tuple(_definition(item) for item in raw["indicators"]),
    )
