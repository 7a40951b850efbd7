"""The patient handout: plain Danish for the patient, chosen by the plan's topics and triage.

The plan's "tell the patient" items quote the guideline as written for clinicians; the handout says it in
plain Danish. Each plain paragraph names the plan topic it renders, so the guideline text and its section stay
traceable (shown in small print). A topic without plain wording is shown as the guideline's own text.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from gradeline.content.pack import DEFAULT_PACK, read_yaml, validate
from gradeline.decide import Plan, ScopeVerdict, TriageLevel


class HandoutTopic(BaseModel):
    """Plain wording for one plan topic."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: str
    heading: str
    text: str


class HandoutWording(BaseModel):
    """The pack's handout wording (``decide/handout.yaml``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    status: str
    note: str
    warning_topic: str
    intro: dict[str, str]
    topics: list[HandoutTopic]

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


def _source(section: str | None, rec_id: str | None, external: list[str]) -> str:
    parts = []
    if section:
        parts.append(f"retningslinjen afsnit {section}" + (f" ({rec_id})" if rec_id else ""))
    return "; ".join(parts + external[:1])


def handout_items(plan: Plan) -> list[HandoutItem]:
    """The handout's paragraphs: all topics in routine care, only the warning signs otherwise."""
    words = wording()
    general = plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE and plan.triage.level is TriageLevel.ROUTINE
    items = []
    for tell in plan.tell_patient:
        if not general and tell.topic != words.warning_topic:
            continue
        c = tell.citation
        if (topic := words.plain(tell.topic)) is not None:
            items.append(
                HandoutItem(
                    topic.heading, topic.text, _source(c.section, c.recommendation_id, c.external), True
                )
            )
        else:
            plain = tell.topic == words.warning_topic
            items.append(
                HandoutItem(tell.topic, tell.text, _source(c.section, c.recommendation_id, c.external), plain)
            )
    return items


def handout_context(plan: Plan, pdf: bool) -> dict[str, Any]:
    """Template context for ``decide/handout.html``."""
    intros = wording().intro
    if plan.triage.level is TriageLevel.EMERGENCY:
        intro = intros["emergency"]
    elif plan.triage.level is TriageLevel.WORK_UP:
        intro = intros["work_up"]
    elif plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE:
        intro = intros["out"]
    else:
        intro = intros["routine"]
    return {"plan": plan, "intro": intro, "items": handout_items(plan), "pdf": pdf}
