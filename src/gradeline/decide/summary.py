"""The plan in one screen (do now, discuss, avoid; recommendations that do not apply, one line each) and the
follow-up advice. Built only from what the plan and the pack's rules already say: no new clinical content."""

from collections.abc import Mapping

from gradeline.decide.citing import cite
from gradeline.decide.conditions import FactValue
from gradeline.decide.plan import (
    AdviceStatus,
    Applicability,
    CautionStatus,
    FollowUp,
    GateStatus,
    Plan,
    PlanSummary,
    RecommendationPlan,
    ScopeVerdict,
    SummaryLine,
    TriageLevel,
)
from gradeline.decide.rules import Rules


def follow_up(rules: Rules, facts: Mapping[str, FactValue], verdict: ScopeVerdict) -> list[FollowUp]:
    """When to reassess (not when out of scope) and what should bring the patient back sooner."""
    return [
        FollowUp(
            id=item.id, kind=item.kind, text=item.text.da, text_en=item.text.en, citation=cite(item.source)
        )
        for item in rules.follow_up.items
        if item.when.evaluate(facts) is True
        and not (item.kind == "reassess" and verdict is ScopeVerdict.OUT_OF_SCOPE)
    ]


def _title(rec: RecommendationPlan) -> tuple[str, str]:
    return rec.title, rec.title_en or rec.title


def _medicine_line(rec: RecommendationPlan) -> SummaryLine | None:
    """One line per medicine: avoid, else caution, else the number of questions to ask first."""
    da, en = _title(rec)
    for status, word_da, word_en in (
        (CautionStatus.AVOID, "undgå", "avoid"),
        (CautionStatus.CAUTION, "forsigtighed", "caution"),
    ):
        hits = [c for c in rec.cautions if c.status is status]
        if hits:
            return SummaryLine(
                text=f"{da}: {word_da} – " + "; ".join(c.text for c in hits),
                text_en=f"{en}: {word_en} – " + "; ".join(c.text_en for c in hits),
                recommendation_ids=[rec.id],
            )
    asks = [c for c in rec.cautions if c.status is CautionStatus.ASK]
    if asks:
        return SummaryLine(
            text=f"{da}: afklar {len(asks)} forsigtighedsspørgsmål før eventuel brug",
            text_en=f"{en}: ask {len(asks)} safety questions before any use",
            recommendation_ids=[rec.id],
        )
    return None


def _join(lines: list[SummaryLine], line: SummaryLine, rec: RecommendationPlan) -> None:
    """Recommendations with the same action share one line ("Overvej: A; B; C")."""
    for i, other in enumerate(lines):
        if other.recommendation_ids and other.text.startswith(f"{rec.action_label}: "):
            da, en = _title(rec)
            lines[i] = SummaryLine(
                text=f"{other.text}; {da}",
                text_en=f"{other.text_en}; {en}",
                recommendation_ids=[*other.recommendation_ids, rec.id],
            )
            return
    lines.append(line)


def summarise(plan: Plan, rules: Rules) -> PlanSummary:
    """Do now (triage actions, then what applies), discuss, avoid; one line per inapplicable."""
    triage = plan.triage
    do_now: list[SummaryLine] = []
    discuss: list[SummaryLine] = []
    avoid: list[SummaryLine] = []
    if triage.level is TriageLevel.NOT_ASSESSED:
        n = len(triage.red_flags_not_assessed())
        do_now.append(
            SummaryLine(
                text=f"{triage.time_frame} ({n} spørgsmål)", text_en=f"{triage.time_frame_en} ({n} questions)"
            )
        )
    for da, en in zip(triage.actions, triage.actions_en, strict=True):
        do_now.append(SummaryLine(text=da, text_en=en))
    unknown = {r.rule_id for r in plan.scope.reasons if r.status is GateStatus.UNKNOWN}
    gates = [g for g in rules.scope.rules if g.id in unknown and not g.serious_pathology]
    if gates:
        do_now.append(
            SummaryLine(
                text="Afklar omfang: " + "; ".join(g.question for g in gates),
                text_en="Clarify scope: " + "; ".join(g.question_en for g in gates),
            )
        )
    pathology_refer = {r.refer_to for r in rules.scope.rules if r.serious_pathology}
    for reason in plan.scope.reasons:
        if reason.refer_to and not (triage.actions and reason.refer_to in pathology_refer):
            line = SummaryLine(text=reason.refer_to, text_en=reason.refer_to_en or reason.refer_to)
            if line not in do_now:
                do_now.append(line)
    not_applicable = []
    for rec in plan.recommendations:
        da, en = _title(rec)
        if rec.applicability in (Applicability.NOT_APPLICABLE, Applicability.WORK_UP):
            not_applicable.append(
                SummaryLine(
                    text=f"{rec.chapter}. {da}", text_en=f"{rec.chapter}. {en}", recommendation_ids=[rec.id]
                )
            )
            continue
        line = SummaryLine(
            text=f"{rec.action_label}: {da}",
            text_en=f"{rec.action_label_en}: {en}",
            recommendation_ids=[rec.id],
        )
        if rec.direction == "for":
            _join(do_now, line, rec)
        elif rec.highlighted:
            because = f" – {rec.highlight_because}" if rec.highlight_because else ""
            discuss.append(line.model_copy(update={"text": line.text + because}))
        else:
            _join(avoid, line, rec)
        applies = any(a.status is AdviceStatus.APPLIES for a in rec.advice)
        if rec.highlighted or applies:
            medicine = _medicine_line(rec)  # None without cautions
            if medicine is not None:
                discuss.append(medicine)
    return PlanSummary(do_now=do_now, discuss=discuss, avoid=avoid, not_applicable=not_applicable)
