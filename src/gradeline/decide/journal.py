"""A short journal note the clinician can paste, in Danish or English: one code path, the pack's wording
(``decide/journal.yaml``) and the plan's own texts in that language."""

from typing import Literal

from gradeline.decide.context import PatientContext
from gradeline.decide.plan import Applicability, CautionStatus, GateStatus, Plan, ScopeVerdict
from gradeline.decide.rules import JournalTexts, Wording

Language = Literal["da", "en"]


def _say(wording: Wording, lang: Language, **values: object) -> str:
    return (wording.en if lang == "en" else wording.da).format(**values)


def _duration(context: PatientContext, texts: JournalTexts, lang: Language) -> str:
    if context.duration_days is not None:
        return _say(texts.days, lang, n=context.duration_days)
    if context.duration_weeks is not None:
        return _say(texts.weeks, lang, n=context.duration_weeks)
    return _say(texts.unknown, lang)


def _cautions(plan: Plan, lang: Language) -> list[str]:
    found = []
    for rec in plan.recommendations:
        for caution in rec.cautions:
            if caution.status in (CautionStatus.AVOID, CautionStatus.CAUTION):
                title = (rec.title_en or rec.title) if lang == "en" else rec.title
                found.append(f"{title}: {caution.text_en if lang == 'en' else caution.text}")
    return found


def journal_note(context: PatientContext, plan: Plan, texts: JournalTexts, lang: Language) -> str:
    """Six to ten lines: source and status, patient, scope, triage with its time frame, plan, who decides."""
    en = lang == "en"
    status = texts.in_force if plan.guideline_status == "in_force" else texts.not_in_force
    unknown = _say(texts.unknown, lang)
    age = context.age_in_years
    lines = [
        _say(
            texts.heading,
            lang,
            title=plan.guideline_title,
            version=plan.guideline_version,
            status=_say(status, lang),
        ),
        _say(
            texts.patient,
            lang,
            age=_say(texts.age, lang, n=age) if age is not None else unknown,
            duration=_duration(context, texts, lang),
            nrs=context.pain_nrs if context.pain_nrs is not None else unknown,
        ),
    ]
    scope = _say(texts.scope, lang, label=plan.scope.label_en if en else plan.scope.label)
    open_gates = [r.text_en if en else r.text for r in plan.scope.reasons if r.status is not GateStatus.MET]
    lines.append(" ".join([scope, *open_gates]))
    triage = plan.triage
    parts = [
        _say(
            texts.triage,
            lang,
            label=triage.label_en if en else triage.label,
            time_frame=triage.time_frame_en if en else triage.time_frame,
        )
    ]
    if triage.findings:
        asked = [(f.question_en or f.question) if en else f.question for f in triage.findings]
        parts.append(_say(texts.findings, lang, findings="; ".join(q.rstrip("?") for q in asked)))
    if unanswered := triage.red_flags_not_assessed():
        parts.append(_say(texts.not_assessed, lang, n=len(unanswered)))
    lines.append(" ".join(parts))
    if plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE:
        chosen = [
            f"{r.action_label_en}: {r.title_en or r.title}" if en else f"{r.action_label}: {r.title}"
            for r in plan.recommendations
            if r.highlighted and r.applicability is not Applicability.NOT_APPLICABLE
        ]
        lines.append(_say(texts.always, lang))
        if chosen:
            lines.append(_say(texts.discuss, lang, items="; ".join(chosen)))
    else:
        refer = plan.scope.refer_to_en if en else plan.scope.refer_to
        lines.append(_say(texts.next_steps, lang, refer_to=" ".join(refer)))
    cautions = _cautions(plan, lang)
    if cautions:
        lines.append(_say(texts.cautions, lang, cautions=" ".join(cautions)))
    for item in plan.follow_up:
        wording = texts.reassess if item.kind == "reassess" else texts.come_back_sooner
        lines.append(_say(wording, lang, text=item.text_en if en else item.text))
    lines.append(_say(texts.decided_by, lang))
    return "\n".join(lines)
