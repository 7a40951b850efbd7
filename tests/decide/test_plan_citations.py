"""Each statement the plan makes carries the guideline text it rests on: what the patient is told quotes the
recommendation's practical advice (chapter and recommendation named), and a medicine's own caution cites its
chapter."""

from gradeline.decide import Rules, make_plan
from gradeline.decide.plan import Citation
from gradeline.model import Guideline
from tests.decide.conftest import context_of

WANTS_MEDICINE = {"base": "screened", "severe_pain_acute_phase": "yes", "wants_medication": "yes"}


def test_what_the_patient_is_told_quotes_the_practical_advice(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of(WANTS_MEDICINE), guideline, rules)
    told = {item.topic: item for item in plan.tell_patient}
    medicine = told["Smertestillende medicin"]
    quote = (
        "Varighed af behandlingen bør aftales i dialog med patienten, der også bør informeres om den "
        "forventede "
        "effekt, skadevirkninger og andre behandlingsmuligheder."
    )
    assert medicine.text == quote
    assert medicine.citation == Citation(
        section="10 (praktiske råd)", recommendation_id="paracetamol", quote=quote
    )
    assert told["Det naturlige forløb"].citation == Citation(
        section="2",
        quote="Hos personer med nyopståede lænderygsmerter falder smerteintensiteten i gennemsnit over de "
        "første 6-12 uger, uanset hvilken behandling patienterne modtager (3,4)",
    )


def test_a_medicines_own_caution_cites_its_chapter(guideline: Guideline, rules: Rules) -> None:
    plan = make_plan(context_of(WANTS_MEDICINE), guideline, rules)
    nsaid = next(r for r in plan.recommendations if r.id == "nsaid")
    general = nsaid.cautions[-1]
    assert general.id == "general"
    assert general.citation == Citation(
        section="12",
        recommendation_id="nsaid",
        quote="Bivirkningsprofilen er udtalt i udsatte grupper, f.eks. ældre og patienter med kendt "
        "hjertekarsygdom.",
    )
