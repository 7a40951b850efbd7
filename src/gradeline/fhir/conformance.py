"""Validate FHIR JSON against the official HL7 core packages (hl7.fhir.r5.core, hl7.fhir.r4b.core from npm).

Checks, from each StructureDefinition's snapshot: unknown elements, cardinality (min, max, array or
single), primitive JSON types, choice-type suffixes, fixed and pattern values, and required bindings whose
value set the package can expand (explicit concepts, or every concept of a CodeSystem in the package).
Profiles in the package (e.g. shareablelibrary) are checked the same way. Slices, invariants (FHIRPath
constraints) and terminology outside the package are not checked; they are reported nowhere rather than
guessed.

Profiles that are not on the npm registry (CPG-on-FHIR) are checked for the elements they require, as listed
in :data:`EXTERNAL_PROFILES` with the FSH source they come from.
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

Json = Mapping[str, Any]
PACKAGES = {"R5": "hl7.fhir.r5.core", "R4B": "hl7.fhir.r4b.core"}
CORE_SD = "http://hl7.org/fhir/StructureDefinition/"
CPG = "http://hl7.org/fhir/uv/cpg/StructureDefinition/"
INTEGER_TYPES = {"integer", "positiveInt", "unsignedInt", "integer64"}
STRING_SYSTEM_TYPE = "http://hl7.org/fhirpath/System.String"

# Required elements (path, minimum count) and fixed codings of the CPG-on-FHIR profiles we claim; source:
# HL7/cqf-recommendations input/fsh/profiles/artifact-profiles/cpg-computable-plandefinition.fsh,
# cpg-computable-activity.fsh, cpg-computable-metric.fsh and domain-profiles/cpg-recommendationdefinition.fsh.
EXTERNAL_PROFILES: dict[str, dict[str, Any]] = {
    CPG + "cpg-computableplandefinition": {"require": [("type", 1), ("action", 1)]},
    CPG + "cpg-recommendationdefinition": {
        "require": [("type", 1), ("action", 1), ("action.definitionCanonical", 1)],
        "coding": ("type", "http://terminology.hl7.org/CodeSystem/plan-definition-type", "eca-rule"),
    },
    CPG + "cpg-computableactivity": {"require": [("kind", 1)]},
    CPG + "cpg-computablemetric": {
        "require": [("scoring", 1), ("improvementNotation", 1), ("group", 1), ("group.population", 1)]
    },
}


def package_dir(version: str, root: Path | None = None) -> Path:
    """Where npm installed the core package of a FHIR version (``node_modules`` of the repository)."""
    base = root or Path(__file__).resolve().parents[3]
    folder = base / "node_modules" / PACKAGES[version]
    if not (folder / "package.json").exists():
        raise FileNotFoundError(
            f"{folder} is missing: install the HL7 packages with 'make deps' (npm ci, package.json)"
        )
    return folder


@dataclass
class Element:
    """One element definition of a snapshot (slices left out)."""

    path: str
    min: int
    max: str
    types: list[str]
    content_reference: str | None = None
    fixed: tuple[str, Any] | None = None
    pattern: tuple[str, Any] | None = None
    binding: str | None = None  # value set of a required binding

    @property
    def name(self) -> str:
        last = self.path.rsplit(".", 1)[-1]
        return last[:-3] if last.endswith("[x]") else last

    @property
    def choice(self) -> bool:
        return self.path.endswith("[x]")


@dataclass
class Structure:
    """A StructureDefinition's snapshot: elements by path and the children of each path."""

    url: str
    type: str
    elements: dict[str, Element] = field(default_factory=dict)
    children: dict[str, list[Element]] = field(default_factory=dict)


