"""Load a content pack from disk into a validated :class:`~gradeline.model.Guideline`."""

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from gradeline.content.errors import PackError, describe_validation_error
from gradeline.content.textfiles import check_text_sizes, read_text
from gradeline.model import Chapter, Erratum, GlossaryEntry, Groups, Guideline, Recommendation

DEFAULT_PACK = Path(__file__).resolve().parents[3] / "content" / "nkr-laenderygsmerter"

M = TypeVar("M", bound=BaseModel)
# libyaml's C parser when present (it is in PyYAML's wheels); same safe subset of YAML.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax, encoding or size problem becomes a PackError naming the file."""
    text = read_text(path)
    try:
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError(f"{path}:{where}: not valid YAML ({problem})") from exc
    check_text_sizes(data, path)
    return data


def validate(model: type[M], data: Any, path: Path) -> M:
    """Validate data as a model; errors name the file and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise PackError(describe_validation_error(path, exc)) from exc


def read_markdown(path: Path) -> tuple[dict[str, Any], str]:
    """Split a Markdown file into its YAML front matter and body."""
    text = read_text(path)
    if not text.startswith("---\n"):
        raise PackError(f"{path}: a chapter file starts with YAML front matter between '---' lines")
    _, front, body = text.split("---\n", 2)
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: the front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise PackError(f"{path}: the front matter must be a mapping of fields")
    check_text_sizes({**meta, "body": body}, path)
    return meta, body.strip()


def _errata_by_target(errata: list[Erratum]) -> dict[tuple[str, ...], list[Erratum]]:
    """Group errata by the item they belong to: (rec,), (rec, outcome) or () for the guideline."""
    grouped: dict[tuple[str, ...], list[Erratum]] = defaultdict(list)
    for erratum in errata:
        parts = erratum.location.split("/")
        grouped[tuple(parts[:2]) if len(parts) >= 3 else tuple(parts[:1])].append(erratum)
    return grouped


def _attach_errata(data: dict[str, Any], grouped: dict[tuple[str, ...], list[Erratum]]) -> dict[str, Any]:
    rec_id = str(data.get("id"))
    outcomes = [
        {**outcome, "errata": grouped.get((rec_id, str(outcome.get("id"))), [])}
        if isinstance(outcome, dict)
        else outcome
        for outcome in data.get("outcomes") or []
    ]
    return {**data, "outcomes": outcomes, "errata": grouped.get((rec_id,), [])}


def load_errata(pack: Path) -> list[Erratum]:
    """The acknowledged errata of a pack (empty when it has no errata.yaml)."""
    path = pack / "errata.yaml"
    if not path.exists():
        return []
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise PackError(f"{path}: must be a list of errata")
    return [validate(Erratum, item, path) for item in items]


def pack_files(pack: Path) -> list[Path]:
    """The YAML files a pack is loaded from (chapters are Markdown with YAML front matter)."""
    named = [pack / name for name in ("guideline.yaml", "errata.yaml", "glossary.yaml", "groups.yaml")]
    return [p for p in named if p.exists()] + sorted((pack / "recommendations").glob("*.yaml"))


def _refuse_duplicates(what: str, keyed: list[tuple[str, Path]]) -> None:
    """PackError naming the file that repeats a key already used in an earlier file."""
    first: dict[str, Path] = {}
    for key, path in keyed:
        if key in first:
            raise PackError(f"{path}: {what} {key!r} is already used in {first[key]}")
        first[key] = path


def load_pack(pack: Path = DEFAULT_PACK) -> Guideline:
    """Read and validate a whole pack. Raises PackError with a message naming file and field."""
    pack = Path(pack)
    if not (pack / "guideline.yaml").exists():
        raise PackError(f"{pack}: not a content pack (no guideline.yaml)")
    base = read_yaml(pack / "guideline.yaml")
    if not isinstance(base, dict):
        raise PackError(f"{pack / 'guideline.yaml'}: must be a mapping of fields")
    errata = load_errata(pack)
    grouped = _errata_by_target(errata)

    recommendations, rec_files = [], []
    for path in sorted((pack / "recommendations").glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise PackError(f"{path}: must be a mapping of fields")
        recommendations.append(validate(Recommendation, _attach_errata(data, grouped), path))
        rec_files.append(path)
    _refuse_duplicates(
        "recommendation id", [(r.id, p) for r, p in zip(recommendations, rec_files, strict=True)]
    )
    _refuse_duplicates(
        "recommendation chapter",
        [(str(r.chapter), p) for r, p in zip(recommendations, rec_files, strict=True)],
    )

    chapters, chapter_files = [], []
    for path in sorted((pack / "chapters").glob("*.md")):
        meta, body = read_markdown(path)
        chapters.append(validate(Chapter, {**meta, "body": body}, path))
        chapter_files.append(path)
    _refuse_duplicates(
        "chapter number", [(str(c.number), p) for c, p in zip(chapters, chapter_files, strict=True)]
    )

    glossary_path = pack / "glossary.yaml"
    glossary = (
        [validate(GlossaryEntry, e, glossary_path) for e in read_yaml(glossary_path) or []]
        if (glossary_path.exists())
        else []
    )
    groups_path = pack / "groups.yaml"
    groups = validate(Groups, read_yaml(groups_path), groups_path) if groups_path.exists() else None

    data = {
        **base,
        "recommendations": recommendations,
        "chapters": chapters,
        "glossary": glossary,
        "groups": groups,
        "errata": errata,
    }
    return validate(Guideline, data, pack / "guideline.yaml")


@lru_cache(maxsize=4)
def cached_pack(pack: Path = DEFAULT_PACK) -> Guideline:
    """The pack, loaded once per process (content is immutable while running)."""
    return load_pack(pack)
