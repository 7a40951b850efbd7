"""Patient-friendly names of outcomes, time frames and interventions, from the pack's reviewed list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gradeline.evidence.data import Bilingual, InterventionName, Lang, Names
from gradeline.model.outcome import Outcome
from gradeline.model.recommendation import Recommendation


@dataclass(frozen=True)
class FriendlyName:
    """An outcome's patient-friendly name: in a sentence (lower case) and as a card title."""

    name: Bilingual
    title: Bilingual


def outcome_name(outcome: Outcome, names: Names) -> FriendlyName:
    """The first matching entry; the printed names when none matches."""
    for entry in names.outcomes:
        if re.search(entry.id, outcome.id) and entry.better in (None, outcome.better):
            return FriendlyName(
                Bilingual(da=entry.da, en=entry.en), Bilingual(da=entry.title_da, en=entry.title_en)
            )
    english = outcome.name_en or outcome.name
    return FriendlyName(
        Bilingual(da=outcome.name.lower(), en=english.lower()), Bilingual(da=outcome.name, en=english)
    )


def time_frame(outcome: Outcome, names: Names) -> Bilingual | None:
    """The time frame in plain words; the printed one when no pattern matches."""
    printed = (outcome.time_frame or "").strip()
    if not printed:
        return None
    for entry in names.time_frames:
        found = re.search(entry.pattern, printed, flags=re.IGNORECASE)
        if found:
            return Bilingual(da=entry.da.format(*found.groups()), en=entry.en.format(*found.groups()))
    return Bilingual(da=printed, en=printed)


def intervention(rec: Recommendation, names: Names) -> InterventionName:
    """The recommendation's intervention and comparator names; the title and 'Ikke …' as a fallback."""
    found = names.interventions.get(rec.id)
    if found is not None:
        return found
    return InterventionName(
        da=rec.title, en=rec.title, comparator_da="sammenligning", comparator_en="comparison"
    )


def lower_first(text: str) -> str:
    """'Fysisk træning' -> 'fysisk træning'; acronyms such as 'MR …' are kept."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def name_in(lang: Lang, name: InterventionName) -> str:
    """The intervention name in a language."""
    return name.da if lang == "da" else name.en


def comparator_in(lang: Lang, name: InterventionName) -> str:
    """The comparator name in a language."""
    return name.comparator_da if lang == "da" else name.comparator_en
