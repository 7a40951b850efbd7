"""Patient context -> plan. Pure: no I/O beyond the guideline and rules it is given."""

from gradeline.decide.conditions import Condition, FactValue, Truth, context_facts
from gradeline.decide.context import PatientContext, Tri
from gradeline.decide.journal import journal_note
from gradeline.decide.plan import (
    AdvicePlan,
    AdviceStatus,
    Applicability,
    Citation,
    Finding,
    GateStatus,
    Plan,
    RecommendationPlan,
    ScopeReason,
    ScopeResult,
    ScopeVerdict,
    TellPatient,
    TraceStep,
    TriageLevel,
    TriageResult,
)
from gradeline.decide.rules import ACTION_LABELS, ItemLevel, RuleError, Rules, Source, check_rules
from gradeline.decide.startback import score_startback
from gradeline.model import Guideline, Recommendation


class ContextError(ValueError):
    """The patient context does not fit the rules (e.g. an unknown red-flag item)."""


TRIAGE_LABELS = {
    TriageLevel.ROUTINE: "Rutine: behandling efter retningslinjen (ingen røde flag angivet)",
    TriageLevel.WORK_UP: "Rettidig udredning ved mistanke om alvorlig patologi",
    TriageLevel.EMERGENCY: "Akut: henvis samme dag",
}
VERDICT_LABELS = {
    ScopeVerdict.IN_SCOPE: "Omfattet af retningslinjen",
    ScopeVerdict.BORDERLINE: "Grænsetilfælde/ukendt: afklar de ukendte svar",
    ScopeVerdict.OUT_OF_SCOPE: "Ikke omfattet af retningslinjen",
}
ITEM_TO_TRIAGE = {
    ItemLevel.NOTE: TriageLevel.ROUTINE,
    ItemLevel.WORK_UP: TriageLevel.WORK_UP,
    ItemLevel.EMERGENCY: TriageLevel.EMERGENCY,
}
_checked: set[tuple[int, int]] = set()


def _cite(source: Source, recommendation_id: str | None = None) -> Citation:
    return Citation(
        section=source.guideline.section if source.guideline else None,
        quote=source.guideline.quote if source.guideline else None,
        recommendation_id=recommendation_id,
        external=[e.citation for e in source.external],
    )


def _answer(truth: Truth) -> Tri:
    return Tri.UNKNOWN if truth is None else (Tri.YES if truth else Tri.NO)


def _inputs(condition: Condition, facts: dict[str, FactValue]) -> list[str]:
    return [
        f"{name} = {'unknown' if facts.get(name) is None else facts[name]}"
        for name in sorted(condition.facts_used())
    ]


def _check(rules: Rules, guideline: Guideline) -> None:
    key = (id(rules), id(guideline))
    if key in _checked:
        return
    problems = check_rules(rules, guideline)
    if problems:
        raise RuleError("\n".join(problems))
    _checked.add(key)


def _red_flags(
    context: PatientContext, rules: Rules, facts: dict[str, FactValue], trace: list[TraceStep]
) -> tuple[TriageResult, dict[str, FactValue]]:
    known = {item.id: item for _, item in rules.red_flags.items()}
    for item_id, answer in context.red_flags.items():
        if item_id not in known:
            raise ContextError(f"red_flags: {item_id!r} is not a red-flag item of this guideline")
        if known[item_id].derive is not None and answer is not Tri.UNKNOWN:
            raise ContextError(f"red_flags: {item_id!r} is derived from other answers and is not asked")
    level = TriageLevel.ROUTINE
    findings: list[Finding] = []
    risk: list[Finding] = []
    unknown: list[Finding] = []
    actions: list[str] = []
    triggering: list[Tri] = []
    imaging: list[Tri] = []
    for group, item in rules.red_flags.items():
        answer = _answer(item.derive.evaluate(facts)) if item.derive else context.red_flag(item.id)
        finding = Finding(
            item_id=item.id,
            group_id=group.id,
            group_name=group.name,
            question=item.question,
            answer=answer.value,
            level=item.level.value,
            derived=item.derive is not None,
            citation=_cite(item.source),
        )
        if item.level is not ItemLevel.NOTE:
            triggering.append(answer)
            if group.imaging_trigger is not None:
                imaging.append(answer)
        if answer is Tri.UNKNOWN:
            if item.level is not ItemLevel.NOTE or item.derive is None:
                unknown.append(finding)
            continue
        if answer is Tri.NO:
            continue
        item_level = ITEM_TO_TRIAGE[item.level]
        inputs = _inputs(item.derive, facts) if item.derive else [f"red_flags.{item.id} = yes"]
        if item.level is ItemLevel.NOTE:
            risk.append(finding)
            conclusion = f"Risikofaktor vist ({group.name}); ændrer ikke triage alene"
        else:
            findings.append(finding)
            if item_level.rank > level.rank:
                level = item_level
            if group.action not in actions:
                actions.append(group.action)
            conclusion = f"{TRIAGE_LABELS[item_level]} – {group.name}"
        trace.append(
            TraceStep(
                inputs=inputs,
                rule=f"red-flags.yaml:{group.id}.{item.id}",
                conclusion=conclusion,
                citation=_cite(item.source),
            )
        )
    derived = dict(facts)
    derived["triage"] = level.value
    derived["red_flag_suspected"] = _any_tri(triggering)
    derived["imaging_trigger"] = _any_tri(imaging)
    triage = TriageResult(
        level=level,
        label=TRIAGE_LABELS[level],
        actions=actions,
        findings=findings,
        risk_factors=risk,
        not_assessed=unknown,
        caveat=rules.red_flags.caveat,
        caveat_citation=_cite(rules.red_flags.caveat_source),
    )
    return triage, derived


