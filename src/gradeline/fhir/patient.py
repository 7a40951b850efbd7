"""Read a patient's FHIR R4 data (Patient, Condition, Observation) into facts and a decide context.

Only what is recorded counts; nothing unrecorded is assumed ('unknown', never 'no').
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from gradeline.cdshooks.valuesets import Terminology, cached_terminology, codings
from gradeline.content.pack import DEFAULT_PACK
from gradeline.decide.context import PatientContext, Sex, Tri
from gradeline.decide.engine import make_plan
from gradeline.decide.plan import GateStatus
from gradeline.decide.rules import Rules, load_rules
from gradeline.model import Guideline

Resource = Mapping[str, Any]
INACTIVE_CLINICAL = frozenset({"inactive", "resolved", "remission"})
NOT_TRUE = frozenset({"refuted", "entered-in-error"})
# Observation values stating the finding is absent: SNOMED CT 'Absent' 2667000, 'No' 373067005, HL7 'NEG'.
ABSENT_CODES = frozenset({"2667000", "373067005", "NEG", "N"})


class Verdict(StrEnum):
    """Whether the guideline covers the patient, as far as the record shows."""

    IN_SCOPE = "in_scope"
    OUT_OF_SCOPE = "out_of_scope"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Problem:
    """A recorded problem from the pack's problem value set (the condition the guideline covers)."""

    code: str
    display: str
    onset: dt.date | None


