"""The patient in front of the clinician: every answer may be explicitly unknown, never assumed."""

from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Tri(StrEnum):
    """A yes/no answer that may be unknown."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Sex(StrEnum):
    """Sex as recorded."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class WorkStatus(StrEnum):
    """The patient's work situation."""

    WORKING = "working"
    SICK_LEAVE = "sick_leave"
    NOT_WORKING = "not_working"
    UNKNOWN = "unknown"


class Bothersomeness(StrEnum):
    """STarT Back item 9: overall bothersomeness over the last two weeks (five levels)."""

    NOT_AT_ALL = "not_at_all"
    SLIGHTLY = "slightly"
    MODERATELY = "moderately"
    VERY_MUCH = "very_much"
    EXTREMELY = "extremely"


def tri_from_plain(value: Any) -> Any:
    """Accept true/false/null (JSON, YAML 1.1 'yes'/'no') as yes/no/unknown."""
    if value is True:
        return Tri.YES
    if value is False:
        return Tri.NO
    if value is None:
        return Tri.UNKNOWN
    return value


class _Answers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class StartBackAnswers(_Answers):
    """Raw STarT Back answers, named by construct (never by item number); None = not answered."""

    referred_leg_pain: bool | None = None
    comorbid_shoulder_or_neck_pain: bool | None = None
    walks_only_short_distances: bool | None = None
    dresses_more_slowly: bool | None = None
    fear_not_safe_to_be_active: bool | None = None
    anxiety_worrying_thoughts: bool | None = None
    catastrophising_terrible_never_better: bool | None = None
    depression_not_enjoying_things: bool | None = None
    bothersomeness: Bothersomeness | None = None


TRI_FIELDS = (
    "pregnant_or_postpartum",
    "pregnancy_related_pelvic_pain",
    "new_episode",
    "pain_in_lumbar_region",
    "leg_radiation",
    "radicular_pain_pattern",
    "muscle_weakness",
    "reflex_loss",
    "sensory_change",
    "positive_nerve_stretch_test",
    "recent_spinal_surgery",
    "specific_cause_identified",
    "severe_pain_acute_phase",
    "worried_or_fearful",
    "inactive_or_passive",
    "wants_imaging",
    "wants_medication",
    "wants_acupuncture",
    "pregnant",
    "renal_impairment",
    "heart_disease",
    "peptic_ulcer_or_gi_bleeding",
    "takes_anticoagulants",
    "drives_or_operates_machinery",
    "dependency_history",
)

DESCRIPTIONS: dict[str, str] = {
    "pregnant_or_postpartum": "Pregnant or post-partum (recently given birth).",
    "pregnancy_related_pelvic_pain": "Pelvic pain related to pregnancy or the post-partum period.",
    "new_episode": "A new episode of pain (earlier episodes do not matter for scope); information only.",
    "pain_in_lumbar_region": "Pain where the guideline's scope locates it (decide/form.yaml asks it).",
    "leg_radiation": "Pain radiating to the leg (allowed in scope on its own).",
    "radicular_pain_pattern": "Leg pain in a radicular pattern (a sign of nerve-root involvement).",
    "muscle_weakness": "Muscle weakness (a sign of nerve-root involvement).",
    "reflex_loss": "Reflex loss (a sign of nerve-root involvement).",
    "sensory_change": "Sensory change (a sign of nerve-root involvement).",
    "positive_nerve_stretch_test": "Positive nerve stretch test (a sign of nerve-root involvement).",
    "recent_spinal_surgery": "Recent spinal surgery (post-operative pain is out of scope).",
    "specific_cause_identified": "A specific cause of the pain has been found.",
    "severe_pain_acute_phase": "Severe pain in the acute phase (clinician's judgement; no NRS cut-off).",
    "worried_or_fearful": "Worried or fearful about the pain.",
    "inactive_or_passive": "Has become inactive or passive.",
    "wants_imaging": "The patient wants imaging.",
    "wants_medication": "The patient wants pain medication.",
    "wants_acupuncture": "The patient wants acupuncture.",
    "pregnant": "Pregnant now (medication cautions).",
    "renal_impairment": "Reduced kidney function (medication cautions).",
    "heart_disease": "Known heart or vascular disease, including heart failure (medication cautions).",
    "peptic_ulcer_or_gi_bleeding": "Peptic ulcer or GI bleeding, now or before (medication cautions).",
    "takes_anticoagulants": "Takes anticoagulant or antiplatelet medicine (medication cautions).",
    "drives_or_operates_machinery": "Drives or operates machinery (medication cautions).",
    "dependency_history": "Misuse of or dependency on medicines, alcohol or drugs (medication cautions).",
}
TRI_NOTE = " `yes`, `no` or `unknown` (JSON true/false/null); omitted = `unknown`, never `no`."


def _tri(name: str) -> Any:
    return Field(default=Tri.UNKNOWN, description=DESCRIPTIONS[name] + TRI_NOTE)


