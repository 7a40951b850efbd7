"""Decision rules as data: the YAML files in a content pack's ``decide/`` folder, validated with pydantic.

Files: ``scope.yaml`` (scope gates), ``red-flags.yaml`` (red-flag items grouped by serious pathology),
``recommendations.yaml`` (per-recommendation action and tailored practical advice), ``patient.yaml`` (what to
tell the patient, notices), ``follow-up.yaml``, and the optional ``startback.yaml`` (STarT Back scoring,
information only) and ``medication.yaml`` (medication cautions). Every rule carries
its source: a guideline section with a verbatim quote, and/or an external citation (reference note
``clinical.md``). Errors name the file and the field.
"""

from enum import StrEnum
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from gradeline.content.errors import PackError, describe_validation_error
from gradeline.content.pack import read_yaml
from gradeline.decide.conditions import Condition
from gradeline.decide.context import PatientContext
from gradeline.model import Direction, Guideline, Strength

RULE_FILES = {
    "scope": "scope.yaml",
    "red_flags": "red-flags.yaml",
    "recommendations": "recommendations.yaml",
    "patient": "patient.yaml",
    "startback": "startback.yaml",
    "medication": "medication.yaml",
    "follow_up": "follow-up.yaml",
    "journal": "journal.yaml",
    "form": "form.yaml",
}
OPTIONAL_FILES = frozenset({"startback", "medication"})


class RuleError(PackError, ValueError):
    """A rule file cannot be read or does not fit the guideline: the message names the file and field."""


class RuleModel(BaseModel):
    """Base for rule types: strict, immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, populate_by_name=True)


class GuidelineQuote(RuleModel):
    """Verbatim guideline text and the section it stands in."""

    section: str = Field(min_length=1, description="Guideline section, e.g. '2' or '6.praktiske-raad'.")
    quote: str = Field(min_length=3, description="Verbatim from the pack's source text.")


class ExternalSource(RuleModel):
    """A source outside the guideline, as cited in the project's reference note."""

    citation: str = Field(min_length=10)
    finding: str | None = Field(default=None, description="What the source says (our summary).")
    reference_note: str = Field(default="clinical.md §3", min_length=3)


class Source(RuleModel):
    """Where a rule comes from: the guideline, outside sources, or both (at least one)."""

    guideline: GuidelineQuote | None = None
    external: list[ExternalSource] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some(self) -> "Source":
        if self.guideline is None and not self.external:
            raise ValueError("a source needs a guideline quote or an external citation")
        return self


class ScopeRule(RuleModel):
    """A scope gate: when ``excludes_when`` holds the patient is outside the guideline."""

    id: str = Field(pattern=r"^[a-z_]+$")
    scope_ref: str = Field(pattern=r"^[a-z_]+$", description="Criterion or exclusion id in the pack's scope.")
    question: str = Field(min_length=3, description="What is asked (Danish).")
    question_en: str = Field(min_length=3, description="What is asked (English, unofficial).")
    excludes_when: Condition
    reason_out: str = Field(min_length=3, description="Why the patient is outside (Danish, our words).")
    reason_out_en: str = Field(min_length=3, description="The same in English (unofficial).")
    reason_unknown: str = Field(min_length=3, description="What is unknown (Danish, our words).")
    reason_unknown_en: str = Field(min_length=3)
    reason_met: str = Field(min_length=3)
    reason_met_en: str = Field(min_length=3)
    refer_to: str | None = Field(default=None, description="Where to go instead (Danish, our words).")
    refer_to_en: str | None = Field(default=None, description="Where to go instead (English).")
    serious_pathology: bool = Field(default=False, description="Out because of suspected serious pathology.")
    source: Source


class Wording(RuleModel):
    """A short text in Danish with its English (unofficial) translation."""

    da: str = Field(min_length=2)
    en: str = Field(min_length=2)


class ScopeRules(RuleModel):
    """All scope gates and the verdict labels."""

    verdicts: dict[str, Wording] = Field(description="Label per verdict: in_scope, borderline, out_of_scope.")
    rules: list[ScopeRule] = Field(min_length=1)
    refer_elsewhere: Wording | None = Field(
        default=None, description="One line for recommendations that do not apply when the patient is out."
    )


class ItemLevel(StrEnum):
    """What a 'yes' to a red-flag item does to triage."""

    NOTE = "note"  # a risk factor shown to the clinician; does not change triage on its own
    WORK_UP = "work_up"
    EMERGENCY = "emergency"


