"""What the templates show: recommendations, strength levels and outcomes in the reader's language."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from gradeline.model import Certainty, Footnote, Guideline, Importance, Outcome, Recommendation, StrengthLevel
from gradeline.model.guideline import Chapter
from gradeline.model.text import Erratum
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

    @property
    def on_colour(self) -> str:
        """Black or white text on the level's colour, whichever contrasts more."""
        red, green, blue = (int(self.level.colour_hex[i : i + 2], 16) / 255 for i in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
        luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
        return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#111111"


def strength_view(level: StrengthLevel, t: Localizer, printed_label: str | None = None) -> StrengthView:
    loc = f"strength_levels/{level.id}"
    return StrengthView(
        level=level,
        label=t(f"{loc}/label", printed_label or level.label),
        heading=t(f"{loc}/heading", level.heading),
        description=t(f"{loc}/description_reading_guide", level.description_reading_guide),
    )


def errata_at(errata: list[Erratum], *fields: str) -> list[Erratum]:
    """The errata whose location ends in one of the fields (``rec/outcome/effect`` -> ``effect``)."""
    return [e for e in errata if e.location.rsplit("/", 1)[-1] in fields]


def errata_except(errata: list[Erratum], *fields: str) -> list[Erratum]:
    """The errata not about any of the fields."""
    return [e for e in errata if e.location.rsplit("/", 1)[-1] not in fields]


@dataclass(frozen=True)
class OutcomeView:
    """One evidence-profile row with its translated name, certainty and cited footnotes."""

    outcome: Outcome
    name: Text
    certainty: CertaintyView | None
    importance_label: Promise | None
    footnotes: list[Footnote]

    @property
    def effect_errata(self) -> list[Erratum]:
        return errata_at(self.outcome.errata, "effect", "absolute", "intervention")

    @property
    def comparator_errata(self) -> list[Erratum]:
        return errata_at(self.outcome.errata, "comparator")

    @property
    def other_errata(self) -> list[Erratum]:
        return errata_except(self.outcome.errata, "effect", "absolute", "intervention", "comparator")


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

    @property
    def text_errata(self) -> list[Erratum]:
        return errata_at(self.rec.errata, "text", "label", "strength", "direction")

    @property
    def certainty_errata(self) -> list[Erratum]:
        return errata_at(self.rec.errata, "overall_certainty", "overall_certainty_text")

    @property
    def other_errata(self) -> list[Erratum]:
        fields = ("text", "label", "strength", "direction", "overall_certainty", "overall_certainty_text")
        return errata_except(self.rec.errata, *fields)

    @property
    def references(self) -> list[str]:
        """The included studies named in the footnotes, in order, once each."""
        return list(dict.fromkeys(study for note in self.rec.footnotes for study in note.included_studies))


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