def _any_tri(answers: list[Tri]) -> str | None:
    if Tri.YES in answers:
        return "yes"
    if Tri.UNKNOWN in answers:
        return None
    return "no"


def _scope(rules: Rules, facts: dict[str, FactValue], trace: list[TraceStep]) -> tuple[ScopeResult, bool]:
    reasons: list[ScopeReason] = []
    statuses: list[GateStatus] = []
    only_pathology = True
    for rule in rules.scope.rules:
        truth = rule.excludes_when.evaluate(facts)
        status = (
            GateStatus.MET if truth is False else GateStatus.UNKNOWN if truth is None else GateStatus.NOT_MET
        )
        text = {
            GateStatus.MET: rule.reason_met,
            GateStatus.UNKNOWN: rule.reason_unknown,
            GateStatus.NOT_MET: rule.reason_out,
        }[status]
        citation = _cite(rule.source)
        inputs = _inputs(rule.excludes_when, facts)
        reasons.append(
            ScopeReason(
                rule_id=rule.id,
                status=status,
                text=text,
                refer_to=rule.refer_to if status is GateStatus.NOT_MET else None,
                depends_on=inputs,
                citation=citation,
            )
        )
        statuses.append(status)
        if status is GateStatus.NOT_MET and not rule.serious_pathology:
            only_pathology = False
        trace.append(
            TraceStep(inputs=inputs, rule=f"scope.yaml:{rule.id}", conclusion=text, citation=citation)
        )
    if GateStatus.NOT_MET in statuses:
        verdict = ScopeVerdict.OUT_OF_SCOPE
    elif GateStatus.UNKNOWN in statuses:
        verdict = ScopeVerdict.BORDERLINE
    else:
        verdict = ScopeVerdict.IN_SCOPE
    refer = [r.refer_to for r in reasons if r.refer_to]
    result = ScopeResult(verdict=verdict, label=VERDICT_LABELS[verdict], reasons=reasons, refer_to=refer)
    return result, verdict is ScopeVerdict.OUT_OF_SCOPE and only_pathology


