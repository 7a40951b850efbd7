"""Conditions in rule files, evaluated in three-valued (Kleene) logic: true, false or unknown (None).

A condition on an unknown answer is unknown; ``any`` is true if one part is true, ``all`` is false if one
part is false, and otherwise an unknown part makes the whole unknown. Rules never treat unknown as 'no'.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gradeline.decide.context import TRI_FIELDS, PatientContext, Sex, Tri, WorkStatus

Truth = bool | None
FactValue = str | int | None


@dataclass(frozen=True)
class FactSpec:
    """A fact a condition may test: its kind and, for answers, the allowed values."""

    kind: str  # "answer" or "number"
    values: tuple[str, ...] = ()


TRIAGE_VALUES = ("routine", "not_assessed", "work_up", "emergency")

FACTS: dict[str, FactSpec] = {
    **{name: FactSpec("answer", ("yes", "no")) for name in TRI_FIELDS},
    "age_years": FactSpec("number"),
    "duration_in_days": FactSpec("number"),
    "pain_nrs": FactSpec("number"),
    "sex": FactSpec("answer", tuple(s.value for s in Sex if s is not Sex.UNKNOWN)),
    "work_status": FactSpec("answer", tuple(w.value for w in WorkStatus if w is not WorkStatus.UNKNOWN)),
    # Derived by the engine from the red-flag answers:
    "red_flag_suspected": FactSpec("answer", ("yes", "no")),
    "imaging_trigger": FactSpec("answer", ("yes", "no")),
    "triage": FactSpec("answer", TRIAGE_VALUES),
}


def _plain(value: Any) -> Any:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


class Condition(BaseModel):
    """One condition: a test of a fact, a combination (any/all/not), or 'always'."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    fact: str | None = None
    is_: list[str | int] | None = Field(default=None, alias="is", min_length=1)
    at_least: float | None = None
    at_most: float | None = None
    more_than: float | None = None
    less_than: float | None = None
    any_: list["Condition"] | None = Field(default=None, alias="any", min_length=1)
    all_: list["Condition"] | None = Field(default=None, alias="all", min_length=1)
    not_: "Condition | None" = Field(default=None, alias="not")
    always: bool | None = None

    @field_validator("is_", mode="before")
    @classmethod
    def _plain_values(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [_plain(v) for v in value]
        return _plain(value) if value is None else [_plain(value)]

    @model_validator(mode="after")
    def _well_formed(self) -> "Condition":
        kinds = [
            name
            for name, value in (
                ("fact", self.fact),
                ("any", self.any_),
                ("all", self.all_),
                ("not", self.not_),
                ("always", self.always),
            )
            if value is not None
        ]
        if len(kinds) != 1:
            raise ValueError("a condition has exactly one of 'fact', 'any', 'all', 'not' or 'always'")
        if self.always is False:
            raise ValueError("'always' can only be true")
        tests = [self.is_, self.at_least, self.at_most, self.more_than, self.less_than]
        if self.fact is None:
            if any(t is not None for t in tests):
                raise ValueError("'is' and the comparisons belong to a condition with a 'fact'")
            return self
        spec = FACTS.get(self.fact)
        if spec is None:
            raise ValueError(f"unknown fact {self.fact!r}; known facts: {', '.join(sorted(FACTS))}")
        if sum(t is not None for t in tests) != 1:
            raise ValueError(f"the condition on {self.fact!r} needs exactly one test (is, at_least, …)")
        if spec.kind == "answer":
            if self.is_ is None:
                raise ValueError(f"{self.fact!r} is an answer: test it with 'is'")
            wrong = [v for v in self.is_ if v not in spec.values]
            if wrong:
                raise ValueError(f"{self.fact!r} can be {', '.join(spec.values)}; not {wrong}")
        elif self.is_ is not None:
            raise ValueError(f"{self.fact!r} is a number: test it with at_least/at_most/more_than/less_than")
        return self

    def evaluate(self, facts: Mapping[str, FactValue]) -> Truth:
        """True, False, or None when it depends on an unknown answer."""
        if self.always:
            return True
        if self.not_ is not None:
            inner = self.not_.evaluate(facts)
            return None if inner is None else not inner
        if self.any_ is not None:
            results = [c.evaluate(facts) for c in self.any_]
            if True in results:
                return True
            return None if None in results else False
        if self.all_ is not None:
            results = [c.evaluate(facts) for c in self.all_]
            if False in results:
                return False
            return None if None in results else True
        assert self.fact is not None
        value = facts.get(self.fact)
        if value is None:
            return None
        if self.is_ is not None:
            return str(value) in {str(v) for v in self.is_}
        number = float(value)
        if self.at_least is not None:
            return number >= self.at_least
        if self.at_most is not None:
            return number <= self.at_most
        if self.more_than is not None:
            return number > self.more_than
        assert self.less_than is not None
        return number < self.less_than

    def facts_used(self) -> set[str]:
        """The facts this condition reads (for the explanation trace)."""
        found = {self.fact} if self.fact else set()
        for part in [*(self.any_ or []), *(self.all_ or []), *([self.not_] if self.not_ else [])]:
            found |= part.facts_used()
        return found


def context_facts(context: PatientContext) -> dict[str, FactValue]:
    """The context's answers as facts; unknown answers become None."""
    facts: dict[str, FactValue] = {}
    for name in TRI_FIELDS:
        answer = Tri(getattr(context, name))
        facts[name] = None if answer is Tri.UNKNOWN else answer.value
    facts["age_years"] = context.age_in_years
    facts["duration_in_days"] = context.duration_in_days
    facts["pain_nrs"] = context.pain_nrs
    facts["sex"] = None if context.sex is Sex.UNKNOWN else context.sex.value
    facts["work_status"] = None if context.work_status is WorkStatus.UNKNOWN else context.work_status.value
    return facts
