"""The plan: what the engine returns for one patient. Every plan has a scope verdict, a triage level, the
guideline's status (not in force) and the statement that the clinician decides."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class PlanModel(BaseModel):
    """Base for plan types: immutable, strict."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ScopeVerdict(StrEnum):
    """Whether the guideline applies to the patient."""

    IN_SCOPE = "in_scope"
    BORDERLINE = "borderline"  # an answer that matters is unknown
    OUT_OF_SCOPE = "out_of_scope"


class GateStatus(StrEnum):
    """One scope gate's outcome."""

    MET = "met"
    UNKNOWN = "unknown"
    NOT_MET = "not_met"


class TriageLevel(StrEnum):
    """Urgency, lowest first. ``not_assessed``: no finding raises triage, but an item that can raise it
    is unanswered -- never routine, never green."""

    ROUTINE = "routine"
    NOT_ASSESSED = "not_assessed"
    WORK_UP = "work_up"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """0 routine, 1 not assessed, 2 work-up, 3 emergency."""
        return list(TriageLevel).index(self)


class Applicability(StrEnum):
    """Whether a recommendation applies to this patient."""

    APPLIES = "applies"
    CONDITIONAL = (
        "conditional"  # scope is borderline: applies only if the unknown answers put the patient in scope
    )
    WORK_UP = "work_up"  # out of scope for suspected serious pathology; only the work-up advice is shown
    NOT_APPLICABLE = "not_applicable"


class AdviceStatus(StrEnum):
    """Whether an advice paragraph applies, or depends on an unknown answer."""

    APPLIES = "applies"
    ASK = "ask"


class Citation(PlanModel):
    """Guideline text (verbatim) and/or outside sources a statement rests on."""

    section: str | None = None
    recommendation_id: str | None = None
    quote: str | None = None
    external: list[str] = Field(default_factory=list)


class ScopeReason(PlanModel):
    """One scope gate and its outcome for this patient."""

    rule_id: str
    status: GateStatus
    text: str
    text_en: str = Field(default="", description="The reason in English (unofficial).")
    refer_to: str | None = None
    refer_to_en: str | None = Field(default=None, description="Where to go instead, in English.")
    depends_on: list[str] = Field(default_factory=list, description="The answers the gate read.")
    citation: Citation


class ScopeResult(PlanModel):
    """The scope verdict with its reasons."""

    verdict: ScopeVerdict
    label: str = Field(description="The verdict in Danish.")
    label_en: str = Field(description="The verdict in English (unofficial).")
    reasons: list[ScopeReason]
    refer_to: list[str] = Field(default_factory=list)
    refer_to_en: list[str] = Field(default_factory=list, description="The same referrals in English.")


class Finding(PlanModel):
    """A red-flag item with its answer."""

    item_id: str
    group_id: str
    group_name: str
    question: str
    question_en: str = Field(default="", description="The question in English (unofficial).")
    answer: str
    level: str
    derived: bool = False
    citation: Citation


class TriageResult(PlanModel):
    """Triage with the findings that caused it."""

    level: TriageLevel = Field(
        description="routine (every red-flag item answered, none raises triage), not_assessed (an item that "
        "can raise triage is unanswered), work_up or emergency."
    )
    label: str = Field(description="The level in Danish.")
    label_en: str = Field(description="The level in English (unofficial).")
    time_frame: str = Field(description="When to act, in plain Danish words, as the source says.")
    time_frame_en: str = Field(description="When to act, in English.")
    actions: list[str] = Field(default_factory=list, description="What to do (Danish), one per pathology.")
    actions_en: list[str] = Field(default_factory=list, description="The same actions in English.")
    escalations: list[str] = Field(
        default_factory=list, description="Ids of combinations of findings that raised triage."
    )
    unanswered_emergency_items: list[str] = Field(
        default_factory=list, description="Emergency-level items whose answer is unknown."
    )
    findings: list[Finding] = Field(
        default_factory=list, description="Items answered 'yes' that raise triage."
    )
    risk_factors: list[Finding] = Field(
        default_factory=list, description="'yes' items shown as risk factors."
    )
    not_assessed: list[Finding] = Field(default_factory=list, description="Items whose answer is unknown.")
    caveat: str
    caveat_en: str = Field(
        default="", description="The caveat in English (unofficial), where the pack has it."
    )
    caveat_citation: Citation

    def red_flags_not_assessed(self) -> list[Finding]:
        """Unanswered items that can raise triage: the red flags every door counts as not assessed."""
        return [f for f in self.not_assessed if f.level != "note"]

    def risk_factors_not_asked(self) -> list[Finding]:
        """Unanswered risk factors (level ``note``: they never change triage alone)."""
        return [f for f in self.not_assessed if f.level == "note"]


