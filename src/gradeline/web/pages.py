"""What the templates show: recommendations, strength levels and outcomes in the reader's language."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.model import Certainty, Footnote, Guideline, Importance, Outcome, Recommendation, StrengthLevel
from gradeline.model.guideline import Chapter
from gradeline.web.localize import Localizer, Text

CERTAINTY: dict[Certainty, tuple[Promise, int]] = {
    Certainty.HIGH: (_("Høj"), 4),
    Certainty.MODERATE: (_("Moderat"), 3),
    Certainty.LOW: (_("Lav"), 2),
    Certainty.VERY_LOW: (_("Meget lav"), 1),
}
IMPORTANCE: dict[Importance, Promise] = {
    Importance.CRITICAL: _("Kritisk"),
    Importance.IMPORTANT: _("Vigtig"),
    Importance.NOT_IMPORTANT: _("Ikke vigtig"),
}


@dataclass(frozen=True)
class CertaintyView:
    """A certainty rating with its label and the GRADE symbols (⊕⊕◯◯)."""

    value: Certainty
    label: Promise
    filled: int

    @property
    def symbols(self) -> str:
        return "⊕" * self.filled + "◯" * (4 - self.filled)

    @property
    def css(self) -> str:
        return f"certainty-{self.filled}"


def certainty_view(value: Certainty | None) -> CertaintyView | None:
    if value is None:
        return None
    label, filled = CERTAINTY[value]
    return CertaintyView(value, label, filled)


@dataclass(frozen=True)
class StrengthView:
    """A strength level: label, colour and icon (so strength never depends on colour alone)."""

    level: StrengthLevel
    label: Text
    heading: Text
    description: Text


def strength_view(level: StrengthLevel, t: Localizer, printed_label: str | None = None) -> StrengthView:
    loc = f"strength_levels/{level.id}"
    return StrengthView(
        level=level,
        label=t(f"{loc}/label", printed_label or level.label),
        heading=t(f"{loc}/heading", level.heading),
        description=t(f"{loc}/description_reading_guide", level.description_reading_guide),
    )


@dataclass(frozen=True)
class OutcomeView:
    """One evidence-profile row with its translated name, certainty and cited footnotes."""

    outcome: Outcome
    name: Text
    certainty: CertaintyView | None
    importance_label: Promise | None
    footnotes: list[Footnote]


@dataclass(frozen=True)
class RecommendationView:
    """A recommendation in the reader's language, with its strength and (for layer 2) its outcomes."""

    rec: Recommendation
    strength: StrengthView
    title: Text
    text: Text
    focused_question: Text
    update_note: Text | None
    practical_advice: list[Text]
    overall_certainty: CertaintyView | None
    outcomes: list[OutcomeView]


def recommendation_view(guideline: Guideline, rec: Recommendation, t: Localizer) -> RecommendationView:
    loc = f"recommendations/{rec.id}"
    footnotes = {note.number: note for note in rec.footnotes}
    outcomes = [
        OutcomeView(
            outcome=o,
            name=t(f"{loc}/outcomes/{o.id}/name", o.name),
            certainty=certainty_view(o.certainty),
            importance_label=IMPORTANCE[o.importance_label] if o.importance_label else None,
            footnotes=[footnotes[n] for n in o.footnotes if n in footnotes],
        )
        for o in rec.outcomes
    ]
    return RecommendationView(
        rec=rec,
        strength=strength_view(guideline.strength_level(rec), t, rec.label),
        title=t(f"{loc}/title", rec.title),
        text=t(f"{loc}/text", rec.text),
        focused_question=t(f"{loc}/focused_question", rec.focused_question),
        update_note=t(f"{loc}/update_note", rec.update_note) if rec.update_note else None,
        practical_advice=t.paragraphs(f"{loc}/practical_advice", rec.practical_advice),
        overall_certainty=certainty_view(rec.overall_certainty),
        outcomes=outcomes,
    )


@dataclass(frozen=True)
class ChapterLink:
    chapter: Chapter
    title: Text


def chapter_links(guideline: Guideline, t: Localizer) -> list[ChapterLink]:
    return [ChapterLink(c, t(f"chapters/{c.slug}/title", c.title)) for c in guideline.chapters]
