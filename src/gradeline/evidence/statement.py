"""A row's plain-language statement: the guideline's judgement first, then the computed reading, labelled.

Where the published numbers are inconsistent, or the row does not say which direction is better, no computed
direction or size is stated; where the computed statement would contradict the guideline, both are shown with
the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from gradeline.evidence.data import LANGS, Bilingual, Lang, ReadingTexts
from gradeline.evidence.fmt import number
from gradeline.evidence.judgement import Judgement
from gradeline.evidence.relevance import Threshold
from gradeline.model.guideline import Guideline

Mode = Literal["agrees", "differs", "inconsistent", "no_direction"]


@dataclass(frozen=True)
class Parties:
    """The names a judgement sentence needs, in both languages."""

    outcome: Bilingual
    intervention_lc: Bilingual
    comparator: Bilingual

    def fields(self, lang: Lang) -> dict[str, str]:
        return {
            "outcome": self.outcome.get(lang),
            "intervention_lc": self.intervention_lc.get(lang),
            "comparator": self.comparator.get(lang),
        }


def _each(make: dict[Lang, str]) -> Bilingual:
    return Bilingual(da=make["da"], en=make["en"])


def judgement_text(
    texts: ReadingTexts, judgement: Judgement, parties: Parties, short: bool = False
) -> Bilingual:
    """The guideline's judgement as a sentence (or a short label for the plot text)."""
    table = texts.judgement_short if short else texts.judgement
    template = table[judgement.finding]
    return _each({lang: template.get(lang).format(**parties.fields(lang)) for lang in LANGS})


def threshold_text(
    texts: ReadingTexts, threshold: Threshold | None, guideline: Guideline, inconsistent: bool = False
) -> Bilingual:
    """The threshold a computed reading used and its source (the guideline's section, or named external)."""
    if inconsistent:
        return texts.thresholds["not_read"]
    if threshold is None:
        return texts.thresholds["none"]
    mcid = next((m for m in guideline.mcids if m.id == threshold.mcid_id), None)
    section = mcid.provenance.section.split(".")[0] if mcid is not None and mcid.provenance else ""
    template = texts.thresholds["mcid" if threshold.kind == "mcid" else "smd"]
    return _each(
        {
            lang: template.get(lang).format(
                t=number(Decimal(repr(threshold.value)).normalize(), lang), source=section
            )
            for lang in LANGS
        }
    )


def computed_part(
    texts: ReadingTexts,
    mode: Mode,
    computed: Bilingual | None,
    threshold: Bilingual,
    relevance: Bilingual,
    codes: list[str],
) -> Bilingual | None:
    """What follows the judgement: the computed statement (labelled), the difference and its reason, or why
    there is no computed reading."""
    out: dict[Lang, str] = {}
    for lang in LANGS:
        if mode == "inconsistent":
            out[lang] = texts.inconsistent.get(lang).format(codes=", ".join(codes))
        elif mode == "no_direction":
            out[lang] = texts.no_direction.get(lang)
        elif mode == "differs":
            out[lang] = texts.differs.get(lang).format(
                threshold=threshold.get(lang), relevance=relevance.get(lang)
            )
        elif computed is not None:
            out[lang] = (
                f"{texts.computed.get(lang).format(threshold=threshold.get(lang))} {computed.get(lang)}"
            )
        else:
            return None
    return _each(out)


def joined(judgement: Bilingual, part: Bilingual | None) -> Bilingual:
    """The whole statement: the judgement first, then the computed part."""
    if part is None:
        return judgement
    return _each({lang: f"{judgement.get(lang)} {part.get(lang)}" for lang in LANGS})
