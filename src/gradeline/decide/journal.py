"""A short journal note the clinician can paste: Danish, and an English one beside it."""

from gradeline.decide.context import PatientContext
from gradeline.decide.plan import Applicability, CautionStatus, GateStatus, Plan, ScopeVerdict


def _duration(context: PatientContext, days: str, weeks: str, unknown: str) -> str:
    if context.duration_days is not None:
        return f"{context.duration_days} {days}"
    if context.duration_weeks is not None:
        return f"{context.duration_weeks} {weeks}"
    return unknown


def _cautions(plan: Plan, english: bool) -> list[str]:
    found = []
    for rec in plan.recommendations:
        for caution in rec.cautions:
            if caution.status in (CautionStatus.AVOID, CautionStatus.CAUTION):
                title = (rec.title_en or rec.title) if english else rec.title
                found.append(f"{title}: {caution.text_en if english else caution.text}")
    return found


def journal_note(context: PatientContext, plan: Plan) -> str:
    """Six to ten lines: source and status, patient, scope, triage with its time frame, plan, who decides."""
    age = f"{context.age_in_years} år" if context.age_in_years is not None else "ukendt"
    nrs = f"{context.pain_nrs}" if context.pain_nrs is not None else "ukendt"
    lines = [
        f"Lænderygsmerter, beslutningsstøtte efter {plan.guideline_title} ({plan.guideline_version}; "
        f"{plan.guideline_status_label.lower()}).",
        f"Alder: {age}. Varighed: {_duration(context, 'dage', 'uger', 'ukendt')}. "
        f"Smerteintensitet (NRS 0-10): {nrs}.",
    ]
    scope = f"Omfang: {plan.scope.label}."
    open_gates = [r.text for r in plan.scope.reasons if r.status is not GateStatus.MET]
    if open_gates:
        scope += " " + " ".join(open_gates)
    lines.append(scope)
    triage = f"Triage: {plan.triage.label} ({plan.triage.time_frame})."
    if plan.triage.findings:
        triage += " Fund: " + "; ".join(f.question.rstrip("?") for f in plan.triage.findings) + "."
    if plan.triage.not_assessed:
        triage += f" Røde flag ikke vurderet: {len(plan.triage.not_assessed)}."
    lines.append(triage)
    if plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE:
        chosen = [
            f"{r.action_label}: {r.title}"
            for r in plan.recommendations
            if r.highlighted and r.applicability is not Applicability.NOT_APPLICABLE
        ]
        lines.append("Information om forløb, prognose og faresignaler samt vanlig aktivitet (kap. 3).")
        if chosen:
            lines.append("Til drøftelse: " + "; ".join(chosen) + ".")
    else:
        lines.append("Videre forløb: " + " ".join(plan.scope.refer_to))
    cautions = _cautions(plan, english=False)
    if cautions:
        lines.append("Medicin, forsigtighed: " + " ".join(cautions))
    for item in plan.follow_up:
        lines.append(("Revurdering: " if item.kind == "reassess" else "Kom igen før: ") + item.text)
    lines.append("Beslutning truffet af klinikeren sammen med patienten.")
    return "\n".join(lines)


def journal_note_en(context: PatientContext, plan: Plan) -> str:
    """The same note in English (unofficial translation of the plan's labels; scope reasons stay Danish)."""
    age = f"{context.age_in_years} years" if context.age_in_years is not None else "unknown"
    nrs = f"{context.pain_nrs}" if context.pain_nrs is not None else "unknown"
    lines = [
        f"Low back pain, decision support from the Danish guideline {plan.guideline_title!r} "
        f"({plan.guideline_version}; not in force).",
        f"Age: {age}. Duration: {_duration(context, 'days', 'weeks', 'unknown')}. "
        f"Pain intensity (NRS 0-10): {nrs}.",
        f"Scope: {plan.scope.label_en}.",
    ]
    triage = f"Triage: {plan.triage.label_en} ({plan.triage.time_frame_en})."
    if plan.triage.findings:
        triage += (
            f" Findings: {len(plan.triage.findings)} ({', '.join(f.item_id for f in plan.triage.findings)})."
        )
    if plan.triage.not_assessed:
        triage += f" Red flags not assessed: {len(plan.triage.not_assessed)}."
    lines.append(triage)
    if plan.scope.verdict is not ScopeVerdict.OUT_OF_SCOPE:
        chosen = [
            f"{r.action_label_en}: {r.title_en or r.title}"
            for r in plan.recommendations
            if r.highlighted and r.applicability is not Applicability.NOT_APPLICABLE
        ]
        lines.append("Information on course, prognosis, warning signs and usual activity (ch. 3).")
        if chosen:
            lines.append("To discuss: " + "; ".join(chosen) + ".")
    else:
        lines.append("Next steps: " + " ".join(line.text_en for line in plan.summary.do_now))
    cautions = _cautions(plan, english=True)
    if cautions:
        lines.append("Medication, caution: " + " ".join(cautions))
    for item in plan.follow_up:
        lines.append(("Reassess: " if item.kind == "reassess" else "Come back sooner: ") + item.text_en)
    lines.append("Decision made by the clinician together with the patient.")
    return "\n".join(lines)
