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
    """Urgency, lowest first."""

    ROUTINE = "routine"
    WORK_UP = "work_up"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """0 routine, 1 work-up, 2 emergency."""
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
    refer_to: str | None = None
    depends_on: list[str] = Field(default_factory=list, description="The answers the gate read.")
    citation: Citation


class ScopeResult(PlanModel):
    """The scope verdict with its reasons."""

    verdict: ScopeVerdict
    label: str
    reasons: list[ScopeReason]
    refer_to: list[str] = Field(default_factory=list)


class Finding(PlanModel):
    """A red-flag item with its answer."""

    item_id: str
    group_id: str
    group_name: str
    question: str
    answer: str
    level: str
    derived: bool = False
    citation: Citation


class TriageResult(PlanModel):
    """Triage with the findings that caused it."""

    level: TriageLevel
    label: str
    actions: list[str] = Field(default_factory=list)
    findings: list[Finding] = Field(
        default_factory=list, description="Items answered 'yes' that raise triage."
    )
    risk_factors: list[Finding] = Field(
        default_factory=list, description="'yes' items shown as risk factors."
    )
    not_assessed: list[Finding] = Field(default_factory=list, description="Items whose answer is unknown.")
    caveat: str
    caveat_citation: Citation


class AdvicePlan(PlanModel):
    """A practical-advice paragraph that applies (or may apply) to this patient, quoted verbatim."""

    paragraph: int
    text: str
    status: AdviceStatus
    highlighted: bool
    because: str
    depends_on: list[str] = Field(default_factory=list)


class RecommendationPlan(PlanModel):
    """One recommendation for this patient."""

    id: str
    chapter: int
    title: str
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
    clinician_decides: str
    scope: ScopeResult
    triage: TriageResult
    recommendations: list[RecommendationPlan]
    tell_patient: list[TellPatient]
    journal_note: str
    trace: list[TraceStep]
    startback: StartBackResult | None = None
