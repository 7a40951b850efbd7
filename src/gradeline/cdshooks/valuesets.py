"""Code value sets kept as YAML in the content pack (``valuesets/``), matched by system and code."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.pack import DEFAULT_PACK

CANONICAL = "https://gradeline.example/fhir"
RED_FLAG_ITEM_SYSTEM = f"{CANONICAL}/CodeSystem/nkr-lrs-red-flag-item"


@dataclass(frozen=True)
class Code:
    """One code with its provenance."""

    system: str
    code: str
    display: str
    source: str
    verified: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)

    def coding(self) -> dict[str, str]:
        """As a CDS Hooks / FHIR Coding (display included, as override reasons require)."""
        return {"system": self.system, "code": self.code, "display": self.display}


@dataclass(frozen=True)
class ValueSet:
    """Codes matched exactly, plus code prefixes per system (ATC groups)."""

    id: str
    title: str
    codes: tuple[Code, ...] = ()
    prefixes: tuple[Code, ...] = ()
    recommendation: str | None = None

    def find(self, system: str | None, code: str | None) -> Code | None:
        """The entry matching this system and code, or None."""
        if not system or not code:
            return None
        for entry in self.codes:
            if entry.system == system and entry.code == code:
                return entry
        for entry in self.prefixes:
            if entry.system == system and code.startswith(entry.code):
                return entry
        return None

    def find_in(self, concept: Any) -> Code | None:
        """The first coding of a FHIR CodeableConcept (a dict) that matches, or None."""
        for coding in codings(concept):
            hit = self.find(coding.get("system"), coding.get("code"))
            if hit is not None:
                return hit
        return None


def codings(concept: Any) -> Iterable[Mapping[str, Any]]:
    """The codings of a CodeableConcept dict, ignoring anything malformed."""
    if not isinstance(concept, Mapping):
        return ()
    found = concept.get("coding")
    if not isinstance(found, list):
        return ()
    return [c for c in found if isinstance(c, Mapping) and isinstance(c.get("code"), str)]


@dataclass(frozen=True)
class Terminology:
    """All value sets the CDS service uses."""

    lbp_problem: ValueSet
    out_of_scope: ValueSet
    imaging: ValueSet
    analgesics: tuple[ValueSet, ...]
    red_flags: ValueSet
    imaging_override: tuple[Code, ...]
    analgesic_override: tuple[Code, ...]

    def analgesic_group(self, concept: Any) -> ValueSet | None:
        """The analgesic group (opioids, NSAIDs, paracetamol) a medication concept belongs to."""
        for group in self.analgesics:
            if group.find_in(concept) is not None:
                return group
        return None


def _code(raw: Mapping[str, Any], key: str = "code") -> Code:
    known = {"system", key, "display", "source", "verified"}
    return Code(
        system=str(raw["system"]),
        code=str(raw[key]),
        display=str(raw.get("display", "")),
        source=str(raw["source"]),
        verified=bool(raw.get("verified", True)),
        extra={k: v for k, v in raw.items() if k not in known},
    )


def _value_set(raw: Mapping[str, Any], fallback_id: str, extra: Iterable[Code] = ()) -> ValueSet:
    return ValueSet(
        id=str(raw.get("id", fallback_id)),
        title=str(raw.get("title", raw.get("display", fallback_id))),
        codes=tuple(_code(c) for c in raw.get("codes", [])) + tuple(extra),
        prefixes=tuple(_code(p, "prefix") for p in raw.get("prefixes", [])),
        recommendation=raw.get("recommendation"),
    )


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a value set file holds a mapping")
    return data


def _red_flag_items(pack_dir: Path) -> list[Code]:
    """Red-flag group and item ids of the decide rules, as codes in our item code system."""
    path = pack_dir / "decide" / "red-flags.yaml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: list[Code] = []
    for group in data.get("groups", []) or []:
        entries = [group, *(group.get("items", []) or [])]
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                label = str(entry.get("name") or entry.get("question") or entry["id"])
                source = "content/nkr-laenderygsmerter/decide/red-flags.yaml"
                found.append(Code(RED_FLAG_ITEM_SYSTEM, entry["id"], label, source))
    return found


def load_terminology(pack_dir: Path | str = DEFAULT_PACK) -> Terminology:
    """Read the pack's value sets."""
    root = Path(pack_dir)
    folder = root / "valuesets"
    analgesics = _read(folder / "analgesics.yaml")
    overrides = _read(folder / "override-reasons.yaml")
    red_flags = _value_set(_read(folder / "red-flags.yaml"), "red-flags", _red_flag_items(root))
    return Terminology(
        lbp_problem=_value_set(_read(folder / "lbp-problem.yaml"), "lbp-problem"),
        out_of_scope=_value_set(_read(folder / "lbp-out-of-scope.yaml"), "lbp-out-of-scope"),
        imaging=_value_set(_read(folder / "lumbar-imaging.yaml"), "lumbar-imaging"),
        analgesics=tuple(_value_set(g, str(g["id"])) for g in analgesics["groups"]),
        red_flags=red_flags,
        imaging_override=tuple(c for c in red_flags.codes if c.system != RED_FLAG_ITEM_SYSTEM)
        + tuple(_code(c) for c in overrides["imaging"]),
        analgesic_override=tuple(_code(c) for c in overrides["analgesics"]),
    )


@lru_cache(maxsize=4)
def cached_terminology(pack_dir: str = str(DEFAULT_PACK)) -> Terminology:
    """Value sets loaded once per process."""
    return load_terminology(pack_dir)
