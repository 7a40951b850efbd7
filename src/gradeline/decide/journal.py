"""A short Danish journal note the clinician can paste."""

from gradeline.decide.context import PatientContext
from gradeline.decide.plan import Applicability, GateStatus, Plan, ScopeVerdict


def _duration(context: PatientContext) -> str:
    if context.duration_days is not None:
        return f"{context.duration_days} dage"
    if context.duration_weeks is not None:
        return f"{context.duration_weeks} uger"
    return "ukendt"


def journal_note(context: PatientContext, plan: Plan) -> str:
    """Five to eight lines: source and status, patient, scope, triage, plan, who decides."""
    age = f"{context.age_years} år" if context.age_years is not None else "ukendt"
    nrs = f"{context.pain_nrs}" if context.pain_nrs is not None else "ukendt"
    lines = [
        f"Lænderygsmerter, beslutningsstøtte efter {plan.guideline_title} ({plan.guideline_version}; "
        f"{plan.guideline_status_label.lower()}).",
        f"Alder: {age}. Varighed: {_duration(context)}. Smerteintensitet (NRS 0-10): {nrs}.",
    ]
    scope = f"Omfang: {plan.scope.label}."
    open_gates = [r.text for r in plan.scope.reasons if r.status is not GateStatus.MET]
    if open_gates:
        scope += " " + " ".join(open_gates)
    lines.append(scope)
    triage = f"Triage: {plan.triage.label}."
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
    lines.append("Beslutning truffet af klinikeren sammen med patienten.")
    return "\n".join(lines)
