"""Code value sets kept as YAML in the content pack (``valuesets/``), matched by system and code."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.pack import DEFAULT_PACK

CANONICAL = "https://gradeline.example/fhir"


def code_system(short_code: str, name: str) -> str:
    """A guideline's own code system, named by its short code ('NKR-X', 'rating' -> .../nkr-x-rating)."""
    return f"{CANONICAL}/CodeSystem/{short_code.lower()}-{name}"


def short_code(pack_dir: Path) -> str:
    """The pack's short code (guideline.yaml), which names its code systems and CDS services."""
    data = yaml.safe_load((Path(pack_dir) / "guideline.yaml").read_text(encoding="utf-8")) or {}
    return str(data.get("short_code") or Path(pack_dir).name)


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
class Systems:
    """Code-system aliases (e.g. two OIDs for SKS) and classifications compared without dots (ICD-10)."""

    aliases: Mapping[str, str] = field(default_factory=dict)
    dotless: frozenset[str] = frozenset()

    def key(self, system: str, code: str) -> tuple[str, str]:
        """(canonical system, normalised code) for matching."""
        canonical = self.aliases.get(system, system)
        if canonical in self.dotless:
            return canonical, code.replace(".", "").upper()
        return canonical, code


@dataclass(frozen=True)
class ValueSet:
    """Codes matched exactly, plus code prefixes per system (ATC groups, ICD-10/SKS subcodes)."""

    id: str
    title: str
    codes: tuple[Code, ...] = ()
    prefixes: tuple[Code, ...] = ()
    recommendation: str | None = None
    systems: Systems = field(default_factory=Systems)
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        exact = {self.systems.key(c.system, c.code): c for c in reversed(self.codes)}
        starts = [(self.systems.key(c.system, c.code), c) for c in self.prefixes]
        object.__setattr__(self, "_exact", exact)
        object.__setattr__(self, "_starts", starts)

    def find(self, system: str | None, code: str | None) -> Code | None:
        """The entry matching this system and code (aliases and dots resolved), or None."""
        if not system or not code:
            return None
        key = self.systems.key(system, code.strip())
        hit = self._exact.get(key)  # type: ignore[attr-defined]
        if isinstance(hit, Code):
            return hit
        starts: list[tuple[tuple[str, str], Code]] = self._starts  # type: ignore[attr-defined]
        for (prefix_system, prefix), entry in starts:
            if prefix_system == key[0] and key[1].startswith(prefix):
                return entry
        return None

    def counts(self) -> tuple[int, int]:
        """(codes and prefixes listed, of which verified against a cited source)."""
        entries = [*self.codes, *self.prefixes]
        return len(entries), sum(1 for e in entries if e.verified)

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

    problem: ValueSet
    out_of_scope: ValueSet
    imaging: ValueSet
    analgesics: tuple[ValueSet, ...]
    red_flags: ValueSet
    imaging_override: tuple[Code, ...]
    analgesic_override: tuple[Code, ...]
    red_flag_item_system: str = ""

    def value_sets(self) -> tuple[ValueSet, ...]:
        """Every value set, for export and verification counts."""
        return (self.problem, self.out_of_scope, self.imaging, *self.analgesics, self.red_flags)

    def analgesic_group(self, concept: Any) -> ValueSet | None:
        """The analgesic group (one per medicine recommendation) a medication concept belongs to."""
        for group in self.analgesics:
            if group.find_in(concept) is not None:
                return group
        return None


def _systems(folder: Path) -> Systems:
    path = folder / "systems.yaml"
    if not path.exists():
        return Systems()
    data = _read(path)
    aliases = {str(a["alias"]): str(a["canonical"]) for a in data.get("aliases", []) or []}
    return Systems(aliases, frozenset(str(s) for s in data.get("dotless", []) or []))


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


def _value_set(
    raw: Mapping[str, Any], fallback_id: str, systems: Systems, extra: Iterable[Code] = ()
) -> ValueSet:
    known = {"id", "title", "display", "codes", "prefixes", "recommendation", "purpose", "groups"}
    return ValueSet(
        id=str(raw.get("id", fallback_id)),
        title=str(raw.get("title", raw.get("display", fallback_id))),
        codes=tuple(_code(c) for c in raw.get("codes", []) or []) + tuple(extra),
        prefixes=tuple(_code(p, "prefix") for p in raw.get("prefixes", []) or []),
        recommendation=raw.get("recommendation"),
        systems=systems,
        extra={k: v for k, v in raw.items() if k not in known},
    )


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a value set file holds a mapping")
    return data


def _red_flag_items(pack_dir: Path, system: str) -> list[Code]:
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
                source = f"content/{pack_dir.name}/decide/red-flags.yaml"
                found.append(Code(system, entry["id"], label, source))
    return found


def load_terminology(pack_dir: Path | str = DEFAULT_PACK) -> Terminology:
    """Read the pack's value sets."""
    root = Path(pack_dir)
    folder = root / "valuesets"
    systems = _systems(folder)
    analgesics = _read(folder / "analgesics.yaml")
    overrides = _read(folder / "override-reasons.yaml")
    code = short_code(root)
    item_system = code_system(code, "red-flag-item")
    red_flags = _value_set(
        _read(folder / "red-flags.yaml"), "red-flags", systems, _red_flag_items(root, item_system)
    )
    return Terminology(
        problem=_value_set(_read(folder / "problem.yaml"), "problem", systems),
        out_of_scope=_value_set(_read(folder / "out-of-scope.yaml"), "out-of-scope", systems),
        imaging=_value_set(_read(folder / "imaging.yaml"), "imaging", systems),
        analgesics=tuple(_value_set(g, str(g["id"]), systems) for g in analgesics["groups"]),
        red_flags=red_flags,
        imaging_override=tuple(c for c in red_flags.codes if c.system == code_system(code, "red-flag"))
        + tuple(_code(c) for c in overrides["imaging"]),
        analgesic_override=tuple(_code(c) for c in overrides["analgesics"]),
        red_flag_item_system=item_system,
    )


@lru_cache(maxsize=4)
def cached_terminology(pack_dir: str = str(DEFAULT_PACK)) -> Terminology:
    """Value sets loaded once per process."""
    return load_terminology(pack_dir)