class AdvicePlan(PlanModel):
    """A practical-advice paragraph that applies (or may apply) to this patient, quoted verbatim."""

    paragraph: int
    text: str
    text_en: str | None = Field(default=None, description="Unofficial English, where translated.")
    status: AdviceStatus
    highlighted: bool
    because: str
    depends_on: list[str] = Field(default_factory=list)


class CautionStatus(StrEnum):
    """A medication caution for this patient."""

    AVOID = "avoid"  # the clinician's answer makes the medicine one to avoid
    CAUTION = "caution"  # use with caution, for the reason given
    ASK = "ask"  # the answer is unknown: ask before advising the medicine
    GENERAL = "general"  # the guideline's own caution, always shown


class CautionPlan(PlanModel):
    """A contraindication, caution or prompt for one medication recommendation."""

    id: str
    status: CautionStatus
    text: str = Field(description="Danish: the reason (avoid/caution), the question (ask) or the caution.")
    text_en: str
    citation: Citation


class RecommendationPlan(PlanModel):
    """One recommendation for this patient."""

    id: str
    chapter: int
    title: str
    title_en: str | None = Field(default=None, description="Unofficial English title, where translated.")
    text_en: str | None = Field(default=None, description="Unofficial English text, where translated.")
    strength: str = Field(description="strong, weak or good_practice (from the pack).")
    direction: str = Field(description="for or against (from the pack).")
    action: str
    action_label: str
    action_label_en: str
    text: str
    strength_label: str
    strength_colour: str
    strength_colour_hex: str
    strength_icon: str
    applicability: Applicability
    applicability_note: str
    highlighted: bool = False
    highlight_because: str | None = None
    advice: list[AdvicePlan] = Field(default_factory=list)
    cautions: list[CautionPlan] = Field(
        default_factory=list,
        description="Medication safety, wherever the medicine's advice applies or is asked.",
    )


class FollowUp(PlanModel):
    """When to reassess, or what should make the patient come back sooner."""

    id: str
    kind: str = Field(description="reassess or come_back_sooner")
    text: str
    text_en: str
    citation: Citation


class SummaryLine(PlanModel):
    """One line of the plan's summary."""

    text: str
    text_en: str
    recommendation_ids: list[str] = Field(default_factory=list)


class PlanSummary(PlanModel):
    """The plan in one screen: what to do now, what to discuss, what to avoid."""

    do_now: list[SummaryLine] = Field(default_factory=list)
    discuss: list[SummaryLine] = Field(default_factory=list)
    avoid: list[SummaryLine] = Field(default_factory=list)
    not_applicable: list[SummaryLine] = Field(
        default_factory=list, description="Recommendations that do not apply, one line each."
    )


class TellPatient(PlanModel):
    """Something to tell the patient, with its source."""

    topic: str
    text: str
    citation: Citation


class TraceStep(PlanModel):
    """One step of the explanation: input -> rule -> conclusion, and the text the rule rests on."""

    inputs: list[str]
    rule: str
    conclusion: str
    citation: Citation


class StartBackResult(PlanModel):
    """STarT Back score, information only."""

    complete: bool
    total: int | None = None
    psychosocial_subscale: int | None = None
    risk_group: str | None = None
    missing: list[str] = Field(default_factory=list)
    note: str
    licence: str
    citation: Citation


class Plan(PlanModel):
    """The decision-support plan for one patient."""

    guideline_id: str
    guideline_title: str
    guideline_version: str
    guideline_status: str
    guideline_status_label: str
    status_notice: str
    status_notice_en: str = ""
    clinician_decides: str
    clinician_decides_en: str = ""
    scope: ScopeResult
    triage: TriageResult
    recommendations: list[RecommendationPlan]
    tell_patient: list[TellPatient]
    follow_up: list[FollowUp] = Field(default_factory=list)
    summary: PlanSummary = Field(default_factory=PlanSummary)
    journal_note: str
    journal_note_en: str = ""
    trace: list[TraceStep]
    startback: StartBackResult | None = None
