"""One row made understandable: absolute or natural-unit effects, relevance, statement, agreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gradeline.evidence.absolute import AbsoluteEffectEstimate, matches_published, outcome_absolute_effect
from gradeline.evidence.data import Bilingual, EvidenceData, SizeClass, cached_evidence_data
from gradeline.evidence.estimate import Estimate, estimate_of
from gradeline.evidence.judgement import (
    Judgement,
    computed_agrees,
    favoured_side,
    judgement_of,
    uncertain_codes,
)
from gradeline.evidence.names import FriendlyName, intervention, lower_first, outcome_name, time_frame
from gradeline.evidence.natural import NaturalUnits, WithheldReason, natural_units, withheld_reason
from gradeline.evidence.published import Agreement, PublishedClaim, agreement, published_claim
from gradeline.evidence.relevance import Relevance, relevance_of
from gradeline.evidence.statement import Mode, Parties, computed_part, joined, judgement_text, threshold_text
from gradeline.evidence.wording import CERTAINTY_KEYS, size_class, statement
from gradeline.model.guideline import Guideline
from gradeline.model.outcome import Certainty, Outcome
from gradeline.model.recommendation import Recommendation


@dataclass(frozen=True)
class OutcomeReading:
    """Everything the evidence layer computes for one evidence-profile row with an estimate.

    Published values stay on ``outcome``; computed ones sit beside them here. ``statement`` starts from the
    guideline's ``judgement``; ``computed_statement`` is the GRADE informative statement, shown (labelled)
    only when ``mode`` is 'agrees'. ``natural`` is None when ``natural_withheld`` says why computed values
    must not be shown.
    """

    recommendation_id: str
    outcome: Outcome
    friendly: FriendlyName
    time_frame: Bilingual | None
    estimate: Estimate
    certainty: Certainty | None
    certainty_words: Bilingual | None
    absolute: AbsoluteEffectEstimate | None
    absolute_matches_published: bool | None
    natural: NaturalUnits | None
    relevance: Relevance
    relevance_label: Bilingual
    versus_no_effect_label: Bilingual
    size: SizeClass
    statement: Bilingual | None
    published_claim: PublishedClaim | None
    agreement: Agreement
    agreement_label: Bilingual
    judgement: Judgement
    judgement_text: Bilingual
    judgement_short: Bilingual
    mode: Mode
    computed_statement: Bilingual | None
    computed_text: Bilingual | None
    threshold_text: Bilingual
    inconsistent_codes: list[str] = field(default_factory=list)
    natural_withheld: WithheldReason | None = None
    natural_withheld_text: Bilingual | None = None
    errata_codes: list[str] = field(default_factory=list)

    @property
    def disagrees(self) -> bool:
        """True when the computed reading differs from the guideline's judgement (shown side by side)."""
        return self.agreement == "disagrees" or self.mode == "differs"


def _owner(outcome: Outcome, guideline: Guideline) -> Recommendation:
    for rec in guideline.recommendations:
        if any(o is outcome for o in rec.outcomes):
            return rec
    raise KeyError(f"outcome {outcome.id!r} is not in guideline {guideline.id!r}")


def outcome_reading(
    outcome: Outcome,
    guideline: Guideline,
    rec: Recommendation | None = None,
    data: EvidenceData | None = None,
    pack: Path | None = None,
) -> OutcomeReading | None:
    """The reading of a row, or None when it has no estimate (a 'no data' row)."""
    effect = outcome.effect
    if effect is None:
        return None
    rec = rec or _owner(outcome, guideline)
    data = data or cached_evidence_data(pack)
    texts = data.wording.reading
    estimate = estimate_of(effect)
    codes = uncertain_codes(outcome)
    relevance = relevance_of(outcome, estimate, guideline, data.relevance, inconsistent=bool(codes))
    absolute = outcome_absolute_effect(outcome)
    size = size_class(estimate, relevance.threshold, absolute)
    friendly = outcome_name(outcome, data.names)
    names = intervention(rec, data.names)
    claim = published_claim(outcome.summary)
    agreed = agreement(relevance.cls, claim)
    certainty = outcome.certainty
    judgement = judgement_of(f"{rec.id}/{outcome.id}", outcome, claim, data)
    parties = Parties(
        outcome=friendly.name,
        intervention_lc=Bilingual(da=lower_first(names.da), en=lower_first(names.en)),
        comparator=Bilingual(da=names.comparator_da, en=names.comparator_en),
    )
    computed = (
        statement(data.wording, certainty, size, estimate, Bilingual(da=names.da, en=names.en), friendly.name)
        if certainty is not None
        else None
    )
    side = favoured_side(estimate, relevance.better)
    mode: Mode
    if codes:
        mode = "inconsistent"
    elif relevance.better is None and not estimate.is_ratio:
        mode = "no_direction"
    elif computed_agrees(judgement.finding, size, side, certainty):
        mode = "agrees"
    else:
        mode = "differs"
    threshold = threshold_text(texts, relevance.threshold, guideline, inconsistent=bool(codes))
    relevance_label = data.relevance.classes[relevance.cls]
    judged = judgement_text(texts, judgement, parties)
    part = computed_part(texts, mode, computed, threshold, relevance_label, codes)
    natural = natural_units(outcome)
    withheld = withheld_reason(natural, bool(codes)) if natural is not None else None
    return OutcomeReading(
        recommendation_id=rec.id,
        outcome=outcome,
        friendly=friendly,
        time_frame=time_frame(outcome, data.names),
        estimate=estimate,
        certainty=certainty,
        certainty_words=data.wording.certainty_words[CERTAINTY_KEYS[certainty]] if certainty else None,
        absolute=absolute,
        absolute_matches_published=matches_published(outcome),
        natural=None if withheld else natural,
        relevance=relevance,
        relevance_label=relevance_label,
        versus_no_effect_label=data.relevance.versus_no_effect[relevance.versus_no_effect],
        size=size,
        statement=joined(judged, part),
        computed_text=part,
        published_claim=claim,
        agreement=agreed,
        agreement_label=data.relevance.agreement[agreed],
        judgement=judgement,
        judgement_text=judged,
        judgement_short=judgement_text(texts, judgement, parties, short=True),
        mode=mode,
        computed_statement=computed if mode == "agrees" else None,
        threshold_text=threshold,
        inconsistent_codes=codes,
        natural_withheld=withheld,
        natural_withheld_text=(
            Bilingual(
                da=texts.withheld.da.format(reason=texts.withheld_reasons[withheld].da),
                en=texts.withheld.en.format(reason=texts.withheld_reasons[withheld].en),
            )
            if withheld
            else None
        ),
        errata_codes=[e.code for e in outcome.errata],
    )


def recommendation_readings(
    rec: Recommendation, guideline: Guideline, data: EvidenceData | None = None
) -> list[OutcomeReading]:
    """Readings of every row with an estimate, in the order of the evidence profile."""
    readings = (outcome_reading(o, guideline, rec, data) for o in rec.outcomes)
    return [r for r in readings if r is not None]


def disagreements(guideline: Guideline, data: EvidenceData | None = None) -> dict[str, list[OutcomeReading]]:
    """Per recommendation, the rows whose computed relevance disagrees with the published summary."""
    found: dict[str, list[OutcomeReading]] = {}
    for rec in guideline.recommendations:
        rows = [r for r in recommendation_readings(rec, guideline, data) if r.disagrees]
        if rows:
            found[rec.id] = rows
    return found
