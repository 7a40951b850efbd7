"""What changed between two editions: recommendations added, removed or changed, field by field.

Snapshots are flattened into paths (``outcomes/<outcome-id>/participants``), with list items keyed by
their id or number where they have one, so a reordered list is not reported as a change. Text changes
carry a word-level diff for display.
"""

import difflib
from dataclasses import dataclass, field
from typing import Any

IGNORED = {"seed_lines", "provenance", "$schema", "generator"}
Scalar = str | int | float | bool | None


@dataclass(frozen=True)
class Change:
    path: str
    old: Scalar
    new: Scalar

    @property
    def is_number(self) -> bool:
        return _numeric(self.old) and _numeric(self.new)

    @property
    def words(self) -> list[tuple[str, str]]:
        """(op, text) pairs: ``equal``, ``delete`` or ``insert``, for showing a text change inline."""
        if not isinstance(self.old, str) or not isinstance(self.new, str):
            return []
        a, b = self.old.split(" "), self.new.split(" ")
        parts: list[tuple[str, str]] = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                parts.append(("equal", " ".join(a[i1:i2])))
                continue
            if i2 > i1:
                parts.append(("delete", " ".join(a[i1:i2])))
            if j2 > j1:
                parts.append(("insert", " ".join(b[j1:j2])))
        return parts


@dataclass
class ItemDiff:
    key: str
    title: str
    kind: str  # added | removed | changed
    changes: list[Change] = field(default_factory=list)


@dataclass
class EditionDiff:
    guideline: list[Change]
    recommendations: list[ItemDiff]
    chapters: list[ItemDiff]

    @property
    def empty(self) -> bool:
        return not (self.guideline or self.recommendations or self.chapters)


def _numeric(value: Scalar) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _key(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for name in ("id", "slug", "number", "code"):
            if name in item:
                return str(item[name])
    return str(index)


def flatten(value: Any, prefix: str = "") -> dict[str, Scalar]:
    """Nested JSON as {path: scalar}."""
    out: dict[str, Scalar] = {}
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in IGNORED:
                out.update(flatten(v, f"{prefix}/{k}" if prefix else str(k)))
    elif isinstance(value, list):
        if not value:
            out[prefix] = None
        for i, v in enumerate(value):
            out.update(flatten(v, f"{prefix}/{_key(v, i)}" if prefix else _key(v, i)))
    else:
        out[prefix] = value
    return out


def _changes(old: Any, new: Any) -> list[Change]:
    a, b = flatten(old), flatten(new)
    return [Change(p, a.get(p), b.get(p)) for p in sorted(a.keys() | b.keys()) if a.get(p) != b.get(p)]


def _items(old: list[dict[str, Any]], new: list[dict[str, Any]], key: str, title: str) -> list[ItemDiff]:
    before = {str(i[key]): i for i in old}
    after = {str(i[key]): i for i in new}
    result: list[ItemDiff] = []
    for k in [*after, *(k for k in before if k not in after)]:
        if k not in before:
            result.append(ItemDiff(k, after[k][title], "added"))
        elif k not in after:
            result.append(ItemDiff(k, before[k][title], "removed"))
        elif changes := _changes(before[k], after[k]):
            result.append(ItemDiff(k, after[k][title], "changed", changes))
    return result


def diff_snapshots(old: dict[str, Any], new: dict[str, Any]) -> EditionDiff:
    top_old = {k: v for k, v in old.items() if k not in ("recommendations", "chapters")}
    top_new = {k: v for k, v in new.items() if k not in ("recommendations", "chapters")}
    return EditionDiff(
        guideline=_changes(top_old, top_new),
        recommendations=_items(old.get("recommendations", []), new.get("recommendations", []), "id", "title"),
        chapters=_items(old.get("chapters", []), new.get("chapters", []), "slug", "title"),
    )
