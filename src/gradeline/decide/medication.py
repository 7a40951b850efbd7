"""Medication safety: the cautions for a medicine whose advice applies or is asked, from the pack's
``medication.yaml``. A caution that holds changes the advice to avoid/caution with its reason; an unknown
answer stays a question to ask -- never a silent yes."""

from collections.abc import Mapping

from gradeline.decide.citing import cite
from gradeline.decide.conditions import FactValue
from gradeline.decide.plan import CautionPlan, CautionStatus
from gradeline.decide.rules import Rules


def medication_cautions(
    rules: Rules, recommendation_id: str, facts: Mapping[str, FactValue]
) -> list[CautionPlan]:
    """The guideline's general caution, then each caution that holds (avoid first) or is unanswered."""
    medicine = next((m for m in rules.medication.medicines if m.recommendation == recommendation_id), None)
    if medicine is None:
        return []
    found: list[CautionPlan] = []
    for caution in medicine.cautions:
        truth = caution.when.evaluate(facts)
        if truth is False:
            continue
        if truth is None:
            status, text = CautionStatus.ASK, caution.question
        else:
            status, text = CautionStatus(caution.level.value), caution.reason
        found.append(
            CautionPlan(
                id=caution.id, status=status, text=text.da, text_en=text.en, citation=cite(caution.source)
            )
        )
    order = [CautionStatus.AVOID, CautionStatus.CAUTION, CautionStatus.ASK]
    found.sort(key=lambda c: order.index(c.status))
    general = CautionPlan(
        id="general",
        status=CautionStatus.GENERAL,
        text=medicine.general.da,
        text_en=medicine.general.en,
        citation=cite(medicine.general_source, recommendation_id),
    )
    return [*found, general]
