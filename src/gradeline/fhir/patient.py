"""Read a patient's FHIR R4 data (Patient, Condition, Observation) into facts and a decide context.

Only what is recorded counts; nothing unrecorded is assumed ('unknown', never 'no').
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from gradeline.cdshooks.valuesets import RED_FLAG_ITEM_SYSTEM, Terminology, codings
from gradeline.decide.context import PatientContext, Sex, Tri
from gradeline.model import Guideline

Resource = Mapping[str, Any]
INACTIVE_CLINICAL = frozenset({"inactive", "resolved", "remission"})
NOT_TRUE = frozenset({"refuted", "entered-in-error"})


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
    if resource.get("status") == "entered-in-error":
        return False
    if _status(resource, "clinicalStatus") & INACTIVE_CLINICAL:
        return False
    return not _status(resource, "verificationStatus") & NOT_TRUE


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

    for resource in findings:
        if isinstance(resource, Mapping) and is_current(resource):
            if resource.get("resourceType") == "Observation" and resource.get("valueBoolean") is False:
                continue
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


def scope(facts: PatientFacts, guideline: Guideline, today: dt.date) -> Scope:
    """In scope, out of scope, or unknown (age or onset not recorded), by the guideline's section 2."""
    limits = guideline.scope
    onset = facts.onset
    duration = (today - onset).days if onset is not None else None
    if not facts.lbp_problems:
        return Scope(Verdict.OUT_OF_SCOPE, ("ingen lænderygsmerter registreret",), duration)
    reasons = [EXCLUSION_TEXT.get(e, e) for e in facts.exclusions]
    if facts.age_years is not None and facts.age_years <= limits.min_age_exclusive:
        reasons.append(
            f"alder {facts.age_years} år (retningslinjen gælder over {limits.min_age_exclusive} år)"
        )
    if duration is not None and duration > limits.max_duration_weeks * 7:
        reasons.append(
            f"smerter registreret for {duration // 7} uger siden (over {limits.max_duration_weeks} uger)"
        )
    if reasons:
        return Scope(Verdict.OUT_OF_SCOPE, tuple(reasons), duration)
    unknown = []
    if facts.age_years is None:
        unknown.append("alder ukendt")
    if duration is None:
        unknown.append("debut ukendt")
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