@dataclass(frozen=True)
class PatientFacts:
    """What the FHIR record says that matters to the guideline."""

    age_years: int | None = None
    sex: Sex = Sex.UNKNOWN
    problems_recorded: tuple[Problem, ...] = ()
    exclusions: tuple[str, ...] = ()
    red_flags: tuple[dict[str, str], ...] = ()
    red_flag_items: tuple[str, ...] = ()

    @property
    def onset(self) -> dt.date | None:
        """The most recent recorded onset of such a problem."""
        dates = [p.onset for p in self.problems_recorded if p.onset is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class Scope:
    """Scope verdict with the reasons (short; Danish, and English in ``reasons_en``)."""

    verdict: Verdict
    reasons: tuple[str, ...] = field(default_factory=tuple)
    duration_days: int | None = None
    reasons_en: tuple[str, ...] = field(default_factory=tuple)

    def reasons_in(self, language: str) -> tuple[str, ...]:
        """The reasons in a language ('en', else Danish)."""
        return self.reasons_en if language == "en" and self.reasons_en else self.reasons


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 4:
        return None
    text = value[:10]
    try:
        if len(text) == 4:
            return dt.date(int(text), 1, 1)
        if len(text) == 7:
            return dt.date(int(text[:4]), int(text[5:7]), 1)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _age(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _status(resource: Resource, key: str) -> set[str]:
    return {str(c.get("code")) for c in codings(resource.get(key))}


def is_current(resource: Resource) -> bool:
    """False for conditions that are resolved/inactive, refuted or entered in error."""
    if resource.get("status") in ("entered-in-error", "cancelled"):
        return False
    if _status(resource, "clinicalStatus") & INACTIVE_CLINICAL:
        return False
    return not _status(resource, "verificationStatus") & NOT_TRUE


def _absent(observation: Resource) -> bool:
    """An Observation stating the finding is absent (SNOMED 'Absent' / HL7 'NEG' interpretation)."""
    value = observation.get("valueCodeableConcept")
    said = {str(c.get("code")) for c in codings(value)}
    return bool(said & ABSENT_CODES)


def _onset(condition: Resource) -> dt.date | None:
    period = condition.get("onsetPeriod")
    start = period.get("start") if isinstance(period, Mapping) else None
    return _date(condition.get("onsetDateTime")) or _date(start) or _date(condition.get("recordedDate"))


def _sex(patient: Resource | None) -> Sex:
    gender = patient.get("gender") if patient else None
    return {"female": Sex.FEMALE, "male": Sex.MALE, "other": Sex.OTHER}.get(str(gender), Sex.UNKNOWN)


def patient_facts(
    patient: Resource | None,
    findings: Iterable[Resource],
    terminology: Terminology,
    today: dt.date,
    extra_concepts: Sequence[Any] = (),
) -> PatientFacts:
    """Facts from a Patient, its Conditions/Observations, and extra concepts (e.g. an order's reasonCode)."""
    problems: list[Problem] = []
    exclusions: list[str] = []
    flags: list[dict[str, str]] = []
    items: list[str] = []

    def note(concept: Any, onset: dt.date | None) -> None:
        hit = terminology.problem.find_in(concept)
        if hit is not None:
            problems.append(Problem(hit.code, hit.display, onset))
        out = terminology.out_of_scope.find_in(concept)
        if out is not None:
            exclusions.append(str(out.extra.get("reason", out.code)))
        flag = terminology.red_flags.find_in(concept)
        if flag is not None:
            flags.append(flag.coding())
            if flag.system == terminology.red_flag_item_system:
                items.append(flag.code)
            elif isinstance(flag.extra.get("item"), str):
                items.append(str(flag.extra["item"]))

    for resource in findings:
        if isinstance(resource, Mapping) and is_current(resource):
            if resource.get("resourceType") == "Observation":
                if resource.get("valueBoolean") is False or _absent(resource):
                    continue
                note(resource.get("valueCodeableConcept"), _onset(resource))
            note(resource.get("code"), _onset(resource))
    for concept in extra_concepts:
        note(concept, None)
    birth = _date(patient.get("birthDate")) if patient else None
    return PatientFacts(
        age_years=_age(birth, today),
        sex=_sex(patient),
        problems_recorded=tuple(problems),
        exclusions=tuple(dict.fromkeys(exclusions)),
        red_flags=tuple({(f["system"], f["code"]): f for f in flags}.values()),
        red_flag_items=tuple(dict.fromkeys(items)),
    )


@cache
def _rules() -> Rules:
    return load_rules(DEFAULT_PACK)


# The gates a record can settle (age, onset, a recorded radiculopathy). The others are asked by the clinician
# and do not stop a card when not recorded; recorded red flags suppress cards separately (see cdshooks.hooks).
RECORD_GATES = frozenset({"age", "duration", "radiculopathy"})
# Of those, the ones whose absence from the record makes the verdict unknown.
REQUIRED_GATES = frozenset({"age", "duration"})


Reasons = list[tuple[str, str]]  # (Danish, English)
_GATES: dict[tuple[str, str, str], tuple[Reasons, Reasons]] = {}


def _gates(context: PatientContext, guideline: Guideline) -> tuple[Reasons, Reasons]:
    """(record gates not met, required gates unknown) from decide's plan; memoised per context, since a
    CDS service sees the same few contexts (age, duration, flags) over and over."""
    key = (guideline.id, guideline.version, context.model_dump_json())
    found = _GATES.get(key)
    if found is None:
        reasons = make_plan(context, guideline, _rules()).scope.reasons
        not_met = [
            (r.text, r.text_en)
            for r in reasons
            if r.status is GateStatus.NOT_MET and r.rule_id in RECORD_GATES
        ]
        unknown = [
            (r.text, r.text_en)
            for r in reasons
            if r.status is GateStatus.UNKNOWN and r.rule_id in REQUIRED_GATES
        ]
        if len(_GATES) >= 4096:
            _GATES.clear()
        found = _GATES[key] = (not_met, unknown)
    return found


def _said(value: Any) -> tuple[str, str]:
    """(Danish, English) of a {da, en} mapping in a value set; the Danish where no English is given."""
    if isinstance(value, Mapping):
        return str(value.get("da", "")), str(value.get("en") or value.get("da", ""))
    return str(value or ""), str(value or "")


def _verdict(verdict: Verdict, reasons: Reasons, duration: int | None) -> Scope:
    return Scope(verdict, tuple(da for da, _ in reasons), duration, tuple(en for _, en in reasons))


def scope(
    facts: PatientFacts, guideline: Guideline, today: dt.date, terminology: Terminology | None = None
) -> Scope:
    """In scope, out of scope, or unknown (age or onset not recorded), by the guideline's section 2.

    The gates are decide's (one implementation of the scope rules): any gate the record fails puts the patient
    out of scope; an unknown age or onset leaves it unknown; answers the record cannot give do not count.
    """
    terms = terminology or cached_terminology()
    onset = facts.onset
    duration = (today - onset).days if onset is not None else None
    if not facts.problems_recorded:
        return _verdict(Verdict.OUT_OF_SCOPE, [_said(terms.problem.extra.get("not_recorded"))], duration)
    not_met, unknown = _gates(to_patient_context(facts, today), guideline)
    recorded = terms.out_of_scope.extra.get("reasons") or {}
    reasons = [_said(recorded.get("chronic"))] if "chronic" in facts.exclusions else []
    reasons += not_met
    if reasons:
        return _verdict(Verdict.OUT_OF_SCOPE, reasons, duration)
    if unknown:
        return _verdict(Verdict.UNKNOWN, unknown, duration)
    return _verdict(Verdict.IN_SCOPE, [_said(terms.problem.extra.get("recorded"))], duration)


def to_patient_context(facts: PatientFacts, today: dt.date) -> PatientContext:
    """A decide PatientContext: recorded facts only, every other answer left unknown."""
    onset = facts.onset
    radicular = Tri.YES if "radiculopathy" in facts.exclusions else Tri.UNKNOWN
    return PatientContext(
        age_years=facts.age_years,
        sex=facts.sex,
        duration_days=(today - onset).days if onset is not None else None,
        pain_in_lumbar_region=Tri.YES if facts.problems_recorded else Tri.UNKNOWN,
        radicular_pain_pattern=radicular,
        leg_radiation=radicular,
        red_flags=dict.fromkeys(facts.red_flag_items, Tri.YES),
    )
