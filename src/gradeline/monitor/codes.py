"""Code lists (ICPC-2, SKS, ATC, professions, regions) loaded from the content pack's monitor/codes.yaml."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.pack import DEFAULT_PACK

CODE_SYSTEMS = ("ICPC2", "SKS")


def monitor_dir(pack: Path = DEFAULT_PACK) -> Path:
    """The pack's folder of monitoring data (indicator definitions and code lists)."""
    return pack / "monitor"


@dataclass(frozen=True)
class CodeLists:
    """The code lists the indicators and adapters use, each as plain tuples/dicts."""

    lbp: dict[str, tuple[str, ...]]
    out_of_scope: dict[str, tuple[str, ...]]
    red_flag: dict[str, tuple[str, ...]]
    drugs: dict[str, tuple[str, ...]]
    professions: dict[str, dict[str, Any]]
    regions: dict[str, str]
    modalities: tuple[str, ...]
    sks_imaging_prefixes: dict[str, str]
    dicom_modalities: dict[str, str]
    lumbar_snomed: tuple[str, ...]
    referral_types: tuple[str, ...]
    sources: dict[str, str]
    version: str = "unversioned"
    """Version of the code lists (codes.yaml ``version``), reported with every run."""

    def profession_by_snomed(self) -> dict[str, str]:
        return {str(v["snomed"]): k for k, v in self.professions.items() if v.get("snomed")}


def _by_system(block: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {
        system: tuple(str(c) for c in block[system]["codes"]) for system in CODE_SYSTEMS if system in block
    }


@lru_cache(maxsize=4)
def load_codes(pack: Path = DEFAULT_PACK) -> CodeLists:
    """Read monitor/codes.yaml of a content pack."""
    raw: dict[str, Any] = yaml.safe_load((monitor_dir(pack) / "codes.yaml").read_text(encoding="utf-8"))
    img = raw["imaging"]
    sources = {
        "lbp": "; ".join(raw["lbp_contact"][s]["source"] for s in CODE_SYSTEMS if s in raw["lbp_contact"]),
        "red_flag": raw["red_flag"]["SKS"]["source"],
        **{f"drug:{k}": v["source"] for k, v in raw["drugs"].items()},
        "professions": raw["professions_source"],
        "regions": raw["regions_source"],
        "imaging": img["source"],
        "referral_types": raw["referral_types_source"],
    }
    return CodeLists(
        lbp=_by_system(raw["lbp_contact"]),
        out_of_scope=_by_system(raw["out_of_scope_contact"]),
        red_flag=_by_system(raw["red_flag"]),
        drugs={k: tuple(v["atc_prefixes"]) for k, v in raw["drugs"].items()},
        professions=dict(raw["professions"]),
        regions={str(k): str(v) for k, v in raw["regions"].items()},
        modalities=tuple(img["modalities"]),
        sks_imaging_prefixes=dict(img["sks_prefixes"]),
        dicom_modalities=dict(img["dicom_modalities"]),
        lumbar_snomed=tuple(str(c) for c in img["lumbar_snomed"]),
        referral_types=tuple(raw["referral_types"]),
        sources=sources,
        version=str(raw.get("version", "unversioned")),
    )
