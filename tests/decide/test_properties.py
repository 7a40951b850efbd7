"""Property tests: any answers give a plan with a scope verdict; red flags never lower triage."""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradeline.content.pack import DEFAULT_PACK, cached_pack
from gradeline.decide import PatientContext, make_plan
from gradeline.decide.context import TRI_FIELDS, Bothersomeness, Sex, StartBackAnswers, Tri, WorkStatus
from gradeline.decide.plan import ScopeVerdict, TriageLevel
from gradeline.decide.rules import load_rules

GUIDELINE = cached_pack()
RULES = load_rules(DEFAULT_PACK)
ASKED = [item.id for _, item in RULES.red_flags.items() if item.derive is None]
tri = st.sampled_from(list(Tri))
maybe_bool = st.one_of(st.none(), st.booleans())

startback = st.builds(
    StartBackAnswers,
    referred_leg_pain=maybe_bool,
    comorbid_shoulder_or_neck_pain=maybe_bool,
    walks_only_short_distances=maybe_bool,
    dresses_more_slowly=maybe_bool,
    fear_not_safe_to_be_active=maybe_bool,
    anxiety_worrying_thoughts=maybe_bool,
    catastrophising_terrible_never_better=maybe_bool,
    depression_not_enjoying_things=maybe_bool,
    bothersomeness=st.one_of(st.none(), st.sampled_from(list(Bothersomeness))),
)


@st.composite
def contexts(draw: st.DrawFn) -> PatientContext:
    answers: dict[str, Any] = {name: draw(tri) for name in TRI_FIELDS}
    answers["age_years"] = draw(st.one_of(st.none(), st.integers(0, 130)))
    answers["sex"] = draw(st.sampled_from(list(Sex)))
    answers["work_status"] = draw(st.sampled_from(list(WorkStatus)))
    answers["pain_nrs"] = draw(st.one_of(st.none(), st.integers(0, 10)))
    if draw(st.booleans()):
        answers["duration_days"] = draw(st.one_of(st.none(), st.integers(0, 36500)))
    else:
        answers["duration_weeks"] = draw(st.one_of(st.none(), st.integers(0, 5200)))
    answers["red_flags"] = draw(st.dictionaries(st.sampled_from(ASKED), tri))
    answers["other_red_flags"] = draw(tri)
    answers["startback"] = draw(st.one_of(st.none(), startback))
    return PatientContext.model_validate(answers)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(contexts())
def test_any_answers_give_a_complete_plan(context: PatientContext) -> None:
    plan = make_plan(context, GUIDELINE, RULES)
    statuses = {r.status.value for r in plan.scope.reasons}
    # The verdict follows the gates: one unmet gate puts the patient outside, an unanswered one leaves it
    # open.
    if "not_met" in statuses:
        assert plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE
    elif "unknown" in statuses:
        assert plan.scope.verdict is ScopeVerdict.BORDERLINE
    else:
        assert plan.scope.verdict is ScopeVerdict.IN_SCOPE
    # The guideline covers patients aged 16 or more with pain for at most 12 weeks (84 days).
    if context.age_years is not None and context.age_years < 16:
        assert plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE
    if (context.duration_days or 0) > 84 or (context.duration_weeks or 0) > 12:
        assert plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE
    if context.age_years is None or (context.duration_days is None and context.duration_weeks is None):
        assert plan.scope.verdict is not ScopeVerdict.IN_SCOPE
    assert plan.scope.reasons and plan.scope.label
    assert len(plan.recommendations) == 10
    assert "IKKE GÆLDENDE" in plan.status_notice and plan.clinician_decides
    assert plan.journal_note and plan.trace
    if plan.scope.verdict is ScopeVerdict.OUT_OF_SCOPE:
        assert plan.scope.refer_to
    if plan.scope.verdict is ScopeVerdict.IN_SCOPE:
        assert all(r.status.value == "met" for r in plan.scope.reasons)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(contexts(), st.sampled_from(ASKED))
def test_adding_a_red_flag_never_lowers_triage(context: PatientContext, item_id: str) -> None:
    before = make_plan(context, GUIDELINE, RULES)
    flagged = context.model_copy(update={"red_flags": {**context.red_flags, item_id: Tri.YES}})
    after = make_plan(flagged, GUIDELINE, RULES)
    assert after.triage.level.rank >= before.triage.level.rank
    # ...and a work-up or emergency item always takes the patient out of the guideline's scope.
    if after.triage.level in (TriageLevel.WORK_UP, TriageLevel.EMERGENCY):
        assert after.scope.verdict is ScopeVerdict.OUT_OF_SCOPE


@settings(max_examples=300, deadline=None)
@given(contexts())
def test_routine_only_when_every_red_flag_is_answered(context: PatientContext) -> None:
    plan = make_plan(context, GUIDELINE, RULES)
    unanswered = [f for f in plan.triage.not_assessed if f.level != "note"]
    if unanswered and not plan.triage.findings:
        assert plan.triage.level is TriageLevel.NOT_ASSESSED
    if plan.triage.level is TriageLevel.ROUTINE:
        assert not unanswered and not plan.triage.findings


@settings(max_examples=200, deadline=None)
@given(contexts())
def test_unknown_never_reads_as_no(context: PatientContext) -> None:
    """Turning every 'no' red-flag answer to 'unknown' never makes the scope verdict more certain."""
    plan = make_plan(context, GUIDELINE, RULES)
    vague = context.model_copy(
        update={
            "red_flags": {k: (Tri.UNKNOWN if v is Tri.NO else v) for k, v in context.red_flags.items()},
            "other_red_flags": Tri.UNKNOWN if context.other_red_flags is Tri.NO else context.other_red_flags,
        }
    )
    if plan.scope.verdict is not ScopeVerdict.IN_SCOPE:
        assert make_plan(vague, GUIDELINE, RULES).scope.verdict is not ScopeVerdict.IN_SCOPE
    elif vague != context:
        assert make_plan(vague, GUIDELINE, RULES).scope.verdict is ScopeVerdict.BORDERLINE
