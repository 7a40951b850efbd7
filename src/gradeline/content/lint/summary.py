"""Rules comparing each row with the guideline's own words about it: its name, its 'no data' text and the
recommendation's Sammenfatning (quoted per row in the pack's ``evidence/judgements.yaml``)."""

from collections.abc import Iterator

from gradeline.content.lint.findings import Finding
from gradeline.content.lint.timespans import first_span
from gradeline.content.lint.walk import rows
from gradeline.evidence.data import EvidenceData
from gradeline.model import EffectMeasure, Guideline, Outcome, importance_label

_SIDES = {
    "not_relevant_favours_intervention": "intervention",
    "relevant_benefit": "intervention",
    "not_relevant_favours_comparator": "comparator",
}


def time_frame_vs_summary(guideline: Guideline, data: EvidenceData) -> Iterator[Finding]:
    """GL014: a row's printed time frame must match the span its own name, its 'no data' text and the
    Sammenfatning give for it."""
    for outcome, where in rows(guideline):
        printed = first_span(outcome.time_frame)
        if printed is None:
            continue
        judgement = data.judgements.rows.get(where)
        sources = [("name", outcome.name), ("no-data text", outcome.no_data)]
        if judgement is not None:
            sources.append((f"Sammenfatning (seed line {judgement.seed_line})", judgement.time_frame))
        for label, text in sources:
            stated = first_span(text)
            if stated is not None and printed.conflicts(stated):
                yield Finding(
                    "GL014",
                    f"{where}/time_frame",
                    f"the time frame is printed as “{outcome.time_frame}” ({printed}), but the {label} says "
                    f"“{text}” ({stated}).",
                )
                break


def importance_vs_summary(guideline: Guideline, data: EvidenceData) -> Iterator[Finding]:
    """GL015: a row's importance label is the one the Sammenfatning calls the outcome (kritisk/vigtig)."""
    for outcome, where in rows(guideline):
        judgement = data.judgements.rows.get(where)
        if judgement is None or judgement.importance is None or outcome.importance_label is None:
            continue
        printed = importance_label(outcome.importance_label, guideline.language)
        if printed.lower() != judgement.importance:
            yield Finding(
                "GL015",
                f"{where}/importance",
                f"the row prints “{outcome.importance} {printed}”, but the "
                f"Sammenfatning (seed line {judgement.seed_line}) calls it a {judgement.importance} outcome.",
            )


def _printed_side(outcome: Outcome) -> str | None:
    effect = outcome.effect
    if (
        effect is None
        or outcome.better is None
        or effect.measure not in (EffectMeasure.MD, EffectMeasure.SMD)
    ):
        return None
    point = effect.point.signed
    if point == 0:
        return None
    return "intervention" if (point < 0) == (outcome.better == "lower") else "comparator"


def direction_vs_summary(guideline: Guideline, data: EvidenceData) -> Iterator[Finding]:
    """GL017: the side a printed difference favours (with the printed 'Lavere/Højere bedre') must be the side
    the Sammenfatning names."""
    for outcome, where in rows(guideline):
        judgement = data.judgements.rows.get(where)
        named = _SIDES.get(judgement.finding) if judgement is not None else None
        printed = _printed_side(outcome)
        if judgement is None or named is None or printed is None or printed == named:
            continue
        effect = outcome.effect
        assert effect is not None
        yield Finding(
            "GL017",
            f"{where}/effect",
            f"{effect.text} with “{outcome.better} is better” favours the {printed}, but the Sammenfatning "
            f"(seed line {judgement.seed_line}) says the result favoured the {named}.",
        )
