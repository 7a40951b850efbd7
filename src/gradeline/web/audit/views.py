"""The audit log for editors, on a page and as CSV."""

import csv

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gradeline.web.accounts.roles import Role, role_required
from gradeline.web.audit.models import Action, AuditEntry

PAGE_SIZE = 500


def _entries(request: HttpRequest) -> tuple[QuerySet[AuditEntry], str]:
    entries = AuditEntry.objects.all()
    action = request.GET.get("handling", "")
    if action in Action.values:
        entries = entries.filter(action=action)
    return entries, action


@role_required(Role.EDITOR)
def audit_log(request: HttpRequest) -> HttpResponse:
    entries, action = _entries(request)
    return render(
        request,
        "audit/log.html",
        {"entries": entries[:PAGE_SIZE], "actions": Action.choices, "action": action, "limit": PAGE_SIZE},
    )


@role_required(Role.EDITOR)
def audit_csv(request: HttpRequest) -> HttpResponse:
    entries, _ = _entries(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gradeline-audit.csv"'
    writer = csv.writer(response)
    writer.writerow(["time", "actor", "action", "target", "detail"])
    for e in entries.iterator():
        writer.writerow(
            [_safe(str(cell)) for cell in (e.at.isoformat(), e.actor_name, e.action, e.target, e.detail)]
        )
    return response


def _safe(cell: str) -> str:
    """Neutralise spreadsheet formulas in any cell (CSV injection), also behind leading tabs or returns."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