class RedFlagItem(RuleModel):
    """One red-flag question."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    question: str = Field(min_length=3, description="Danish.")
    question_en: str = Field(min_length=3)
    level: ItemLevel
    derive: Condition | None = Field(default=None, description="Computed from other answers, not asked.")
    source: Source


class RedFlagGroup(RuleModel):
    """A serious pathology the guideline names, with its items."""

    id: str = Field(pattern=r"^[a-z_]+$")
    name: str = Field(min_length=3, description="Danish.")
    name_en: str = Field(min_length=3)
    guideline: GuidelineQuote = Field(description="Where the guideline names this pathology.")
    imaging_trigger: GuidelineQuote | None = Field(
        default=None, description="Chapter 6 practical advice naming it as a reason to consider imaging."
    )
    action: str = Field(min_length=3, description="What to do when suspected (Danish).")
    action_en: str = Field(min_length=3)
    time_frame: Wording = Field(description="The time frame in plain words, as the action's source says.")
    action_source: Source
    items: list[RedFlagItem] = Field(min_length=1)


class TriageText(RuleModel):
    """Label and time frame of one triage level, in Danish and English."""

    label: Wording
    time_frame: Wording


class Escalation(RuleModel):
    """A combination of red-flag items that together raise triage above what each item does alone."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    group: str = Field(description="The red-flag group whose pathology the combination suggests.")
    all_of: list[str] = Field(min_length=2, description="Item ids that must all be answered 'yes'.")
    level: ItemLevel
    name: Wording
    action: Wording
    time_frame: Wording
    source: Source


class RedFlagRules(RuleModel):
    """Red-flag groups, combinations that escalate, the triage levels' wording and the caveat."""

    caveat: str = Field(
        min_length=20, description="The modest diagnostic value of single red flags (Danish)."
    )
    caveat_en: str = Field(default="", description="The same caveat in English (unofficial).")
    caveat_source: Source
    levels: dict[str, TriageText] = Field(
        description="Label and time frame per triage level: routine, not_assessed, work_up, emergency."
    )
    groups: list[RedFlagGroup] = Field(min_length=1)
    escalations: list[Escalation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_items(self) -> "RedFlagRules":
        ids = [item.id for group in self.groups for item in group.items]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"red-flag item ids are not unique: {twice}")
        missing = {"routine", "not_assessed", "work_up", "emergency"} - set(self.levels)
        if missing:
            raise ValueError(
                f"levels: every triage level needs a label and time frame; missing {sorted(missing)}"
            )
        groups = {g.id for g in self.groups}
        for esc in self.escalations:
            unknown = [i for i in esc.all_of if i not in ids]
            if unknown or esc.group not in groups:
                raise ValueError(f"escalations: {esc.id}: unknown items {unknown} or group {esc.group!r}")
        return self

    def items(self) -> list[tuple[RedFlagGroup, RedFlagItem]]:
        """Every item with its group, in file order."""
        return [(group, item) for group in self.groups for item in group.items]


class ActionKind(StrEnum):
    """The action in the guideline's own terms."""

    OFFER = "offer"  # a strong recommendation for: "Tilbyd/Giv …", "Offer …"
    DO_NOT_OFFER = "do_not_offer"  # a strong recommendation against
    GOOD_PRACTICE = "good_practice"  # "Det er god praksis at …", "It is good practice to …"

    CONSIDER = "consider"  # "Overvej at …"
    DO_NOT_OFFER_ROUTINELY = (
        "do_not_offer_routinely"  # "Tilbyd ikke rutinemæssig …"/"ikke rutinemæssigt at tilbyde"
    )
    ONLY_AFTER_CAREFUL_CONSIDERATION = (
        "only_after_careful_consideration"  # "Tilbyd kun … efter nøje overvejelse"
    )


ACTION_LABELS = {
    ActionKind.OFFER: ("Tilbyd", "Offer"),
    ActionKind.DO_NOT_OFFER: ("Tilbyd ikke", "Do not offer"),
    ActionKind.GOOD_PRACTICE: ("God praksis", "Good practice"),
    ActionKind.CONSIDER: ("Overvej", "Consider"),
    ActionKind.DO_NOT_OFFER_ROUTINELY: ("Tilbyd ikke rutinemæssigt", "Do not offer routinely"),
    ActionKind.ONLY_AFTER_CAREFUL_CONSIDERATION: (
        "Tilbyd kun efter nøje overvejelse",
        "Offer only after careful consideration",
    ),
}

