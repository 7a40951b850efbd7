"""Card texts in the client's language: interface texts from the pack's ``cds/cards.yaml``, guideline content
quoted in Danish or from the pack's unofficial English translation (``translations/en.yaml``)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.pack import DEFAULT_PACK
from gradeline.content.translations import Translations, cached_translations
from gradeline.model import Guideline, Recommendation

DEFAULT_LANGUAGE = "da"


@dataclass(frozen=True)
class CardTexts:
    """The texts of one language; Danish (the original) is the fallback everywhere."""

    language: str
    guideline: Guideline
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    translations: Translations | None = None

    def t(self, key: str, **values: Any) -> str:
        """An interface text with its placeholders filled."""
        entry = self.texts.get(key, {})
        template = entry.get(self.language) or entry.get(DEFAULT_LANGUAGE)
        if template is None:
            raise KeyError(f"cds/cards.yaml has no text {key!r}")
        return template.format(**values)

    def content(self, location: str, danish: str) -> str:
        """A guideline text in this language; the Danish original (marked) when no translation exists."""
        if self.language == DEFAULT_LANGUAGE or self.translations is None:
            return danish
        translated = self.translations.get(location)
        return translated if translated else f"{danish} {self.t('danish_only')}"

    def rec_title(self, rec: Recommendation) -> str:
        """The recommendation's title."""
        return self.content(f"recommendations/{rec.id}/title", rec.title)

    def rec_text(self, rec: Recommendation) -> str:
        """The recommendation as printed."""
        return self.content(f"recommendations/{rec.id}/text", rec.text)

    def rec_label(self, rec: Recommendation) -> str:
        """The strength label ('Svag anbefaling mod' / 'Weak recommendation against')."""
        level = self.guideline.strength_level(rec).id
        return self.content(f"strength_levels/{level}/label", rec.label)

    def advice(self, rec: Recommendation) -> list[str]:
        """The practical advice paragraphs."""
        return [
            self.content(f"recommendations/{rec.id}/practical_advice/{i}", text)
            for i, text in enumerate(rec.practical_advice)
        ]

    def status_label(self) -> str:
        """'Ikke gældende' / 'Not in force'."""
        return self.content("status/label", self.guideline.status.label)

    def status_note(self) -> str:
        """The guideline's status note."""
        return self.content("status/note", self.guideline.status.note)

    def display(self, extra: Mapping[str, Any], danish: str) -> str:
        """A code's display in this language (``display_en`` in a value set), else its display."""
        found = extra.get(f"display_{self.language}") if self.language != DEFAULT_LANGUAGE else None
        return str(found) if found else danish


@lru_cache(maxsize=4)
def _texts(pack_dir: str) -> Mapping[str, Mapping[str, str]]:
    path = Path(pack_dir) / "cds" / "cards.yaml"
    if not path.is_file():  # a pack without CDS data: no services, so no card texts are asked for
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of text keys to {{da, en}}")
    return {str(k): {str(lang): str(text) for lang, text in v.items()} for k, v in data.items()}


def card_texts(guideline: Guideline, language: str, pack_dir: Path | str = DEFAULT_PACK) -> CardTexts:
    """The card texts of a language ('da' or 'en')."""
    translations = cached_translations(Path(pack_dir), language) if language != DEFAULT_LANGUAGE else None
    return CardTexts(language, guideline, _texts(str(pack_dir)), translations)
