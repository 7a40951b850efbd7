"""Read a patient's FHIR R4 data (Patient, Condition, Observation) into facts and a decide context.

Only what is recorded counts; nothing unrecorded is assumed ('unknown', never 'no').
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from typing import Any

from gradeline.cdshooks.valuesets import RED_FLAG_ITEM_SYSTEM, Terminology, codings
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
    """A recorded low back pain problem."""

    code: str
    display: str
    onset: dt.date | None


@dataclass(frozen=True)
class PatientFacts:
    """What the FHIR record says that matters to the guideline."""

    age_years: int | None = None
    sex: Sex = Sex.UNKNOWN
    lbp_problems: tuple[Problem, ...] = ()
    exclusions: tuple[str, ...] = ()
    red_flags: tuple[dict[str, str], ...] = ()
    red_flag_items: tuple[str, ...] = ()

    @property
    def onset(self) -> dt.date | None:
        """The most recent recorded onset of a low back pain problem."""
        dates = [p.onset for p in self.lbp_problems if p.onset is not None]
        return max(dates) if dates else None


@dataclass(frozen=True)
class Scope:
    """Scope verdict with the reasons (Danish, short)."""

    verdict: Verdict
    reasons: tuple[str, ...] = field(default_factory=tuple)
    duration_days: int | None = None


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
        hit = terminology.lbp_problem.find_in(concept)
        if hit is not None:
            problems.append(Problem(hit.code, hit.display, onset))
        out = terminology.out_of_scope.find_in(concept)
        if out is not None:
            exclusions.append(str(out.extra.get("reason", out.code)))
        flag = terminology.red_flags.find_in(concept)
        if flag is not None:
            flags.append(flag.coding())
            if flag.system == RED_FLAG_ITEM_SYSTEM:
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
        lbp_problems=tuple(problems),
        exclusions=tuple(dict.fromkeys(exclusions)),
        red_flags=tuple({(f["system"], f["code"]): f for f in flags}.values()),
        red_flag_items=tuple(dict.fromkeys(items)),
    )


EXCLUSION_TEXT = {
    "chronic": "kroniske lænderygsmerter (over 12 uger) er registreret",
    "radiculopathy": (
        "radikulopati (iskias) er registreret; se den nationale retningslinje for lumbal nerverodspåvirkning"
    ),
}


@cache
def _rules() -> Rules:
    return load_rules(DEFAULT_PACK)


# The gates a record can settle (age, onset, a recorded radiculopathy). The others are asked by the clinician
# and do not stop a card when not recorded; recorded red flags suppress cards separately (see cdshooks.hooks).
RECORD_GATES = frozenset({"age", "duration", "radiculopathy"})
# Of those, the ones whose absence from the record makes the verdict unknown.
REQUIRED_GATES = frozenset({"age", "duration"})


_GATES: dict[tuple[str, str, str], tuple[list[str], list[str]]] = {}


def _gates(context: PatientContext, guideline: Guideline) -> tuple[list[str], list[str]]:
    """(record gates not met, required gates unknown) from decide's plan; memoised per context, since a
    CDS service sees the same few contexts (age, duration, flags) over and over."""
    key = (guideline.id, guideline.version, context.model_dump_json())
    found = _GATES.get(key)
    if found is None:
        reasons = make_plan(context, guideline, _rules()).scope.reasons
        not_met = [r.text for r in reasons if r.status is GateStatus.NOT_MET and r.rule_id in RECORD_GATES]
        unknown = [r.text for r in reasons if r.status is GateStatus.UNKNOWN and r.rule_id in REQUIRED_GATES]
        if len(_GATES) >= 4096:
            _GATES.clear()
        found = _GATES[key] = (not_met, unknown)
    return found


def scope(facts: PatientFacts, guideline: Guideline, today: dt.date) -> Scope:
    """In scope, out of scope, or unknown (age or onset not recorded), by the guideline's section 2.

    The gates are decide's (one implementation of the scope rules): any gate the record fails puts the patient
    out of scope; an unknown age or onset leaves it unknown; answers the record cannot give do not count.
    """
    onset = facts.onset
    duration = (today - onset).days if onset is not None else None
    if not facts.lbp_problems:
        return Scope(Verdict.OUT_OF_SCOPE, ("ingen lænderygsmerter registreret",), duration)
    not_met, unknown = _gates(to_patient_context(facts, today), guideline)
    reasons = [EXCLUSION_TEXT["chronic"]] if "chronic" in facts.exclusions else []
    reasons += not_met
    if reasons:
        return Scope(Verdict.OUT_OF_SCOPE, tuple(reasons), duration)
    if unknown:
        return Scope(Verdict.UNKNOWN, tuple(unknown), duration)
    return Scope(Verdict.IN_SCOPE, ("nyopståede lænderygsmerter registreret",), duration)


def to_patient_context(facts: PatientFacts, today: dt.date) -> PatientContext:
    """A decide PatientContext: recorded facts only, every other answer left unknown."""
    onset = facts.onset
    radicular = Tri.YES if "radiculopathy" in facts.exclusions else Tri.UNKNOWN
    return PatientContext(
        age_years=facts.age_years,
        sex=facts.sex,
        duration_days=(today - onset).days if onset is not None else None,
        pain_in_lumbar_region=Tri.YES if facts.lbp_problems else Tri.UNKNOWN,
        radicular_pain_pattern=radicular,
        leg_radiation=radicular,
        red_flags=dict.fromkeys(facts.red_flag_items, Tri.YES),
    )
