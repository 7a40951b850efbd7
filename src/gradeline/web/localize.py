"""Content in the reader's language: the Danish original, or the unofficial English translation."""

from dataclasses import dataclass

from gradeline.content.pack import cached_sources
from gradeline.content.translatable import is_prose
from gradeline.content.translations import Translations, cached_translations


@dataclass(frozen=True)
class Text:
    """A text to show, in the language it is written in; ``fallback`` when a translation was missing."""

    text: str
    lang: str
    fallback: bool = False

    def __str__(self) -> str:
        return self.text


class Localizer:
    """Picks the translation of a content location for the active language, falling back to Danish."""

    def __init__(self, language: str, translations: Translations | None = None) -> None:
        self.language = language
        self.translations = translations if translations is not None else cached_translations()

    @property
    def translating(self) -> bool:
        """True when the reader asked for a language other than the original Danish."""
        return self.language != "da"

    def __call__(self, location: str, danish: str) -> Text:
        if not self.translating:
            return Text(danish, "da")
        if not is_prose(danish):  # a name or acronym such as 'MR' reads the same in every language
            return Text(danish, self.language)
        translated = self.translations.get(location) if self.translations.language == self.language else None
        return Text(translated, self.language) if translated else Text(danish, "da", fallback=True)

    def language_of(self, prefix: str) -> str:
        """The language of every text under a location (a chapter, the glossary): the reader's when all of
        them are translated, else Danish (untranslated texts are shown in the original)."""
        if not self.translating or self.translations.language != self.language:
            return "da"
        inside = [loc for loc in cached_sources() if loc.startswith(f"{prefix}/")]
        return self.language if all(self.translations.get(loc) for loc in inside) else "da"

    def paragraphs(self, location: str, danish: list[str]) -> list[Text]:
        """Each paragraph of a list, located as ``location/<index>``."""
        return [self(f"{location}/{index}", text) for index, text in enumerate(danish)]
