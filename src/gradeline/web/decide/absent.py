"""A guideline without decision rules (no ``decide/`` folder) says so where decision support would be."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gradeline.content.packs import active_pack
from gradeline.web.api import json_response
from gradeline.web.api_errors import error_body
from gradeline.web.guidelines.catalogue import has_decision_rules

PAGES = "/beslutningsstoette/"
API = ("/api/plan",)


def without_rules(request: HttpRequest) -> HttpResponse | None:
    """A 404 that explains it, for decision-support pages and API calls of a guideline without rules."""
    path = request.path_info
    wanted_api = any(path == p or path.startswith(p + "/") for p in API)
    if not (wanted_api or path.startswith(PAGES)) or has_decision_rules(active_pack()):
        return None
    message = _("Denne retningslinje har ingen beslutningsregler, så den har ingen beslutningsstøtte.")
    if wanted_api:
        detail = (
            "This guideline has no decision rules, so it has no decision support (no plan, no questions)."
        )
        problem = {"loc": ["path"], "msg": "the guideline has no decide/ folder", "type": "not_found"}
        return json_response(error_body(detail, [problem]), status=404)
    context = {"heading": _("Beslutningsstøtte"), "message": message}
    return render(request, "gradeline/absent.html", context, status=404)
