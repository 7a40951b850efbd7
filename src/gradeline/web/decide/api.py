"""``POST /api/plan`` (a patient context in, the decision-support plan out) and ``GET /api/plan/questions``
(the question catalogue). Every 4xx has the API's one error shape (``gradeline.web.api_errors``)."""

from django.http import HttpRequest, HttpResponse

from gradeline.decide import ContextError, PatientContext, Plan
from gradeline.decide.render import plan_to_dict
from gradeline.web.api import api, json_response
from gradeline.web.api_errors import ApiError, error_body
from gradeline.web.decide.catalogue import Catalogue, catalogue
from gradeline.web.decide.plans import plan_for
from gradeline.web.limits import over_limit, too_many

DESCRIPTION = " ".join(
    [
        "Make the decision-support plan for one patient.",
        "The body holds the patient context's answers (`GET /api/plan/questions` lists every id, type and",
        "allowed value). Every yes/no answer is `yes`, `no` or `unknown` (JSON `true`/`false`/`null`);",
        "an omitted answer is `unknown`, never `no`. Give the duration in days **or** weeks, not both,",
        "and the age in years **or** the date of birth, not both.",
        "`{}` is a valid body: everything unknown, triage `not_assessed`.",
        "The plan has the scope verdict (Danish and English labels) with reasons; triage (`routine` only",
        "when every red-flag item is answered, `not_assessed`, `work_up`, `emergency`) with its time frame",
        "and findings; per recommendation `strength`, `direction`, the action, the practical advice and the",
        "medication cautions that apply; follow-up; a one-screen summary; what to tell the patient; journal",
        "notes in Danish and English; and the explanation trace.",
        "The guideline is not in force (`guideline_status`); the clinician decides.",
        "Errors: `400` for a body that is not JSON, `422` for answers that do not fit, both as",
        "`{detail, errors: [{loc, msg, type}]}`.",
    ]
)


@api.post(
    "/plan",
    response={200: Plan, 400: ApiError, 422: ApiError, 429: ApiError},
    summary="Decision-support plan for a patient",
    description=DESCRIPTION,
    tags=["decide"],
)
def post_plan(request: HttpRequest, context: PatientContext) -> HttpResponse:
    if over_limit(request, "plan"):
        return too_many(request, "plan")
    try:
        plan = plan_for(context)
    except ContextError as exc:
        field, _, msg = str(exc).partition(": ")
        key = msg.split("'")[1] if msg.count("'") >= 2 else None
        loc = ["body", field, *([key] if key else [])]
        problem = {"loc": loc, "msg": msg or str(exc), "type": "value_error"}
        detail = f"{field}: {msg}. Every question, its type and allowed values: GET /api/plan/questions."
        return json_response(error_body(detail, [problem]), status=422)
    return json_response(plan_to_dict(plan))


@api.get(
    "/plan/questions",
    response=Catalogue,
    summary="Every question of the decision support",
    description="Each patient-context field with its type, allowed values and labels (Danish, English); "
    "the red-flag items by group with their levels and time frames; the combinations that escalate; the "
    "triage levels; and the input rules (e.g. days or weeks, not both).",
    tags=["decide"],
)
def get_questions(request: HttpRequest) -> HttpResponse:
    return json_response(catalogue())
