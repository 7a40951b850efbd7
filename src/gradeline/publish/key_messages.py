"""The quick guide's page 2 data (``publish/quickguide.yaml``): key messages quoted verbatim from the
practical advice, and public addresses where to read more.

A key message names its recommendation and practical-advice paragraph; ``quote`` must occur word for word in
the Danish paragraph and ``quote_en`` in its unofficial English translation, so the quick guide never words
advice of its own. ``gradeline check`` reports a quote that no longer matches (``problems``).
"""

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from gradeline.content.pack import read_yaml, validate
from gradeline.model import Guideline


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class KeyMessage(_Strict):
    """A sentence quoted verbatim from one practical-advice paragraph."""

    recommendation: str
    paragraph: int = Field(ge=0)
    quote: str = Field(min_length=10, description="Verbatim in the Danish paragraph.")
    quote_en: str | None = Field(default=None, description="Verbatim in the paragraph's English translation.")


class Label(_Strict):
    da: str = Field(min_length=2)
    en: str = Field(min_length=2)


class ReadMore(_Strict):
    label: Label
    url: HttpUrl


class QuickGuideData(_Strict):
    key_messages: list[KeyMessage] = Field(min_length=1)
    read_more: list[ReadMore] = Field(min_length=1)


@dataclass(frozen=True)
class Message:
    """A key message as printed: the quote, and the recommendation it comes from."""

    text: str
    chapter: int
    title: str


def load_quickguide_data(pack: Path) -> QuickGuideData | None:
    """The pack's quick-guide data, or None when it has none."""
    path = Path(pack) / "publish" / "quickguide.yaml"
    return validate(QuickGuideData, read_yaml(path), path) if path.exists() else None


def _paragraph(guideline: Guideline, message: KeyMessage) -> str | None:
    rec = next((r for r in guideline.recommendations if r.id == message.recommendation), None)
    if rec is None or message.paragraph >= len(rec.practical_advice):
        return None
    return rec.practical_advice[message.paragraph]


def problems(data: QuickGuideData, danish: Guideline, english: Guideline | None) -> list[str]:
    """Each key message whose quote is not (any longer) in its paragraph, in Danish or in English."""
    found = []
    for i, message in enumerate(data.key_messages):
        where = f"publish/quickguide.yaml: key_messages[{i}] ({message.recommendation}, {message.paragraph})"
        paragraph = _paragraph(danish, message)
        if paragraph is None:
            found.append(f"{where}: no such recommendation or practical-advice paragraph")
        elif message.quote not in paragraph:
            found.append(f"{where}: the quote is not verbatim in the Danish paragraph")
        if english is not None and message.quote_en:
            translated = _paragraph(english, message)
            if translated is None or message.quote_en not in translated:
                found.append(f"{where}: quote_en is not verbatim in the paragraph's English translation")
    return found


def messages(data: QuickGuideData | None, guideline: Guideline, lang: str) -> list[Message]:
    """The key messages to print, in ``lang`` (the guideline is that language's edition)."""
    if data is None:
        return []
    chapters = {r.id: (r.chapter, r.title) for r in guideline.recommendations}
    shown = []
    for m in data.key_messages:
        text = m.quote_en if lang == "en" and m.quote_en else m.quote
        chapter, title = chapters.get(m.recommendation, (0, m.recommendation))
        shown.append(Message(text=text, chapter=chapter, title=title))
    return shown
