"""Patient context -> plan. Pure: no I/O beyond the guideline and rules it is given."""

from collections.abc import Callable

from gradeline.decide.citing import cite
from gradeline.decide.conditions import Condition, FactValue, Truth, context_facts
from gradeline.decide.context import PatientContext, Tri
from gradeline.decide.journal import journal_note
from gradeline.decide.medication import medication_cautions
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
from gradeline.decide.rules import ACTION_LABELS, ItemLevel, RuleError, Rules, check_rules
from gradeline.decide.startback import score_startback
from gradeline.decide.summary import follow_up, summarise
from gradeline.model import Guideline, Recommendation

EnglishLookup = Callable[[str], str | None]  # a translation location -> unofficial English


class ContextError(ValueError):
    """The patient context does not fit the rules (e.g. an unknown red-flag item)."""


ITEM_TO_TRIAGE = {
    ItemLevel.NOTE: TriageLevel.ROUTINE,
    ItemLevel.WORK_UP: TriageLevel.WORK_UP,
    ItemLevel.EMERGENCY: TriageLevel.EMERGENCY,
}
# Pairs already checked, by identity. The objects are kept: a freed pair's ids could otherwise be reused by a
# new, unchecked pair.
_checked: dict[tuple[int, int], tuple[Rules, Guideline]] = {}


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
    _checked[key] = (rules, guideline)


def _red_flags(
    context: PatientContext, rules: Rules, facts: dict[str, FactValue], trace: list[TraceStep]
) -> tuple[TriageResult, dict[str, FactValue]]:
    flags = rules.red_flags
    known = {item.id: item for _, item in flags.items()}
    for item_id, answer in context.red_flags.items():
        if item_id not in known:
            raise ContextError(f"red_flags: {item_id!r} is not a red-flag item of this guideline")
        if known[item_id].derive is not None and answer is not Tri.UNKNOWN:
            raise ContextError(f"red_flags: {item_id!r} is derived from other answers and is not asked")
    level = TriageLevel.ROUTINE
    findings: list[Finding] = []
    risk: list[Finding] = []
    unknown: list[Finding] = []
    actions: list[tuple[str, str, str]] = []  # (group id, Danish, English)
    triggering: list[Tri] = []
    imaging: list[Tri] = []
    answers: dict[str, Tri] = {}
    unanswered_emergency: list[str] = []
    for group, item in flags.items():
        answer = _answer(item.derive.evaluate(facts)) if item.derive else context.red_flag(item.id)
        answers[item.id] = answer
        finding = Finding(
            item_id=item.id,
            group_id=group.id,
            group_name=group.name,
            question=item.question,
            question_en=item.question_en,
            answer=answer.value,
            level=item.level.value,
            derived=item.derive is not None,
            citation=cite(item.source),
        )
        if item.level is not ItemLevel.NOTE:
            triggering.append(answer)
            if group.imaging_trigger is not None:
                imaging.append(answer)
        if answer is Tri.UNKNOWN:
            if item.level is not ItemLevel.NOTE or item.derive is None:
                unknown.append(finding)
            if item.level is ItemLevel.EMERGENCY:
                unanswered_emergency.append(item.id)
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
            level = max(level, item_level, key=lambda t: t.rank)
            if group.action not in [a[1] for a in actions]:
                actions.append((group.id, group.action, group.action_en))
            conclusion = f"{flags.levels[item_level.value].label.da} – {group.name}"
        trace.append(
            TraceStep(
                inputs=inputs,
                rule=f"red-flags.yaml:{group.id}.{item.id}",
                conclusion=conclusion,
                citation=cite(item.source),
            )
        )
    escalated: list[str] = []
    for esc in flags.escalations:
        if all(answers.get(i) is Tri.YES for i in esc.all_of):
            escalated.append(esc.id)
            esc_level = ITEM_TO_TRIAGE[esc.level]
            level = max(level, esc_level, key=lambda t: t.rank)
            actions = [a for a in actions if a[0] != esc.group]
            actions.insert(0, (esc.group, esc.action.da, esc.action.en))
            trace.append(
                TraceStep(
                    inputs=[f"red_flags.{i} = yes" for i in esc.all_of],
                    rule=f"red-flags.yaml:escalations.{esc.id}",
                    conclusion=f"{flags.levels[esc_level.value].label.da} – {esc.name.da}",
                    citation=cite(esc.source),
                )
            )
    if level is TriageLevel.ROUTINE and Tri.UNKNOWN in triggering:
        level = TriageLevel.NOT_ASSESSED
        trace.append(
            TraceStep(
                inputs=[f"red_flags.{f.item_id} = unknown" for f in unknown if f.level != "note"],
                rule="red-flags.yaml:levels.not_assessed",
                conclusion=flags.levels["not_assessed"].label.da,
                citation=cite(flags.caveat_source),
            )
        )
    derived = dict(facts)
    derived["triage"] = level.value
    derived["red_flag_suspected"] = _any_tri(triggering)
    derived["imaging_trigger"] = _any_tri(imaging)
    text = flags.levels[level.value]
    time_frame, time_frame_en = text.time_frame.da, text.time_frame.en
    top = [a for a in actions if _group_level(a[0], escalated, rules, answers) is level]
    if top:  # only work-up or emergency groups have actions
        frames = [_group_time_frame(a[0], escalated, rules) for a in top]
        time_frame = "; ".join(dict.fromkeys(f[0] for f in frames))
        time_frame_en = "; ".join(dict.fromkeys(f[1] for f in frames))
    triage = TriageResult(
        level=level,
        label=text.label.da,
        label_en=text.label.en,
        time_frame=time_frame,
        time_frame_en=time_frame_en,
        actions=[a[1] for a in actions],
        actions_en=[a[2] for a in actions],
        escalations=escalated,
        unanswered_emergency_items=unanswered_emergency,
        findings=findings,
        risk_factors=risk,
        not_assessed=unknown,
        caveat=flags.caveat,
        caveat_en=flags.caveat_en,
        caveat_citation=cite(flags.caveat_source),
    )
    return triage, derived


