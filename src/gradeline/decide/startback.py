"""STarT Back scoring by construct: information only (the guideline's chapter 5: not routine)."""

from gradeline.decide.context import StartBackAnswers
from gradeline.decide.plan import Citation, StartBackResult
from gradeline.decide.rules import StartBackRules


def score_startback(answers: StartBackAnswers, rules: StartBackRules) -> StartBackResult:
    """Total (0-9), psychosocial subscale (0-5) and risk group; incomplete answers are not scored."""
    citation = Citation(
        section=rules.role.section,
        quote=rules.role.quote,
        external=[s.citation for s in rules.sources],
    )
    points: dict[str, int] = {}
    missing: list[str] = []
    for item in rules.items:
        raw = getattr(answers, item.id)
        if raw is None:
            missing.append(item.id)
        elif item.id == "bothersomeness":
            points[item.id] = 1 if raw.value in rules.bothersomeness_scoring_one else 0
        else:
            points[item.id] = 1 if raw else 0
    if missing:
        return StartBackResult(
            complete=False, missing=missing, note=rules.note, licence=rules.licence, citation=citation
        )
    total = sum(points.values())
    subscale = sum(points[item.id] for item in rules.items if item.psychosocial)
    if subscale >= rules.high_risk_min_subscale:
        group = "high"
    elif total <= rules.low_risk_max_total:
        group = "low"
    else:
        group = "medium"
    return StartBackResult(
        complete=True,
        total=total,
        psychosocial_subscale=subscale,
        risk_group=group,
        note=rules.note,
        licence=rules.licence,
        citation=citation,
    )
