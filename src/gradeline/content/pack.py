"""Load a content pack from disk into a validated :class:`~gradeline.model.Guideline`."""

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from gradeline.content.errors import PackError, describe_validation_error
from gradeline.content.packs import DEFAULT_SLUG, REPOSITORY_CONTENT, pack_or_active
from gradeline.content.textfiles import check_text_sizes, read_text
from gradeline.content.translatable import (
    Lookup,
    chapter_blocks,
    everywhere,
    guideline_prose,
    is_explanation,
    printed_effects,
    prose_texts,
    swap_texts,
)
from gradeline.model import Chapter, Erratum, GlossaryEntry, Groups, Guideline, Recommendation

# The repository's first guideline. Loaders take ``pack=None`` for the active pack (content/packs.py).
DEFAULT_PACK = REPOSITORY_CONTENT / DEFAULT_SLUG

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


def _raw_errata(pack: Path) -> list[Any]:
    path = pack / "errata.yaml"
    if not path.exists():
        return []
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise PackError(f"{path}: must be a list of errata")
    return items


def load_errata(pack: Path, lookup: Lookup | None = None) -> list[Erratum]:
    """The acknowledged errata of a pack (empty when it has no errata.yaml), translated by ``lookup``."""
    items = _raw_errata(pack)
    if lookup:
        items = swap_texts(items, "errata", lookup, is_explanation)
    elif items:  # the original also carries the English (translations/en), so any page can show either
        english = _edition_lookup(pack, "en")
        if english is not None:
            items = [
                _with_english(item, english(f"errata/{i}/explanation", "")) for i, item in enumerate(items)
            ]
    return [validate(Erratum, item, pack / "errata.yaml") for item in items]


def _with_english(item: Any, english: str | None) -> Any:
    """An erratum as read, with ``explanation_en`` from the English translation when there is one."""
    return {**item, "explanation_en": english} if english and isinstance(item, dict) else item


def _guideline_parts(base: dict[str, Any]) -> dict[str, Any]:
    """guideline.yaml rooted as its translations are: its title is located at ``guideline/title``."""
    own = ("title", "version")
    return {
        "guideline": {k: base.get(k) for k in own if k in base},
        **{k: v for k, v in base.items() if k not in own},
    }


def _guideline_prose(base: dict[str, Any], lookup: Lookup) -> dict[str, Any]:
    """guideline.yaml with its prose translated."""
    swapped = swap_texts(_guideline_parts(base), "", lookup, guideline_prose)
    own = swapped.pop("guideline")
    return {**swapped, **own}


def _chapter(meta: dict[str, Any], body: str, lookup: Lookup | None) -> dict[str, Any]:
    if not lookup:
        return {**meta, "body": body}
    loc = f"chapters/{meta.get('slug')}"
    blocks = [lookup(f"{loc}/blocks/{i}", block) or block for i, block in enumerate(chapter_blocks(body))]
    title = str(meta.get("title", ""))
    return {**meta, "title": lookup(f"{loc}/title", title) or title, "body": "\n\n".join(blocks)}


def danish_sources(pack: Path | None = None, prose_only: bool = True) -> dict[str, str]:
    """Every original prose text of a pack (default: the active one) that an edition in another language
    translates, by location (without ``prose_only``, also the texts without words, such as 'VAS', that need
    no translation)."""
    pack = pack_or_active(pack)
    found: list[tuple[str, str]] = []
    base = read_yaml(pack / "guideline.yaml") or {}
    found += prose_texts(_guideline_parts(base), "", guideline_prose, prose_only)
    for path in sorted((pack / "recommendations").glob("*.yaml")):
        data = read_yaml(path) or {}
        found += prose_texts(data, f"recommendations/{data.get('id')}", everywhere, prose_only)
    for path in sorted((pack / "chapters").glob("*.md")):
        meta, body = read_markdown(path)
        parts = {"title": meta.get("title"), "blocks": chapter_blocks(body)}
        found += prose_texts(parts, f"chapters/{meta.get('slug')}", everywhere, prose_only)
    if (pack / "glossary.yaml").exists():
        found += prose_texts(read_yaml(pack / "glossary.yaml") or [], "glossary", everywhere, prose_only)
    found += prose_texts(_raw_errata(pack), "errata", is_explanation, prose_only)
    return dict(found)


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


def pack_language(pack: Path) -> str:
    """The language the pack is written in (``language`` of guideline.yaml; Danish when not given)."""
    path = Path(pack) / "guideline.yaml"
    return _language(path, path.stat().st_mtime_ns) if path.exists() else "da"


@lru_cache(maxsize=64)
def _language(path: Path, _mtime_ns: int) -> str:
    """Read once per version of the file (the modification time is part of the key)."""
    base = read_yaml(path)
    language = base.get("language") if isinstance(base, dict) else None
    return language if isinstance(language, str) else "da"


def _edition_lookup(pack: Path, language: str) -> Lookup | None:
    """How to find a text's translation in the language's edition; None for the pack's own language."""
    if language == pack_language(pack):
        return None
    from gradeline.content.translations import cached_translations  # the translations read pack files

    translations = cached_translations(pack, language)
    return lambda location, _danish: translations.get(location)


def load_pack(pack: Path | None = None, language: str | None = None) -> Guideline:
    """Read and validate a whole pack. Raises PackError with a message naming file and field.

    ``language`` None or the pack's own language gives the original. With another language, every prose text
    that has a translation is replaced by it (the unofficial edition); untranslated texts stay in the
    original. Without ``pack``, the active pack.
    """
    pack = pack_or_active(pack)
    if not (pack / "guideline.yaml").exists():
        raise PackError(f"{pack}: not a content pack (no guideline.yaml)")
    language = language or pack_language(pack)
    lookup = _edition_lookup(pack, language)
    base = read_yaml(pack / "guideline.yaml")
    if not isinstance(base, dict):
        raise PackError(f"{pack / 'guideline.yaml'}: must be a mapping of fields")
    if lookup:
        base = _guideline_prose(base, lookup)
    errata = load_errata(pack, lookup)
    grouped = _errata_by_target(errata)

    recommendations, rec_files = [], []
    for path in sorted((pack / "recommendations").glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise PackError(f"{path}: must be a mapping of fields")
        if lookup:
            data = swap_texts(data, f"recommendations/{data.get('id')}", lookup, everywhere)
            data = printed_effects(data, language)
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
        chapters.append(validate(Chapter, _chapter(meta, body, lookup), path))
        chapter_files.append(path)
    _refuse_duplicates(
        "chapter number", [(str(c.number), p) for c, p in zip(chapters, chapter_files, strict=True)]
    )

    glossary_path = pack / "glossary.yaml"
    raw_glossary = (read_yaml(glossary_path) or []) if glossary_path.exists() else []
    if lookup:
        raw_glossary = swap_texts(raw_glossary, "glossary", lookup, everywhere)
    glossary = [validate(GlossaryEntry, e, glossary_path) for e in raw_glossary]
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


def cached_pack(pack: Path | None = None, language: str | None = None) -> Guideline:
    """The pack (default: the active one) in a language's edition (default: its own), loaded once per
    process."""
    return _cached_pack(pack_or_active(pack), language)


@lru_cache(maxsize=16)
def _cached_pack(pack: Path, language: str | None) -> Guideline:
    return load_pack(pack, language)


def cached_sources(pack: Path | None = None) -> dict[str, str]:
    """The pack's (default: the active one's) Danish prose texts by location, read once per process."""
    return _cached_sources(pack_or_active(pack))


@lru_cache(maxsize=8)
def _cached_sources(pack: Path) -> dict[str, str]:
    return danish_sources(pack)