# Each action must fit the recommendation's strength and direction and, in a language listed here, the words
# of its printed text (checked against the pack).
Words = dict[str, tuple[str, ...]]
ACTION_FITS: dict[ActionKind, tuple[Words, set[tuple[Strength, Direction]]]] = {
    ActionKind.CONSIDER: ({"da": ("Overvej at",), "en": ("Consider",)}, {(Strength.WEAK, Direction.FOR)}),
    ActionKind.DO_NOT_OFFER_ROUTINELY: (
        {"da": ("ikke rutinemæssig",), "en": ("not", "routinely")},
        {(Strength.WEAK, Direction.AGAINST), (Strength.GOOD_PRACTICE, Direction.AGAINST)},
    ),
    ActionKind.ONLY_AFTER_CAREFUL_CONSIDERATION: (
        {"da": (" kun ", "efter nøje overvejelse"), "en": (" only ", "after careful consideration")},
        {(Strength.WEAK, Direction.AGAINST)},
    ),
    ActionKind.OFFER: ({}, {(Strength.STRONG, Direction.FOR)}),
    ActionKind.DO_NOT_OFFER: ({}, {(Strength.STRONG, Direction.AGAINST)}),
    ActionKind.GOOD_PRACTICE: (
        {"da": ("god praksis",), "en": ("good practice",)},
        {(Strength.GOOD_PRACTICE, Direction.FOR), (Strength.GOOD_PRACTICE, Direction.AGAINST)},
    ),
}


class AdviceRule(RuleModel):
    """When a practical-advice paragraph of a recommendation applies to this patient."""

    paragraph: int = Field(ge=0, description="Index into the recommendation's practical_advice.")
    when: Condition = Field(default_factory=lambda: Condition(always=True))
    highlight_when: Condition | None = None
    because: str = Field(min_length=3, description="Why it applies (Danish, our words).")
    tell_patient: str | None = Field(default=None, description="Topic heading if the patient is told this.")
    during_work_up: bool = Field(
        default=False, description="Also shown while serious pathology is worked up."
    )


class RecommendationRule(RuleModel):
    """The action and tailoring for one recommendation."""

    recommendation: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    action: ActionKind
    highlight_when: Condition | None = None
    highlight_because: str | None = None
    advice: list[AdviceRule] = Field(default_factory=list)

    @model_validator(mode="after")
    def _because(self) -> "RecommendationRule":
        if (self.highlight_when is None) != (self.highlight_because is None):
            raise ValueError("highlight_when and highlight_because go together")
        return self


class RecommendationRules(RuleModel):
    """Tailoring for every recommendation."""

    recommendations: list[RecommendationRule] = Field(min_length=1)


class TellPatientItem(RuleModel):
    """Something the patient is told, quoting the guideline."""

    id: str = Field(pattern=r"^[a-z_]+$")
    topic: str = Field(min_length=3)
    when: Condition = Field(default_factory=lambda: Condition(always=True))
    text: str | None = Field(default=None, description="Our wording; needs an external source.")
    source: Source

    @model_validator(mode="after")
    def _sourced(self) -> "TellPatientItem":
        if self.text is None and self.source.guideline is None:
            raise ValueError("without 'text' the item needs a guideline quote to tell the patient")
        if self.text is not None and not self.source.external:
            raise ValueError("a 'text' in our own words needs an external source")
        return self

    @property
    def said(self) -> str:
        """What the patient is told."""
        if self.text is not None:
            return self.text
        assert self.source.guideline is not None
        return self.source.guideline.quote


class PatientRules(RuleModel):
    """What to tell the patient beyond the recommendations' own advice, and the fixed notices."""

    tell: list[TellPatientItem] = Field(default_factory=list)
    not_in_force_notice: str = Field(min_length=10, description="Danish; shown on every plan.")
    not_in_force_notice_en: str = Field(min_length=10, description="English (unofficial).")
    clinician_decides: str = Field(min_length=10, description="Danish; shown on every plan.")
    clinician_decides_en: str = Field(min_length=10, description="English (unofficial).")


class StartBackItem(RuleModel):
    """One STarT Back item by construct (paraphrased; the official wording is the Keele/STarT-dk form's)."""

    id: str = Field(pattern=r"^[a-z_]+$", description="The construct the item measures.")
    paraphrase: str = Field(min_length=3)
    psychosocial: bool = False


