"""GL018: a display mapping (patient-friendly time frame) keeps the printed numbers and unit unchanged."""

import re
from collections.abc import Iterator

from gradeline.content.lint.findings import Finding
from gradeline.content.lint.walk import rows
from gradeline.evidence.data import EvidenceData
from gradeline.evidence.names import time_frame
from gradeline.model import Guideline

_UNIT_WORDS = {"da": {"uger": "uger", "måneder": "måneder"}, "en": {"uger": "weeks", "måneder": "months"}}


def _numbers(text: str) -> set[str]:
    """The numbers of a span, without a starting 0 (so '0-6 måneder' may read 'the first 6 months')."""
    return {n for n in re.findall(r"\d+", text) if n != "0"}


def time_frame_display(guideline: Guideline, data: EvidenceData) -> Iterator[Finding]:
    """Every row's displayed time frame keeps the printed numbers and unit, in Danish and English."""
    for outcome, where in rows(guideline):
        printed = (outcome.time_frame or "").strip()
        shown = time_frame(outcome, data.names)
        if not printed or shown is None:
            continue
        unit = next((u for u in ("uger", "måneder") if u in printed.lower()), None)
        for lang in ("da", "en"):
            text = shown.get(lang)
            if lang == "en" and text == printed:
                continue  # untranslated fallback: shown exactly as printed
            word = _UNIT_WORDS[lang][unit] if unit else None
            if _numbers(text) != _numbers(printed) or (word is not None and word not in text.lower()):
                yield Finding(
                    "GL018",
                    f"{where}/time_frame",
                    f"the time frame “{printed}” is displayed as “{text}” ({lang}), which changes the "
                    f"printed numbers or unit.",
                )
                break