def _group_level(group_id: str, escalated: list[str], rules: Rules, answers: dict[str, Tri]) -> TriageLevel:
    """The highest level a group reached: its escalations that fired, or its items answered yes."""
    levels = [
        ITEM_TO_TRIAGE[e.level]
        for e in rules.red_flags.escalations
        if e.id in escalated and e.group == group_id
    ]
    group = next(g for g in rules.red_flags.groups if g.id == group_id)
    levels += [ITEM_TO_TRIAGE[i.level] for i in group.items if answers.get(i.id) is Tri.YES]
    return max(levels, key=lambda t: t.rank)  # never empty: a group in the actions has a yes or an escalation


def _group_time_frame(group_id: str, escalated: list[str], rules: Rules) -> tuple[str, str]:
    for esc in rules.red_flags.escalations:
        if esc.id in escalated and esc.group == group_id:
            return esc.time_frame.da, esc.time_frame.en
    group = next(g for g in rules.red_flags.groups if g.id == group_id)
    return group.time_frame.da, group.time_frame.en


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
        text, text_en = {
            GateStatus.MET: (rule.reason_met, rule.reason_met_en),
            GateStatus.UNKNOWN: (rule.reason_unknown, rule.reason_unknown_en),
            GateStatus.NOT_MET: (rule.reason_out, rule.reason_out_en),
        }[status]
        out = status is GateStatus.NOT_MET
        citation = cite(rule.source)
        inputs = _inputs(rule.excludes_when, facts)
        reasons.append(
            ScopeReason(
                rule_id=rule.id,
                status=status,
                text=text,
                text_en=text_en,
                refer_to=rule.refer_to if out else None,
                refer_to_en=(rule.refer_to_en or rule.refer_to) if out else None,
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
    refer = list(dict.fromkeys(r.refer_to for r in reasons if r.refer_to))
    refer_en = list(dict.fromkeys(r.refer_to_en for r in reasons if r.refer_to_en))
    label = rules.scope.verdicts[verdict.value]
    result = ScopeResult(
        verdict=verdict,
        label=label.da,
        label_en=label.en,
        reasons=reasons,
        refer_to=refer,
        refer_to_en=refer_en,
    )
    return result, verdict is ScopeVerdict.OUT_OF_SCOPE and only_pathology


def _recommendations(
    guideline: Guideline,
    rules: Rules,
    facts: dict[str, FactValue],
    scope: ScopeResult,
    work_up_only: bool,
    trace: list[TraceStep],
    english: EnglishLookup,
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
                    text_en=english(f"recommendations/{rec.id}/practical_advice/{item.paragraph}"),
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
        cautions = (
            medication_cautions(rules, rec.id, facts)
            if advice and applicability is not Applicability.NOT_APPLICABLE
            else []
        )
        plans.append(
            RecommendationPlan(
                id=rec.id,
                chapter=rec.chapter,
                title=rec.title,
                title_en=english(f"recommendations/{rec.id}/title"),
                text_en=english(f"recommendations/{rec.id}/text"),
                strength=rec.strength.value,
                direction=rec.direction.value,
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
                cautions=cautions,
            )
        )
    return plans, tell


def _rec_citation(rec: Recommendation, quote: str) -> Citation:
    return Citation(section=f"{rec.chapter} (praktiske råd)", recommendation_id=rec.id, quote=quote)


def _no_english(location: str) -> str | None:
    return None


def make_plan(
    context: PatientContext, guideline: Guideline, rules: Rules, english: EnglishLookup = _no_english
) -> Plan:
    """The plan for one patient: scope, triage, every recommendation, what to tell, note, trace.

    ``english`` gives the pack's unofficial English text at a translation location (e.g.
    ``recommendations/<id>/title``), or None where untranslated.
    """
    _check(rules, guideline)
    trace: list[TraceStep] = []
    triage, facts = _red_flags(context, rules, context_facts(context), trace)
    scope, work_up_only = _scope(rules, facts, trace)
    recommendations, tell = _recommendations(guideline, rules, facts, scope, work_up_only, trace, english)
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
            TellPatient(topic=item.topic, text=item.said, citation=cite(item.source))
            for item in rules.patient.tell
            if item.when.evaluate(facts) is True
        ] + tell
    startback = (
        score_startback(context.startback, rules.startback)
        if context.startback is not None and rules.startback is not None
        else None
    )
    plan = Plan(
        guideline_id=guideline.id,
        guideline_title=guideline.title,
        guideline_version=guideline.version,
        guideline_status=guideline.status.value.value,
        guideline_status_label=guideline.status.label,
        status_notice=_status_notice(guideline, rules),
        status_notice_en=(
            rules.patient.not_in_force_notice_en
            if guideline.status.value.value != "in_force"
            else f"{guideline.title} ({guideline.version}): in force."
        ),
        clinician_decides=rules.patient.clinician_decides,
        clinician_decides_en=rules.patient.clinician_decides_en,
        scope=scope,
        triage=triage,
        recommendations=recommendations,
        tell_patient=tell,
        follow_up=follow_up(rules, facts, scope.verdict),
        journal_note="",
        trace=trace,
        startback=startback,
    )
    plan = plan.model_copy(update={"summary": summarise(plan, rules)})
    return plan.model_copy(
        update={
            "journal_note": journal_note(context, plan, rules.journal, "da"),
            "journal_note_en": journal_note(context, plan, rules.journal, "en"),
        }
    )


def _status_notice(guideline: Guideline, rules: Rules) -> str:
    """The status once: the pack's notice when not in force, else title, version and status."""
    if guideline.status.value.value == "in_force":
        return f"{guideline.title} ({guideline.version}): {guideline.status.label}."
    return rules.patient.not_in_force_notice