class StartBackRules(RuleModel):
    """STarT Back scoring (information only) with its licence terms."""

    items: list[StartBackItem] = Field(min_length=9, max_length=9)
    bothersomeness_scoring_one: list[str] = Field(min_length=1)
    low_risk_max_total: int = Field(ge=0)
    high_risk_min_subscale: int = Field(ge=0)
    role: GuidelineQuote
    note: str = Field(min_length=10)
    licence: str = Field(min_length=10)
    sources: list[ExternalSource] = Field(min_length=1)


class CautionLevel(StrEnum):
    """What a 'yes' to a caution's question does to the medication advice."""

    AVOID = "avoid"
    CAUTION = "caution"


class MedicationCaution(RuleModel):
    """A contraindication or caution: when it holds, its question (asked while unknown) and its source."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    when: Condition
    level: CautionLevel
    question: Wording = Field(description="The prompt shown while the answer is unknown.")
    reason: Wording = Field(description="Why the advice changes when the answer is yes.")
    source: Source


class MedicationRule(RuleModel):
    """The cautions for one medication recommendation."""

    recommendation: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    general: Wording = Field(description="The guideline's own caution for this medicine, always shown.")
    general_source: Source
    cautions: list[MedicationCaution] = Field(default_factory=list)


class MedicationRules(RuleModel):
    """Medication safety: shown wherever a medication recommendation's advice applies or is asked."""

    medicines: list[MedicationRule] = Field(default_factory=list)


class FollowUpItem(RuleModel):
    """When to reassess or come back, with its source."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    kind: str = Field(pattern=r"^(reassess|come_back_sooner)$")
    when: Condition = Field(default_factory=lambda: Condition(always=True))
    text: Wording
    source: Source


class FollowUpRules(RuleModel):
    """Follow-up advice for every plan that is not out of scope."""

    items: list[FollowUpItem] = Field(min_length=1)


class JournalTexts(RuleModel):
    """The journal note's wording per language; placeholders in braces are filled from the plan."""

    heading: Wording = Field(description="Placeholders {title}, {version}, {status}.")
    in_force: Wording = Field(description="The status in the heading when the guideline is in force.")
    not_in_force: Wording = Field(description="The status in the heading otherwise.")
    patient: Wording = Field(description="Placeholders {age}, {duration}, {nrs}.")
    age: Wording
    days: Wording
    weeks: Wording
    unknown: Wording
    scope: Wording
    triage: Wording
    findings: Wording
    not_assessed: Wording
    always: Wording = Field(description="What every patient in scope is told, as a line of the note.")
    discuss: Wording
    next_steps: Wording
    cautions: Wording
    reassess: Wording
    come_back_sooner: Wording
    decided_by: Wording


class FormChoice(RuleModel):
    """One allowed answer of a choice question."""

    value: str = Field(pattern=r"^[a-z_]+$")
    label: Wording


class FormQuestion(RuleModel):
    """A question of the decision-support form, named by the patient-context answer it sets."""

    name: str = Field(pattern=r"^[a-z_]+$")
    kind: Literal["tri", "number", "choice", "date"]
    label: Wording
    hint: Wording | None = None
    options: list[FormChoice] = Field(default_factory=list)
    low: int = 0
    high: int = 0


class FormGroup(RuleModel):
    """A fieldset of the form."""

    id: str = Field(pattern=r"^[a-z_]+$")
    legend: Wording
    note: Wording | None = None
    optional: bool = False
    questions: list[FormQuestion] = Field(min_length=1)


class QuickBox(RuleModel):
    """A quick-start box: checking it answers its targets that are still unanswered."""

    name: str = Field(pattern=r"^[a-z_]+$")
    label: Wording
    targets: list[str] = Field(min_length=1)
    value: Literal["yes", "no"] = "no"


class FormRules(RuleModel):
    """The form's fieldsets (beyond age, duration and red flags) and quick-start boxes."""

    groups: list[FormGroup] = Field(min_length=1)
    quick: list[QuickBox] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fits(self) -> "FormRules":
        names = [q.name for g in self.groups for q in g.questions]
        unknown = [n for n in names if n not in PatientContext.model_fields]
        if unknown:
            raise ValueError(f"questions {unknown} are not answers of the patient context")
        for box in self.quick:
            missing = [target for target in box.targets if target not in names]
            if missing:
                raise ValueError(f"quick: {box.name}: targets {missing} are not questions of the form")
        return self


