"""Export bundles: EBM-on-FHIR (R5) and CPG-on-FHIR (R4B), each validated with fhir.resources."""

import json
from pathlib import Path
from typing import Any, Literal

from gradeline.cdshooks.valuesets import cached_terminology
from gradeline.fhir import cpg, ebm
from gradeline.fhir.common import Json, canonical
from gradeline.model import Guideline

Version = Literal["R5", "R4B"]


def _bundle(rid: str, resources: list[Json], g: Guideline) -> Json:
    keys = [f"{r['resourceType']}/{r['id']}" for r in resources]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"duplicate resource ids in the export: {duplicates}")
    return {
        "resourceType": "Bundle",
        "id": rid,
        "type": "collection",
        "timestamp": f"{g.last_reviewed_year or g.published_year}-01-01T00:00:00Z",
        "entry": [{"fullUrl": canonical(r["resourceType"], r["id"]), "resource": r} for r in resources],
    }


def validate(bundle: Json, version: Version) -> None:
    """Raise pydantic.ValidationError if any resource does not validate with fhir.resources."""
    if version == "R5":
        from fhir.resources import get_fhir_model_class
    else:
        from fhir.resources.R4B import get_fhir_model_class
    get_fhir_model_class("Bundle").model_validate(bundle)


def export_bundle(guideline: Guideline, version: Version = "R5") -> dict[str, Any]:
    """The guideline as a FHIR Bundle: R5 = EBM-on-FHIR, R4B = CPG-on-FHIR."""
    if version == "R5":
        bundle = _bundle(f"{guideline.id}-ebm", ebm.resources(guideline), guideline)
    elif version == "R4B":
        bundle = _bundle(f"{guideline.id}-cpg", cpg.resources(guideline, cached_terminology()), guideline)
    else:
        raise ValueError(f"unknown FHIR version {version!r}; use R5 or R4B")
    plain: dict[str, Any] = json.loads(json.dumps(bundle, default=_json_default))
    validate(plain, version)
    return plain


def _json_default(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(str(value))
    raise TypeError(type(value).__name__)


def write_fhir(guideline: Guideline, out_dir: Path | str) -> list[Path]:
    """Write both bundles as JSON files; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for version, name in (("R5", "ebm-r5"), ("R4B", "cpg-r4b")):
        path = out / f"{guideline.id}-{name}.bundle.json"
        bundle = export_bundle(guideline, version)  # type: ignore[arg-type]
        path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
