"""The patient in front of the clinician: every answer may be explicitly unknown, never assumed."""

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
)


class PatientContext(_Answers):
    """What the clinician knows about the patient. Omitted answers are 'unknown', not 'no'."""

    age_years: int | None = Field(
        default=None, ge=0, le=130, description="Age in whole years; None = unknown."
    )
    sex: Sex = Sex.UNKNOWN
    pregnant_or_postpartum: Tri = Tri.UNKNOWN
    pregnancy_related_pelvic_pain: Tri = Tri.UNKNOWN
    duration_days: int | None = Field(default=None, ge=0, le=36500)
    duration_weeks: int | None = Field(default=None, ge=0, le=5200, description="Whole weeks.")
    new_episode: Tri = Tri.UNKNOWN
    pain_in_lumbar_region: Tri = Tri.UNKNOWN
    leg_radiation: Tri = Tri.UNKNOWN
    radicular_pain_pattern: Tri = Tri.UNKNOWN
    muscle_weakness: Tri = Tri.UNKNOWN
    reflex_loss: Tri = Tri.UNKNOWN
    sensory_change: Tri = Tri.UNKNOWN
    positive_nerve_stretch_test: Tri = Tri.UNKNOWN
    recent_spinal_surgery: Tri = Tri.UNKNOWN
    specific_cause_identified: Tri = Tri.UNKNOWN
    red_flags: dict[str, Tri] = Field(
        default_factory=dict,
        description="Answers to red-flag items by item id (see the pack's decide rules).",
    )
    other_red_flags: Tri = Field(
        default=Tri.UNKNOWN,
        description="The clinician's answer for every red-flag item not listed in red_flags.",
    )
    pain_nrs: int | None = Field(default=None, ge=0, le=10)
    severe_pain_acute_phase: Tri = Tri.UNKNOWN
    worried_or_fearful: Tri = Tri.UNKNOWN
    inactive_or_passive: Tri = Tri.UNKNOWN
    work_status: WorkStatus = WorkStatus.UNKNOWN
    wants_imaging: Tri = Tri.UNKNOWN
    wants_medication: Tri = Tri.UNKNOWN
    wants_acupuncture: Tri = Tri.UNKNOWN
    startback: StartBackAnswers | None = None

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
        return self

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