class Rules(RuleModel):
    """All decision rules of one content pack."""

    scope: ScopeRules
    red_flags: RedFlagRules
    recommendations: RecommendationRules
    patient: PatientRules
    startback: StartBackRules | None = Field(default=None, description="None: the pack scores no STarT Back.")
    medication: MedicationRules = Field(default_factory=MedicationRules)
    follow_up: FollowUpRules
    journal: JournalTexts
    form: FormRules


M = TypeVar("M", bound=BaseModel)


def _validate(model: type[M], data: Any, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleError(describe_validation_error(path, exc)) from exc


def load_rules(pack_dir: Path | str) -> Rules:
    """Read and validate the rules in ``pack_dir/decide``. Raises RuleError naming the file and field."""
    folder = Path(pack_dir) / "decide"
    if not folder.is_dir():
        raise RuleError(
            f"{folder}: the pack has no decide/ folder with decision rules, so this guideline offers no "
            "decision support"
        )
    parts: dict[str, BaseModel] = {}
    models: dict[str, type[BaseModel]] = {
        "scope": ScopeRules,
        "red_flags": RedFlagRules,
        "recommendations": RecommendationRules,
        "patient": PatientRules,
        "startback": StartBackRules,
        "medication": MedicationRules,
        "follow_up": FollowUpRules,
        "journal": JournalTexts,
        "form": FormRules,
    }
    for key, name in RULE_FILES.items():
        path = folder / name
        if key in OPTIONAL_FILES and not path.exists():
            continue
        try:
            data = read_yaml(path)
        except PackError as exc:
            raise RuleError(str(exc)) from exc
        if not isinstance(data, dict):
            raise RuleError(f"{path}: (top level): must be a mapping of fields")
        parts[key] = _validate(models[key], data, path)
    return Rules.model_validate(parts)


def check_rules(rules: Rules, guideline: Guideline) -> list[str]:
    """Problems where the rules do not fit the guideline (empty when they fit)."""
    problems: list[str] = []
    rec_ids = [r.recommendation for r in rules.recommendations.recommendations]
    for rec in guideline.recommendations:
        if rec_ids.count(rec.id) != 1:
            problems.append(
                f"recommendations.yaml: {rec.id!r} must have exactly one entry (has {rec_ids.count(rec.id)})"
            )
    for rule in rules.recommendations.recommendations:
        try:
            rec = guideline.recommendation(rule.recommendation)
        except KeyError:
            problems.append(
                f"recommendations.yaml: {rule.recommendation!r} is not a recommendation of the guideline"
            )
            continue
        words, strengths = ACTION_FITS[rule.action]
        printed = words.get(guideline.language, ())
        if not all(w in rec.text for w in printed) or (rec.strength, rec.direction) not in strengths:
            problems.append(
                f"recommendations.yaml: {rec.id}: action {rule.action.value!r} does not fit "
                f"({rec.strength.value}/{rec.direction.value}: {rec.text[:60]!r})"
            )
        for advice in rule.advice:
            if advice.paragraph >= len(rec.practical_advice):
                problems.append(
                    f"recommendations.yaml: {rec.id}: paragraph {advice.paragraph} does not exist "
                    f"(the recommendation has {len(rec.practical_advice)})"
                )
    for med in rules.medication.medicines:
        if med.recommendation not in [r.id for r in guideline.recommendations]:
            problems.append(
                f"medication.yaml: {med.recommendation!r} is not a recommendation of the guideline"
            )
    scope_ids = {c.id for c in guideline.scope.criteria} | {e.id for e in guideline.scope.exclusions}
    for scope_rule in rules.scope.rules:
        if scope_rule.scope_ref not in scope_ids:
            problems.append(
                f"scope.yaml: {scope_rule.id}: scope_ref {scope_rule.scope_ref!r} is not in the pack's scope"
            )
    thresholds: dict[str, tuple[str, str, int]] = {}
    scope = guideline.scope
    if scope.min_age_exclusive is not None:
        # "over N år": N completed years (or more) is in scope, so under N is out (docs/decide.md).
        thresholds["age"] = ("age_years", "less_than", scope.min_age_exclusive)
    if scope.max_duration_weeks is not None:
        thresholds["duration"] = ("duration_in_days", "more_than", scope.max_duration_weeks * 7)
    for rule_id, (fact, test, expected) in thresholds.items():
        found = [r for r in rules.scope.rules if r.id == rule_id]
        condition = found[0].excludes_when if found else None
        if condition is None or condition.fact != fact or getattr(condition, test) != expected:
            problems.append(
                f"scope.yaml: rule {rule_id!r} must test {fact} {test} {expected} (the pack's scope)"
            )
    return problems