def whole_years(born: date, on: date) -> int:
    """Completed years between a date of birth and a date (a 29 February birthday counts from 1 March)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


class PatientContext(_Answers):
    """What the clinician knows about the patient. Omitted answers are 'unknown', not 'no'.

    Give the duration in days **or** in weeks, not both; give the age in whole years **or** the date of birth,
    not both.
    """

    age_years: int | None = Field(
        default=None,
        ge=0,
        le=130,
        description="Age in whole years; null = unknown. Give this or `birth_date`, not both.",
    )
    birth_date: date | None = Field(
        default=None,
        description="Date of birth (YYYY-MM-DD); the age is then counted exactly in completed years on "
        "`assessed_on`. Give this or `age_years`, not both.",
    )
    assessed_on: date | None = Field(
        default=None, description="Date of the assessment (YYYY-MM-DD) for `birth_date`; default today."
    )
    sex: Sex = Field(default=Sex.UNKNOWN, description="Sex as recorded; omitted = unknown.")
    pregnant_or_postpartum: Tri = _tri("pregnant_or_postpartum")
    pregnancy_related_pelvic_pain: Tri = _tri("pregnancy_related_pelvic_pain")
    duration_days: int | None = Field(
        default=None,
        ge=0,
        le=36500,
        description="Duration of the current episode in days. Give `duration_days` or `duration_weeks`, "
        "not both; null = unknown.",
    )
    duration_weeks: int | None = Field(
        default=None,
        ge=0,
        le=5200,
        description="Duration of the current episode in whole weeks. Give `duration_days` or "
        "`duration_weeks`, not both; null = unknown.",
    )
    new_episode: Tri = _tri("new_episode")
    pain_in_lumbar_region: Tri = _tri("pain_in_lumbar_region")
    leg_radiation: Tri = _tri("leg_radiation")
    radicular_pain_pattern: Tri = _tri("radicular_pain_pattern")
    muscle_weakness: Tri = _tri("muscle_weakness")
    reflex_loss: Tri = _tri("reflex_loss")
    sensory_change: Tri = _tri("sensory_change")
    positive_nerve_stretch_test: Tri = _tri("positive_nerve_stretch_test")
    recent_spinal_surgery: Tri = _tri("recent_spinal_surgery")
    specific_cause_identified: Tri = _tri("specific_cause_identified")
    red_flags: dict[str, Tri] = Field(
        default_factory=dict,
        description="Answers to red-flag items by item id (see the pack's decide rules).",
    )
    other_red_flags: Tri = Field(
        default=Tri.UNKNOWN,
        description="The clinician's answer for every red-flag item not listed in red_flags.",
    )
    pain_nrs: int | None = Field(
        default=None, ge=0, le=10, description="Pain intensity, NRS 0-10; null = unknown."
    )
    severe_pain_acute_phase: Tri = _tri("severe_pain_acute_phase")
    worried_or_fearful: Tri = _tri("worried_or_fearful")
    inactive_or_passive: Tri = _tri("inactive_or_passive")
    work_status: WorkStatus = Field(default=WorkStatus.UNKNOWN, description="Work situation.")
    wants_imaging: Tri = _tri("wants_imaging")
    wants_medication: Tri = _tri("wants_medication")
    wants_acupuncture: Tri = _tri("wants_acupuncture")
    pregnant: Tri = _tri("pregnant")
    renal_impairment: Tri = _tri("renal_impairment")
    heart_disease: Tri = _tri("heart_disease")
    peptic_ulcer_or_gi_bleeding: Tri = _tri("peptic_ulcer_or_gi_bleeding")
    takes_anticoagulants: Tri = _tri("takes_anticoagulants")
    drives_or_operates_machinery: Tri = _tri("drives_or_operates_machinery")
    dependency_history: Tri = _tri("dependency_history")
    startback: StartBackAnswers | None = Field(
        default=None, description="Optional STarT Back answers by construct (information only)."
    )

    @field_validator(*TRI_FIELDS, "other_red_flags", mode="before")
    @classmethod
    def _plain_tri(cls, value: Any) -> Any:
        return tri_from_plain(value)

    @field_validator("red_flags", mode="before")
    @classmethod
    def _plain_flags(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {key: tri_from_plain(answer) for key, answer in value.items()}
        return value

    @field_validator("sex", "work_status", mode="before")
    @classmethod
    def _plain_unknown(cls, value: Any) -> Any:
        return "unknown" if value is None else value

    @model_validator(mode="after")
    def _one_duration(self) -> "PatientContext":
        if self.duration_days is not None and self.duration_weeks is not None:
            raise ValueError("give the duration in days or in weeks, not both")
        if self.age_years is not None and self.birth_date is not None:
            raise ValueError("give the age in years or the date of birth, not both")
        if self.birth_date is not None and self.birth_date > (self.assessed_on or date.today()):
            raise ValueError("the date of birth lies after the assessment date")
        return self

    @property
    def age_in_years(self) -> int | None:
        """Completed years: as given, or counted exactly from the date of birth; None when unknown."""
        if self.birth_date is not None:
            return whole_years(self.birth_date, self.assessed_on or date.today())
        return self.age_years

    @property
    def duration_in_days(self) -> int | None:
        """Duration in days: days as given, or whole weeks × 7; None when unknown."""
        if self.duration_days is not None:
            return self.duration_days
        if self.duration_weeks is not None:
            return self.duration_weeks * 7
        return None

    def red_flag(self, item_id: str) -> Tri:
        """The answer for one red-flag item: as given, else the answer for all other items."""
        return self.red_flags.get(item_id, self.other_red_flags)