def _element(raw: Json) -> Element:
    types = [t["code"] for t in raw.get("type", [])]
    fixed = next(((k[5:], v) for k, v in raw.items() if k.startswith("fixed")), None)
    pattern = next(((k[7:], v) for k, v in raw.items() if k.startswith("pattern")), None)
    binding = raw.get("binding", {})
    required = binding.get("valueSet") if binding.get("strength") == "required" else None
    return Element(
        path=raw["path"],
        min=int(raw.get("min", 0)),
        max=str(raw.get("max", "*")),
        types=types,
        content_reference=raw.get("contentReference"),
        fixed=fixed,
        pattern=pattern,
        binding=required.split("|")[0] if isinstance(required, str) else None,
    )


def _structure(raw: Json) -> Structure:
    found = Structure(url=raw["url"], type=raw["type"])
    for item in raw["snapshot"]["element"]:
        if ":" in item.get("id", ""):
            continue  # slices are not checked
        element = _element(item)
        found.elements[element.path] = element
        if "." in element.path:
            found.children.setdefault(element.path.rsplit(".", 1)[0], []).append(element)
    return found


URL_PREFIXES = {
    "StructureDefinition": ("http://hl7.org/fhir/StructureDefinition/",),
    "ValueSet": ("http://hl7.org/fhir/ValueSet/",),
    "CodeSystem": ("http://hl7.org/fhir/", "http://terminology.hl7.org/CodeSystem/"),
}


