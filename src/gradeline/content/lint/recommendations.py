"""Rules on whole recommendations: wording, label, layers, footnotes, overall certainty."""

import re
from collections.abc import Iterator

from gradeline.content.lint.findings import Finding
from gradeline.model import Certainty, Guideline, Importance, certainty_label

CERTAINTY_ORDER = [Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH]


def wording(guideline: Guideline) -> Iterator[Finding]:
    """GL008: the text must follow the wording template of its strength (section 19, 'Ordlyd')."""
    for rec in guideline.recommendations:
        level = guideline.strength_level(rec)
        if not any(re.search(pattern, rec.text) for pattern in level.wording_patterns):
            templates = " / ".join(f"“{w}”" for w in level.wording)
            yield Finding(
                "GL008",
                f"{rec.id}/text",
                f"a {level.heading} recommendation is worded {templates}, but this one reads "
                f"“{rec.text[:60]}…”.",
            )


def label(guideline: Guideline) -> Iterator[Finding]:
    """GL009: the printed strength label must be the one of its strength and direction."""
    for rec in guideline.recommendations:
        level = guideline.strength_level(rec)
        if rec.label != level.label:
            yield Finding(
                "GL009",
                f"{rec.id}/label",
                f"the label “{rec.label}” does not match {rec.strength.value}/{rec.direction.value} "
                f"(“{level.label}”).",
            )


def missing_layers(guideline: Guideline) -> Iterator[Finding]:
    """GL010: both layers of section 1 must be present for every recommendation."""
    for rec in guideline.recommendations:
        required = {
            "practical_advice": rec.practical_advice,
            "background": rec.background,
            "key_info.benefits_harms": rec.key_info.benefits_harms,
            "key_info.certainty": rec.key_info.certainty,
            "key_info.preferences": rec.key_info.preferences,
            "key_info.rationale": rec.key_info.rationale,
            "summary": rec.summary,
            "outcomes": rec.outcomes,
            "update_note": rec.update_note,
        }
        for name, value in required.items():
            if not value:
                yield Finding(
                    "GL010", f"{rec.id}/{name}", f"the recommendation has no {name.replace('_', ' ')}."
                )


def uncited_footnotes(guideline: Guideline) -> Iterator[Finding]:
    """GL011: every footnote of a table is cited by one of its rows."""
    for rec in guideline.recommendations:
        cited = {n for outcome in rec.outcomes for n in outcome.footnotes}
        for footnote in rec.footnotes:
            if footnote.number not in cited:
                yield Finding(
                    "GL011",
                    f"{rec.id}/footnotes/{footnote.number}",
                    f"footnote {footnote.number} is printed but no row cites it.",
                )


def overall_certainty(guideline: Guideline) -> Iterator[Finding]:
    """GL013: in GRADE, overall certainty is the lowest certainty among the critical outcomes with data."""
    for rec in guideline.recommendations:
        critical = [
            o.certainty
            for o in rec.outcomes
            if o.importance_label == Importance.CRITICAL and o.certainty is not None
        ]
        if not critical or rec.overall_certainty is None:
            continue
        lowest = min(critical, key=CERTAINTY_ORDER.index)
        lang = guideline.language
        if lowest != rec.overall_certainty:
            yield Finding(
                "GL013",
                f"{rec.id}/overall_certainty",
                f"overall certainty is stated as {certainty_label(rec.overall_certainty, lang)}, "
                f"but the lowest certainty among the critical outcomes is {certainty_label(lowest, lang)}.",
            )
