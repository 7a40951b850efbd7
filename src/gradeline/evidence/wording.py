"""Plain-language statements by certainty × size of effect (GRADE informative statements, table in data)."""

from __future__ import annotations

from gradeline.evidence.absolute import AbsoluteEffectEstimate
from gradeline.evidence.data import LANGS, Bilingual, CertaintyKey, Lang, SizeClass, Wording
from gradeline.evidence.estimate import Estimate
from gradeline.evidence.names import lower_first
from gradeline.evidence.relevance import Threshold
from gradeline.model.outcome import Certainty

CERTAINTY_KEYS: dict[Certainty, CertaintyKey] = {
    Certainty.HIGH: "high",
    Certainty.MODERATE: "moderate",
    Certainty.LOW: "low",
    Certainty.VERY_LOW: "very_low",
}


def size_class(
    estimate: Estimate, threshold: Threshold | None, absolute: AbsoluteEffectEstimate | None = None
) -> SizeClass:
    """Size of the point estimate: against the MCID, Cohen's sizes for SMDs, or 'unclassified'.

    With no stated threshold a point estimate of exactly no effect (MD 0, or 0 per 1,000) is still 'trivial';
    otherwise the size is 'unclear' when the 95% CI includes no effect and 'unclassified' when it does not.
    """
    size = abs(estimate.point - estimate.null)
    if threshold is not None and threshold.kind == "smd":
        if size < threshold.value:
            return "trivial"
        return "small" if size < 0.5 else "important"
    if threshold is not None:
        return "important" if size >= threshold.value else "trivial"
    if size == 0 or (absolute is not None and absolute.difference == 0):
        return "trivial"
    return "unclear" if estimate.includes_null else "unclassified"


def statement(
    wording: Wording,
    certainty: Certainty,
    size: SizeClass,
    estimate: Estimate,
    intervention: Bilingual,
    outcome: Bilingual,
) -> Bilingual:
    """The statement in Danish and English. The verb follows the sign of the point estimate."""
    verb = wording.verbs["reduce" if estimate.point < estimate.null else "increase"]
    template = wording.statements[CERTAINTY_KEYS[certainty]][size]
    texts: dict[Lang, str] = {}
    for lang in LANGS:
        name = intervention.get(lang)
        texts[lang] = template.get(lang).format(
            intervention=name,
            intervention_lc=lower_first(name),
            outcome=outcome.get(lang),
            verb=verb.da if lang == "da" else verb.en,
            verb_s=verb.da if lang == "da" else verb.en_s,
        )
    return Bilingual(da=texts["da"], en=texts["en"])
