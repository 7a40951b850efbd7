"""The patient handout: plain Danish for the patient, chosen by the plan's topics and triage.

The plan's "tell the patient" items quote the guideline as written for clinicians; the handout says it in
plain Danish. Each plain paragraph names the plan topic it renders, so the guideline text and its section stay
traceable (shown in small print). A topic without plain wording is shown as the guideline's own text.
"""

from dataclasses import dataclass
from typing import Any

from gradeline.decide import Plan, ScopeVerdict, TriageLevel

PLAIN: dict[str, tuple[str, str]] = {
    "Det naturlige forløb": (
        "Sådan går det oftest",
        "Ondt i lænden er meget almindeligt, og det går oftest over af sig selv. For de fleste bliver "
        "smerterne "
        "mindre i løbet af de første 6 til 12 uger – uanset hvilken behandling man får.",
    ),
    "Forløb, prognose og faresignaler": (
        "Det har vi talt om",
        "Vi har talt om, hvordan rygsmerter normalt udvikler sig, hvad du kan forvente, og hvornår du "
        "skal søge "
        "læge igen.",
    ),
    "Hold dig i gang": (
        "Hold dig i gang",
        "Det er godt for ryggen at bruge den. Prøv at leve så normalt som muligt og øg langsomt, hvor "
        "meget du "
        "laver. Sengeleje og meget hvile gør ikke ryggen bedre.",
    ),
    "Hverdag og arbejde": (
        "Hverdag og arbejde",
        "Fortsæt så vidt muligt med det, du plejer: madlavning, rengøring, at se andre mennesker, fritid og "
        "motion. Tal med din behandler og din arbejdsplads om, hvordan du kan blive ved med at arbejde – "
        "måske "
        "med andre opgaver eller kortere arbejdstid i en periode.",
    ),
    "Tryghed og egenomsorg": (
        "Det er naturligt at være bekymret",
        "Ondt i ryggen kan gøre en bekymret. Smerterne betyder sjældent, at der er noget alvorligt galt. Din "
        "behandler kan tilbyde samtaler om, hvordan du selv kan håndtere smerterne og komme videre.",
    ),
    "Hvorfor scanning normalt ikke er nødvendig": (
        "Derfor bliver du normalt ikke scannet",
        "En scanning eller et røntgenbillede er som regel ikke nødvendig. Din behandler kan finde ud af, "
        "hvad "
        "der er galt, ved at tale med dig og undersøge dig. Billederne kan sjældent forklare smerterne "
        "og kan "
        "føre til behandling, du ikke har brug for.",
    ),
    "Smertestillende medicin": (
        "Smertestillende medicin",
        "Hvis I sammen vælger smertestillende medicin, er det kun for en kort periode. Aftal med din "
        "behandler, "
        "hvor længe du skal tage den, hvad den kan gøre for dig, og hvilke bivirkninger den kan have.",
    ),
}
WARNING_TOPIC = "Faresignaler – søg læge samme dag"
INTRO: dict[str, str] = {
    "emergency": "Din behandler har vurderet, at du skal undersøges på hospitalet i dag. Følg den aftale, "
    "I har lavet.",
    "work_up": "Din behandler har vurderet, at dine smerter skal undersøges nærmere. Din behandler fortæller "
    "dig, hvad der skal ske.",
    "out": "Denne information handler om nyopståede smerter i lænden. Din behandler har vurderet, at andre "
    "råd passer bedre til dig, og fortæller dig hvilke.",
    "routine": "Her er det vigtigste fra samtalen om dine smerter i lænden.",
}


@dataclass(frozen=True)
class HandoutItem:
    """A paragraph of the handout and the guideline text it renders."""

    heading: str
    text: str
    source: str
    plain: bool


def _source(section: str | None, rec_id: str | None, external: list[str]) -> str:
    parts = []
    if section:
        parts.append(f"retningslinjen afsnit {section}" + (f" ({rec_id})" if rec_id else ""))
    return "; ".join(parts + external[:1])


def handout_items(plan: Plan) -> list[HandoutItem]:
    """The handout's paragraphs: all topics in routine care, only the warning signs otherwise."""
    general = plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE and plan.triage.level is TriageLevel.ROUTINE
    items = []
    for tell in plan.tell_patient:
        if not general and tell.topic != WARNING_TOPIC:
            continue
        c = tell.citation
        if tell.topic in PLAIN:
            heading, text = PLAIN[tell.topic]
            items.append(
                HandoutItem(heading, text, _source(c.section, c.recommendation_id, c.external), True)
            )
        else:
            plain = tell.topic == WARNING_TOPIC
            items.append(
                HandoutItem(tell.topic, tell.text, _source(c.section, c.recommendation_id, c.external), plain)
            )
    return items


def handout_context(plan: Plan, pdf: bool) -> dict[str, Any]:
    """Template context for ``gradeline/handout.html``."""
    if plan.triage.level is TriageLevel.EMERGENCY:
        intro = INTRO["emergency"]
    elif plan.triage.level is TriageLevel.WORK_UP:
        intro = INTRO["work_up"]
    elif plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE:
        intro = INTRO["out"]
    else:
        intro = INTRO["routine"]
    return {"plan": plan, "intro": intro, "items": handout_items(plan), "pdf": pdf}