class Package:
    """The StructureDefinitions, ValueSets and CodeSystems of one core package, read on demand (a core
    package names its files ``<Type>-<id>.json`` and its canonical URLs end with the id)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, url: str) -> Path | None:
        for kind, prefixes in URL_PREFIXES.items():
            for prefix in prefixes:
                rest = url[len(prefix) :]
                if url.startswith(prefix) and rest and "/" not in rest:
                    path = self.folder / f"{kind}-{rest}.json"
                    if path.exists():
                        return path
        return None

    @cache  # noqa: B019 -- one Package per FHIR version, kept for the process
    def resource(self, url: str) -> Json | None:
        """A conformance resource by canonical URL (version suffix ignored)."""
        plain = url.split("|")[0]
        path = self._file(plain)
        found = json.loads(path.read_text(encoding="utf-8")) if path else None
        return found if found and found.get("url") == plain else None

    @cache  # noqa: B019
    def structure(self, url_or_type: str) -> Structure | None:
        """A StructureDefinition by URL or by base type name."""
        url = url_or_type if "/" in url_or_type else CORE_SD + url_or_type
        raw = self.resource(url)
        return _structure(raw) if raw and raw.get("resourceType") == "StructureDefinition" else None

    @cache  # noqa: B019
    def codes(self, value_set: str) -> frozenset[tuple[str, str]] | None:
        """(system, code) pairs of a value set, or None when it cannot be expanded from the package."""
        raw = self.resource(value_set)
        if raw is None or raw.get("resourceType") != "ValueSet":
            return None
        found: set[tuple[str, str]] = set()
        for include in raw.get("compose", {}).get("include", []):
            system = include.get("system")
            if include.get("filter") or include.get("valueSet") or not system:
                return None
            if include.get("concept"):
                found.update((system, c["code"]) for c in include["concept"])
                continue
            system_codes = self._system_codes(system)
            if system_codes is None:
                return None
            found.update((system, c) for c in system_codes)
        return frozenset(found)

    def _system_codes(self, system: str) -> set[str] | None:
        raw = self.resource(system)
        if raw is None or raw.get("resourceType") != "CodeSystem" or raw.get("content") != "complete":
            return None

        def walk(concepts: list[Json]) -> Iterator[str]:
            for concept in concepts:
                yield concept["code"]
                yield from walk(concept.get("concept", []))

        return set(walk(raw.get("concept", [])))


@cache
def package(version: str) -> Package:
    """The installed core package of 'R5' or 'R4B'."""
    return Package(package_dir(version))


@dataclass
class Validator:
    """Collects issues for one resource against one structure."""

    pkg: Package
    issues: list[str] = field(default_factory=list)

    def resource(self, resource: Json, profiles: tuple[str, ...] = (), where: str = "") -> list[str]:
        """Issues of a resource against its base definition and the given profiles."""
        kind = resource.get("resourceType")
        label = where or f"{kind}/{resource.get('id', '?')}"
        base = self.pkg.structure(str(kind)) if isinstance(kind, str) else None
        if base is None:
            self.issues.append(f"{label}: unknown resourceType {kind!r}")
            return self.issues
        self._object(resource, base, base.type, label, root=True)
        for url in profiles:
            profile = self.pkg.structure(url)
            if profile is not None:
                self._object(
                    resource, profile, profile.type, f"{label} [{url.rsplit('/', 1)[-1]}]", root=True
                )
            elif url in EXTERNAL_PROFILES:
                self._external(resource, url, label)
            else:
                self.issues.append(f"{label}: profile {url} is neither in the package nor described here")
        return self.issues

    # -- structure walk --------------------------------------------------------------------------

    def _object(self, obj: Any, sd: Structure, path: str, where: str, root: bool = False) -> None:
        if not isinstance(obj, Mapping):
            self.issues.append(f"{where}: {path} must be an object")
            return
        children = self._children(sd, path)
        known: set[str] = {"resourceType"} if root else set()
        for element in children:
            for key, type_code in self._keys(obj, element):
                known.update((key, f"_{key}"))
                self._values(obj, key, type_code, element, sd, where)
            if not any(True for _ in self._keys(obj, element)) and element.min > 0:
                self.issues.append(f"{where}: {element.path} is required (min {element.min})")
        for key in obj:
            if key not in known and key != "fhir_comments":
                self.issues.append(f"{where}: {path}.{key.lstrip('_')} is not an element of {sd.type}")

    def _children(self, sd: Structure, path: str) -> list[Element]:
        element = sd.elements.get(path)
        if element is not None and element.content_reference:
            path = element.content_reference.split("#", 1)[1]
        return sd.children.get(path, [])

    def _keys(self, obj: Mapping[str, Any], element: Element) -> Iterator[tuple[str, str]]:
        if not element.choice:
            if element.name in obj or f"_{element.name}" in obj:
                yield element.name, element.types[0] if element.types else ""
            return
        for type_code in element.types:
            key = element.name + type_code[0].upper() + type_code[1:]
            if key in obj or f"_{key}" in obj:
                yield key, type_code

    def _values(
        self, obj: Mapping[str, Any], key: str, type_code: str, element: Element, sd: Structure, where: str
    ) -> None:
        value = obj.get(key)
        many = element.max != "1"
        if value is None and f"_{key}" in obj:
            return  # only the primitive's extension
        if many and not isinstance(value, list):
            self.issues.append(f"{where}: {element.path} must be an array (max {element.max})")
            return
        if not many and isinstance(value, list):
            self.issues.append(f"{where}: {element.path} must not be an array (max 1)")
            return
        items = value if isinstance(value, list) else [value]
        if element.max not in ("*", "1") and len(items) > int(element.max):
            self.issues.append(f"{where}: {element.path} has {len(items)} values, max {element.max}")
        if len(items) < element.min:
            self.issues.append(f"{where}: {element.path} has {len(items)} values, min {element.min}")
        for item in items:
            self._value(item, type_code, element, sd, where)

    def _value(self, item: Any, type_code: str, element: Element, sd: Structure, where: str) -> None:
        if element.fixed is not None and item != element.fixed[1]:
            self.issues.append(f"{where}: {element.path} must be {element.fixed[1]!r}")
        if element.pattern is not None and not _matches(item, element.pattern[1]):
            self.issues.append(f"{where}: {element.path} does not match its pattern {element.pattern[1]!r}")
        if element.binding:
            self._binding(item, type_code, element, where)
        if type_code in ("BackboneElement", "Element") or (not type_code and element.content_reference):
            self._object(item, sd, element.path, where)
        elif type_code == "Resource":
            if isinstance(item, Mapping):
                Validator(self.pkg, self.issues).resource(item, where=f"{where} > {item.get('resourceType')}")
            else:
                self.issues.append(f"{where}: {element.path} must be a resource")
        elif type_code and (type_code[0].islower() or type_code == STRING_SYSTEM_TYPE):
            self._primitive(item, type_code, element, where)
        elif type_code:
            datatype = self.pkg.structure(type_code)
            if datatype is None:
                self.issues.append(f"{where}: {element.path}: unknown type {type_code}")
            else:
                self._object(item, datatype, datatype.type, where)

    def _primitive(self, item: Any, type_code: str, element: Element, where: str) -> None:
        if type_code == "boolean":
            ok = isinstance(item, bool)
        elif type_code in INTEGER_TYPES:
            ok = isinstance(item, int) and not isinstance(item, bool)
        elif type_code == "decimal":
            ok = isinstance(item, int | float) and not isinstance(item, bool)
        else:
            ok = isinstance(item, str) and (item != "" or type_code == "xhtml")
        if not ok:
            self.issues.append(f"{where}: {element.path} is not a valid {type_code}: {item!r}")

    def _binding(self, item: Any, type_code: str, element: Element, where: str) -> None:
        assert element.binding is not None
        codes = self.pkg.codes(element.binding)
        if codes is None:
            return  # not expandable from the package: not checked
        if type_code == "code":
            if isinstance(item, str) and item not in {code for _, code in codes}:
                self.issues.append(f"{where}: {element.path} code {item!r} is not in {element.binding}")
            return
        codings = (
            [item] if type_code == "Coding" else (item.get("coding", []) if isinstance(item, Mapping) else [])
        )
        coded = [c for c in codings if isinstance(c, Mapping) and c.get("system")]
        if coded and not any((c["system"], c.get("code")) in codes for c in coded):
            self.issues.append(f"{where}: {element.path} has no coding from {element.binding}")

    # -- profiles not in the package ------------------------------------------------------------

    def _external(self, resource: Json, url: str, where: str) -> None:
        rules = EXTERNAL_PROFILES[url]
        name = url.rsplit("/", 1)[-1]
        for path, minimum in rules.get("require", []):
            if len(list(_walk(resource, path.split(".")))) < minimum:
                self.issues.append(f"{where} [{name}]: {resource.get('resourceType')}.{path} is required")
        if "coding" in rules:
            path, system, code = rules["coding"]
            codings = [c for v in _walk(resource, path.split(".")) for c in v.get("coding", [])]
            if not any(c.get("system") == system and c.get("code") == code for c in codings):
                self.issues.append(f"{where} [{name}]: {path} must be {system}#{code}")


def _walk(value: Any, parts: list[str]) -> Iterator[Any]:
    if not parts:
        if value not in (None, [], {}):
            yield value
        return
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, Mapping) and parts[0] in item:
            found = item[parts[0]]
            for inner in found if isinstance(found, list) else [found]:
                yield from _walk(inner, parts[1:])


def _matches(value: Any, pattern: Any) -> bool:
    """FHIR pattern semantics: every member of the pattern is present (lists: each pattern item matched)."""
    if isinstance(pattern, Mapping):
        return isinstance(value, Mapping) and all(
            k in value and _matches(value[k], v) for k, v in pattern.items()
        )
    if isinstance(pattern, list):
        return isinstance(value, list) and all(any(_matches(v, p) for v in value) for p in pattern)
    return bool(value == pattern)


def validate(resource: Json, version: str, profiles: tuple[str, ...] | None = None) -> list[str]:
    """Issues of one resource (a Bundle's entries included) against the core package and its profiles
    (``meta.profile`` when ``profiles`` is None)."""
    claimed = tuple(resource.get("meta", {}).get("profile", [])) if profiles is None else profiles
    return Validator(package(version)).resource(resource, claimed)


def validate_bundle(bundle: Json, version: str) -> list[str]:
    """Issues of a Bundle and of every entry against the profiles it claims."""
    issues = validate({k: v for k, v in bundle.items() if k != "entry"}, version, ())
    for entry in bundle.get("entry", []):
        issues += validate(entry["resource"], version)
    return issues
