"""The patient handout: plain words for the patient, in Danish or English, chosen by the plan's topics,
triage and follow-up.

The plan's "tell the patient" items quote the guideline as written for clinicians; the handout says it in
plain words. Each plain paragraph names the plan topic it renders, so the guideline text and its section stay
traceable (shown in small print). A topic without plain wording is shown as the guideline's own text (Danish).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from gradeline.content.pack import DEFAULT_PACK, cached_pack, read_yaml, validate
from gradeline.decide import Plan, ScopeVerdict, TriageLevel


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HandoutTopic(_Strict):
    """Plain wording for one plan topic, in Danish and English."""

    topic: str
    heading: str
    text: str
    heading_en: str
    text_en: str


class HandoutFollowUp(_Strict):
    """Plain wording for one follow-up item of the plan (by its id)."""

    id: str
    text: str
    text_en: str


class HandoutWording(_Strict):
    """The pack's handout wording (``decide/handout.yaml``)."""

    status: str
    note: str
    title: str
    title_en: str
    brand: str
    brand_en: str
    not_in_force: str = Field(description="The notice on the handout; {year} is the publication year.")
    not_in_force_en: str
    contact: str
    contact_en: str
    pdf_filename: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.pdf$")
    warning_topic: str
    intro: dict[str, str]
    intro_en: dict[str, str]
    topics: list[HandoutTopic]
    follow_up: list[HandoutFollowUp]

    def plain(self, topic: str) -> HandoutTopic | None:
        """The plain wording of a topic, if the pack has one."""
        return next((t for t in self.topics if t.topic == topic), None)


@cache
def wording(pack: Path = DEFAULT_PACK) -> HandoutWording:
    """Handout wording from the content pack, validated (errors name the file and field)."""
    path = pack / "decide" / "handout.yaml"
    return validate(HandoutWording, read_yaml(path), path)


@dataclass(frozen=True)
class HandoutItem:
    """A paragraph of the handout and the guideline text it renders."""

    heading: str
    text: str
    source: str
    plain: bool
    warning: bool = False


def _source(section: str | None, external: list[str]) -> str:
    parts = [f"retningslinjen afsnit {section}"] if section else []
    return "; ".join(parts + external[:1])


def handout_items(plan: Plan, lang: str = "da") -> list[HandoutItem]:
    """The handout's paragraphs: all topics in routine care, only the warning signs otherwise."""
    words = wording()
    english = lang == "en"
    general = plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE and plan.triage.level is TriageLevel.ROUTINE
    items = []
    for tell in plan.tell_patient:
        warning = tell.topic == words.warning_topic
        if not general and not warning:
            continue
        source = _source(tell.citation.section, tell.citation.external)
        if (topic := words.plain(tell.topic)) is not None:
            heading, text = (topic.heading_en, topic.text_en) if english else (topic.heading, topic.text)
            items.append(HandoutItem(heading, text, source, True, warning))
        else:
            items.append(HandoutItem(tell.topic, tell.text, source, warning, warning))
    return items


def handout_follow_up(plan: Plan, lang: str = "da") -> list[str]:
    """When to get in touch again, in plain words, for the plan's follow-up items that have wording."""
    by_id = {f.id: f for f in wording().follow_up}
    return [
        (by_id[f.id].text_en if lang == "en" else by_id[f.id].text) for f in plan.follow_up if f.id in by_id
    ]


def handout_context(plan: Plan, pdf: bool, lang: str = "da") -> dict[str, Any]:
    """Template context for ``decide/handout.html``."""
    words = wording()
    intros = words.intro_en if lang == "en" else words.intro
    if plan.triage.level is TriageLevel.EMERGENCY:
        intro = intros["emergency"]
    elif plan.triage.level is TriageLevel.WORK_UP:
        intro = intros["work_up"]
    elif plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE:
        intro = intros["out"]
    elif plan.triage.level is TriageLevel.NOT_ASSESSED:
        intro = intros["not_assessed"]
    else:
        intro = intros["routine"]
    english = lang == "en"
    notice = words.not_in_force_en if english else words.not_in_force
    return {
        "plan": plan,
        "title": words.title_en if english else words.title,
        "brand": words.brand_en if english else words.brand,
        "not_in_force": notice.format(year=cached_pack().published_year),
        "intro": intro,
        "contact": words.contact_en if english else words.contact,
        "items": handout_items(plan, lang),
        "follow_up": handout_follow_up(plan, lang),
        "pdf": pdf,
        "lang": lang,
    }
