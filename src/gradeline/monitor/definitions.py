"""What each indicator means and how it is computed (content/<pack>/monitor/indicators.yaml), and the run
parameters' defaults. Loaders take ``pack`` and default to the active pack."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from gradeline.monitor.codes import CodeLists, pack_loader, read_yaml


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
    compute: dict[str, Any] = field(default_factory=dict)
    """The generic kind that computes it (``kind``, see indicators.KINDS) and that kind's arguments."""

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
    parameters: dict[str, int] = field(default_factory=dict)
    """Defaults of the run parameters (MonitorConfig field -> days or years)."""
    age_bands: tuple[int, ...] = ()
    """Lower bounds of the age bands results are stratified by (``age_bands``; the last band is open)."""
    episode: str = "New-onset episodes in scope."
    episode_da: str = "Nyopståede forløb i målgruppen."

    def get(self, indicator_id: str) -> IndicatorDefinition:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)


def _definition(raw: dict[str, Any]) -> IndicatorDefinition:
    fields: dict[str, Any] = {k: (" ".join(v.split()) if isinstance(v, str) else v) for k, v in raw.items()}
    fields["requires"] = tuple(fields.get("requires") or ())
    fields["compute"] = dict(fields.get("compute") or {})
    return IndicatorDefinition(**fields)


def read_catalogue(pack: Path) -> IndicatorCatalogue:
    """monitor/indicators.yaml of ``pack``, read every time (for checks of a pack being edited).

    The parameters include ``min_age_exclusive`` from guideline.yaml's scope unless the file sets it."""
    raw = read_yaml(pack, "indicators.yaml")
    parameters = {str(k): int(v) for k, v in (raw.get("parameters") or {}).items()}
    if "min_age_exclusive" not in parameters:
        guideline = yaml.safe_load((pack / "guideline.yaml").read_text(encoding="utf-8")) or {}
        scope = guideline.get("scope") or {}
        if "min_age_exclusive" in scope:
            parameters["min_age_exclusive"] = int(scope["min_age_exclusive"])
    texts = {k: " ".join(raw[k].split()) for k in ("episode", "episode_da") if raw.get(k)}
    return IndicatorCatalogue(
        notice=" ".join(raw["notice"].split()),
        notice_en=" ".join(raw["notice_en"].split()),
        indicators=tuple(_definition(item) for item in raw["indicators"]),
        parameters=parameters,
        age_bands=tuple(int(b) for b in raw.get("age_bands") or ()),
        **texts,
    )


def compute_problems(catalogue: IndicatorCatalogue, codes: CodeLists) -> list[str]:
    """What is wrong in the ``compute`` blocks (unknown kind, wrong arguments, a drug class, referral type,
    modality or body site that codes.yaml lacks) and in ``age_bands``; one sentence each."""
    from gradeline.monitor.indicators import IndicatorDefinitionError, build

    problems = []
    for ind in catalogue.indicators:
        try:
            build(ind.id, ind.compute)
        except IndicatorDefinitionError as exc:
            problems.append(str(exc))
            continue
        allowed = {
            "drug": ("drug class", codes.drugs),
            "referral_type": ("referral type", codes.referral_types),
            "modalities": ("imaging modality", codes.modalities),
            "body_site": ("body site", codes.body_sites),
        }
        for argument, (what, known) in allowed.items():
            value = ind.compute.get(argument)
            named = value if isinstance(value, list) else [] if value is None else [value]
            problems += [
                f"{ind.id}: compute names the {what} {v!r}, which codes.yaml does not define"
                for v in named
                if v not in known
            ]
    bands = list(catalogue.age_bands)
    if bands != sorted(set(bands)):
        problems.append(f"age_bands {bands} must be strictly increasing")
    youngest = catalogue.parameters.get("min_age_exclusive")
    if bands and youngest is not None and bands[0] <= youngest:
        problems.append(
            f"age_bands start at {bands[0]}, but patients in scope are older than {youngest}; "
            f"start the first band at {youngest + 1}"
        )
    return problems


load_catalogue = pack_loader(read_catalogue)
"""monitor/indicators.yaml of a content pack (default: the active pack), cached."""
