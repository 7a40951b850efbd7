"""Form helpers: paragraphs in a textarea, the 'other fields' YAML box, and model-ordered data."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from pydantic import BaseModel

from gradeline.content.dump import dump_yaml, load_yaml_text


def paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines; line breaks inside a paragraph become spaces."""
    blocks = [
        " ".join(line.strip() for line in block.splitlines())
        for block in text.replace("\r", "").split("\n\n")
    ]
    return [b.strip() for b in blocks if b.strip()]


def joined(items: list[str] | None) -> str:
    return "\n\n".join(items or [])


def ordered(
    data: dict[str, Any], model: type[BaseModel], keep: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The data's keys in the model's field order (unknown keys last), without empty values, then ``keep``
    (fields from a YAML box, kept exactly as written, even when empty)."""
    names = list(model.model_fields)
    merged = {**{k: v for k, v in data.items() if v not in (None, "", [], {})}, **(keep or {})}
    keys = sorted(merged, key=lambda k: names.index(k) if k in names else len(names))
    return {k: merged[k] for k in keys}


class YamlField(forms.CharField):
    """A textarea holding a YAML mapping of the fields the form has no input for (kept as they are)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "class": "code"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dict[str, Any]:  # type: ignore[override]
        text = super().to_python(value) or ""
        if not text.strip():
            return {}
        try:
            data = load_yaml_text(text)
        except Exception as exc:
            mark = getattr(exc, "problem_mark", None)
            where = _(" (linje %(line)s)") % {"line": mark.line + 1} if mark is not None else ""
            raise forms.ValidationError(_("Ikke gyldig YAML%(where)s.") % {"where": where}) from exc
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise forms.ValidationError(_("Skriv felterne som 'navn: værdi', ét pr. linje."))
        return data

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return dump_yaml(value) if value else ""
        return value


def rest(data: dict[str, Any], covered: set[str]) -> dict[str, Any]:
    """The keys of ``data`` a form does not cover (shown in its YAML box)."""
    return {k: v for k, v in data.items() if k not in covered}


def enum_choices(
    enum: Any, blank: bool = False, labels: dict[Any, Any] | None = None
) -> list[tuple[str, Any]]:
    """Choices from one of the model's enums (values as stored, shown with ``labels`` where given), optionally
    with an empty first choice; a member without a label shows its value, so new members appear at once."""
    labels = labels or {}
    return ([("", "—")] if blank else []) + [(m.value, labels.get(m, m.value)) for m in enum]
