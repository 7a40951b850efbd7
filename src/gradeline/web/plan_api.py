"""``POST /api/plan``: a patient context (JSON) in, the decision-support plan out (on the read API).

Bad input answers 422 with field-level messages (django-ninja's ``{"detail": [{"loc", "msg", "type"}]}``).
"""

from django.http import HttpRequest, HttpResponse
from ninja import Schema

from gradeline.content.pack import cached_pack
from gradeline.decide import ContextError, PatientContext, Plan, make_plan
from gradeline.decide.render import plan_to_dict
from gradeline.web.api import Message, api, json_response
from gradeline.web.limits import over_limit, too_many
from gradeline.web.plan_form import rules

DESCRIPTION = (
    "Make the decision-support plan for one patient. The body holds the patient context's answers; every "
    "yes/no answer is `yes`, `no` or `unknown` (JSON `true`/`false`/`null` are read as yes/no/unknown) "
    "and an "
    "omitted answer is `unknown`, never `no`. The plan has the scope verdict with reasons, triage with the "
    "findings and their sources, per recommendation the action with strength label, colour and icon and the "
    "practical advice that applies, what to tell the patient, a Danish journal note and the explanation "
    "trace. "
    "The guideline is not in force (`guideline_status`); the clinician decides."
)


class FieldProblem(Schema):
    """One problem with the input: where (``loc``) and what (``msg``)."""

    loc: list[str | int]
    msg: str
    type: str


class Problems(Schema):
    """Field-level messages for bad input."""

    detail: list[FieldProblem]


@api.post(
    "/plan",
    response={200: Plan, 400: Message, 422: Problems, 429: Message},
    summary="Decision-support plan for a patient",
    description=DESCRIPTION,
    tags=["decide"],
)
def post_plan(request: HttpRequest, context: PatientContext) -> HttpResponse:
    if over_limit(request, "plan"):
        return too_many(request, "plan")
    try:
        plan = make_plan(context, cached_pack(), rules())
    except ContextError as exc:
        field, _, msg = str(exc).partition(": ")
        problem = {"loc": ["body", "context", field], "msg": msg or str(exc), "type": "value_error"}
        return json_response({"detail": [problem]}, status=422)
    return json_response(plan_to_dict(plan))
