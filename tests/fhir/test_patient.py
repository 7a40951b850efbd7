"""Patient FHIR -> facts, scope and decide PatientContext (unknown stays unknown)."""

import datetime as dt

from gradeline.cdshooks.valuesets import cached_terminology
from gradeline.decide.context import Tri
from gradeline.fhir.patient import Verdict, patient_facts, scope, to_patient_context
from gradeline.model import Guideline
from tests.cdshooks.examples import SNOMED, condition, patient

TODAY = dt.date(2024, 3, 1)


def test_in_scope_patient_maps_to_a_context_with_unknowns_left_unknown(guideline: Guideline) -> None:
    findings = [
        condition(SNOMED, "279039007", onset="2024-02-19"),
        condition(cached_terminology().red_flag_item_system, "fever", cid="f"),
    ]
    facts = patient_facts(patient("1979-04-12"), findings, cached_terminology(), TODAY)
    assert facts.age_years == 44
    assert scope(facts, guideline, TODAY).verdict is Verdict.IN_SCOPE
    context = to_patient_context(facts, TODAY)
    assert context.age_years == 44 and context.duration_days == 11
    assert context.pain_in_lumbar_region is Tri.YES
    assert context.red_flag("fever") is Tri.YES
    assert context.red_flag("unexplained_weight_loss") is Tri.UNKNOWN
    assert context.worried_or_fearful is Tri.UNKNOWN


def test_no_birth_date_makes_scope_unknown(guideline: Guideline) -> None:
    facts = patient_facts(None, [condition(SNOMED, "279039007")], cached_terminology(), TODAY)
    verdict = scope(facts, guideline, TODAY)
    assert verdict.verdict is Verdict.UNKNOWN and "alder ukendt" in " ".join(verdict.reasons).lower()