def _recommendations(
    guideline: Guideline,
    rules: Rules,
    facts: dict[str, FactValue],
    scope: ScopeResult,
    work_up_only: bool,
    trace: list[TraceStep],
) -> tuple[list[RecommendationPlan], list[TellPatient]]:
    plans: list[RecommendationPlan] = []
    tell: list[TellPatient] = []
    by_id = {r.recommendation: r for r in rules.recommendations.recommendations}
    for rec in sorted(guideline.recommendations, key=lambda r: r.chapter):
        rule = by_id[rec.id]
        level = guideline.strength_level(rec)
        label_da, label_en = ACTION_LABELS[rule.action]
        advice: list[AdvicePlan] = []
        for item in rule.advice:
            if scope.verdict is ScopeVerdict.OUT_OF_SCOPE and not (work_up_only and item.during_work_up):
                continue
            truth = item.when.evaluate(facts)
            if truth is False:
                continue
            highlight = item.highlight_when is not None and item.highlight_when.evaluate(facts) is True
            status = AdviceStatus.APPLIES if truth else AdviceStatus.ASK
            inputs = _inputs(item.when, facts)
            text = rec.practical_advice[item.paragraph]
            advice.append(
                AdvicePlan(
                    paragraph=item.paragraph,
                    text=text,
                    status=status,
                    highlighted=highlight,
                    because=item.because,
                    depends_on=inputs,
                )
            )
            citation = _rec_citation(rec, text)
            trace.append(
                TraceStep(
                    inputs=inputs or ["(alle patienter)"],
                    rule=f"recommendations.yaml:{rec.id}.advice[{item.paragraph}]",
                    conclusion=("Gælder" if truth else "Afklar (afhænger af ukendt svar)")
                    + f": {item.because}",
                    citation=citation,
                )
            )
            if item.tell_patient and truth and scope.verdict is not ScopeVerdict.OUT_OF_SCOPE:
                tell.append(TellPatient(topic=item.tell_patient, text=text, citation=citation))
        if scope.verdict is ScopeVerdict.IN_SCOPE:
            applicability, note = Applicability.APPLIES, "Patienten er omfattet af retningslinjen."
        elif scope.verdict is ScopeVerdict.BORDERLINE:
            applicability = Applicability.CONDITIONAL
            note = "Gælder kun hvis de ukendte svar viser, at patienten er omfattet af retningslinjen."
        elif advice:
            applicability = Applicability.WORK_UP
            note = "Patienten udredes for mistænkt alvorlig patologi; kun råd om udredningen vises."
        else:
            applicability = Applicability.NOT_APPLICABLE
            note = "Patienten er ikke omfattet af retningslinjen; anbefalingen gælder ikke."
        highlighted = (
            applicability in (Applicability.APPLIES, Applicability.CONDITIONAL, Applicability.WORK_UP)
            and rule.highlight_when is not None
            and rule.highlight_when.evaluate(facts) is True
        )
        plans.append(
            RecommendationPlan(
                id=rec.id,
                chapter=rec.chapter,
                title=rec.title,
                action=rule.action.value,
                action_label=label_da,
                action_label_en=label_en,
                text=rec.text,
                strength_label=rec.label,
                strength_colour=level.colour,
                strength_colour_hex=level.colour_hex,
                strength_icon=level.icon,
                applicability=applicability,
                applicability_note=note,
                highlighted=highlighted,
                highlight_because=rule.highlight_because if highlighted else None,
                advice=advice,
            )
        )
    return plans, tell


def _rec_citation(rec: Recommendation, quote: str) -> Citation:
    return Citation(section=f"{rec.chapter} (praktiske råd)", recommendation_id=rec.id, quote=quote)


def make_plan(context: PatientContext, guideline: Guideline, rules: Rules) -> Plan:
    """The plan for one patient: scope, triage, the ten recommendations, what to tell, note, trace."""
    _check(rules, guideline)
    trace: list[TraceStep] = []
    triage, facts = _red_flags(context, rules, context_facts(context), trace)
    scope, work_up_only = _scope(rules, facts, trace)
    recommendations, tell = _recommendations(guideline, rules, facts, scope, work_up_only, trace)
    if scope.verdict is ScopeVerdict.OUT_OF_SCOPE:
        tell = [
            TellPatient(
                topic="Henvisning/videre forløb",
                text=reason.refer_to or reason.text,
                citation=reason.citation,
            )
            for reason in scope.reasons
            if reason.status is GateStatus.NOT_MET
        ]
    else:
        tell = [
            TellPatient(topic=item.topic, text=item.said, citation=_cite(item.source))
            for item in rules.patient.tell
            if item.when.evaluate(facts) is True
        ] + tell
    startback = score_startback(context.startback, rules.startback) if context.startback is not None else None
    plan = Plan(
        guideline_id=guideline.id,
        guideline_title=guideline.title,
        guideline_version=guideline.version,
        guideline_status=guideline.status.value.value,
        guideline_status_label=guideline.status.label,
        status_notice=_status_notice(guideline, rules),
        clinician_decides=rules.patient.clinician_decides,
        scope=scope,
        triage=triage,
        recommendations=recommendations,
        tell_patient=tell,
        journal_note="",
        trace=trace,
        startback=startback,
    )
    return plan.model_copy(update={"journal_note": journal_note(context, plan)})


def _status_notice(guideline: Guideline, rules: Rules) -> str:
    if guideline.status.value.value == "in_force":
        return f"{guideline.title} ({guideline.version}): {guideline.status.label}."
    return f"{guideline.status.label.upper()}: {rules.patient.not_in_force_notice} {guideline.status.note}"
