"""Code lists (diagnoses, drugs, imaging, professions, regions) from a content pack's monitor/codes.yaml.

Loaders take ``pack`` (a pack folder) and default to the active pack (``gradeline.content.packs``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from gradeline.content.packs import pack_or_active

CODE_SYSTEMS = ("ICPC2", "SKS")
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class PackLoader(Protocol[T_co]):
    def __call__(self, pack: Path | None = None) -> T_co: ...


class NoMonitorDefinitions(LookupError):
    """The pack defines no monitoring (no monitor/indicators.yaml or codes.yaml)."""


def monitor_dir(pack: Path | None = None) -> Path:
    """The pack's folder of monitoring data (indicator definitions and code lists)."""
    return pack_or_active(pack) / "monitor"


def monitor_file(pack: Path | None, name: str) -> Path:
    """``monitor/<name>`` of the pack; a clear error when the pack has no monitoring definitions."""
    path = monitor_dir(pack) / name
    if not path.is_file():
        folder = monitor_dir(pack).parent
        raise NoMonitorDefinitions(
            f"the guideline '{folder.name}' has no monitoring indicators ({path} is missing)"
        )
    return path


def read_yaml(pack: Path | None, name: str) -> dict[str, Any]:
    """``monitor/<name>`` of the pack as a mapping."""
    raw: dict[str, Any] = yaml.safe_load(monitor_file(pack, name).read_text(encoding="utf-8"))
    return raw


def pack_loader(read: Callable[[Path], T]) -> PackLoader[T]:
    """``read`` (pack folder -> its data) as a loader that defaults to the active pack, cached by pack."""
    cached = lru_cache(maxsize=8)(read)

    def load(pack: Path | None = None) -> T:
        return cached(pack_or_active(pack).resolve())

    load.__doc__ = f"{read.__doc__} Cached; default: the active pack."
    return load


def has_monitoring(pack: Path | None = None) -> bool:
    """True when the pack defines indicators and their code lists."""
    folder = monitor_dir(pack)
    return (folder / "indicators.yaml").is_file() and (folder / "codes.yaml").is_file()


@dataclass(frozen=True)
class CodeLists:
    """The code lists the indicators and adapters use, each as plain tuples/dicts."""

    condition: dict[str, tuple[str, ...]]
    """Contacts for the guideline's condition (start and extend episodes), per code system."""
    out_of_scope: dict[str, tuple[str, ...]]
    red_flag: dict[str, tuple[str, ...]]
    drugs: dict[str, tuple[str, ...]]
    professions: dict[str, dict[str, Any]]
    regions: dict[str, str]
    modalities: tuple[str, ...]
    sks_imaging_prefixes: dict[str, str]
    dicom_modalities: dict[str, str]
    body_sites: tuple[str, ...]
    """Allowed values of imaging.body_site."""
    body_site_snomed: dict[str, str]
    """SNOMED CT body structure -> body_site (FHIR ImagingStudy.series.bodySite)."""
    referral_types: tuple[str, ...]
    sources: dict[str, str]
    version: str = "unversioned"
    """Version of the code lists (codes.yaml ``version``), reported with every run."""

    regions_en: dict[str, str] | None = None
    """English region names, where the pack gives them (``regions_en``)."""

    def labels(self, language: str) -> dict[str, str]:
        """Region and profession code -> name in ``language`` (English names where the pack has them)."""
        english = not language.lower().startswith("da")
        regions = {**self.regions, **(self.regions_en or {})} if english else self.regions
        key = "label_en" if english else "label"
        return {**regions, **{k: str(v.get(key) or v["label"]) for k, v in self.professions.items()}}

    def profession_by_snomed(self) -> dict[str, str]:
        return {str(v["snomed"]): k for k, v in self.professions.items() if v.get("snomed")}


def _by_system(block: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {
        system: tuple(str(c) for c in block[system]["codes"]) for system in CODE_SYSTEMS if system in block
    }


def read_codes(pack: Path) -> CodeLists:
    """monitor/codes.yaml of ``pack``, read every time (for checks of a pack being edited)."""
    raw = read_yaml(pack, "codes.yaml")
    img = raw["imaging"]
    condition = raw["condition_contact"]
    sources = {
        "condition": "; ".join(condition[s]["source"] for s in CODE_SYSTEMS if s in condition),
        "red_flag": "; ".join(raw["red_flag"][s]["source"] for s in CODE_SYSTEMS if s in raw["red_flag"]),
        **{f"drug:{k}": v["source"] for k, v in raw["drugs"].items()},
        "professions": raw["professions_source"],
        "regions": raw["regions_source"],
        "imaging": img["source"],
        "referral_types": raw["referral_types_source"],
    }
    return CodeLists(
        condition=_by_system(condition),
        out_of_scope=_by_system(raw["out_of_scope_contact"]),
        red_flag=_by_system(raw["red_flag"]),
        drugs={k: tuple(v["atc_prefixes"]) for k, v in raw["drugs"].items()},
        professions=dict(raw["professions"]),
        regions={str(k): str(v) for k, v in raw["regions"].items()},
        modalities=tuple(img["modalities"]),
        sks_imaging_prefixes=dict(img["sks_prefixes"]),
        dicom_modalities=dict(img["dicom_modalities"]),
        body_sites=tuple(str(s) for s in img["body_sites"]),
        body_site_snomed={str(k): str(v) for k, v in img["body_site_snomed"].items()},
        referral_types=tuple(raw["referral_types"]),
        sources=sources,
        version=str(raw.get("version", "unversioned")),
        regions_en={str(k): str(v) for k, v in (raw.get("regions_en") or {}).items()},
    )


load_codes = pack_loader(read_codes)
"""monitor/codes.yaml of a content pack (default: the active pack), cached."""
