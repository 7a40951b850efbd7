"""Decision support at /beslutningsstoette/: the one-page form with the plan beside it, and the patient
handout (HTML and PDF from the same template). The plan is ``gradeline.decide.make_plan``'s, unchanged."""

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from gradeline.content.pack import cached_pack
from gradeline.decide import Plan
from gradeline.evidence.data import Lang
from gradeline.web.context import localizer
from gradeline.web.decide.form import (
    AGE,
    DURATION,
    OTHER_FLAGS,
    TRI_LABELS,
    ParsedForm,
    all_groups,
    parse,
    quick_bulks,
    rules,
)
from gradeline.web.decide.handout import handout_context, wording
from gradeline.web.decide.plans import plan_for
from gradeline.web.decide.texts import UI
from gradeline.web.evidence_rows import language
from gradeline.web.pages import StrengthView, strength_view


def _strengths(request: HttpRequest, plan: Plan) -> dict[str, StrengthView]:
    g, t = cached_pack(), localizer(request)
    by_id = {r.id: r for r in g.recommendations}
    return {
        p.id: strength_view(g.strength_level(by_id[p.id]), t, by_id[p.id].label)
        for p in plan.recommendations
        if p.id in by_id
    }


def _form_page(
    request: HttpRequest, form: ParsedForm | None, plan: Plan | None, status: int = 200
) -> HttpResponse:
    lang: Lang = language(request.LANGUAGE_CODE)
    main, flags, startback = all_groups(lang)
    context: dict[str, Any] = {
        "ui": UI[lang],
        "lang": lang,
        "main_groups": main,
        "flag_groups": flags,
        "startback": startback,
        "age": AGE,
        "duration": DURATION,
        "quick": quick_bulks(rules()),
        "autofocus": form is None,
        "other_flags": OTHER_FLAGS,
        "tri_labels": TRI_LABELS[lang],
        "values": form.values if form else {},
        "errors": form.errors if form else {},
        "plan": plan,
        "strengths": _strengths(request, plan) if plan else {},
        "caveat": rules().red_flags.caveat,
    }
    return render(request, "decide/form.html", context, status=status)


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest) -> HttpResponse:
    """GET: the empty form. POST: the form as typed, with the plan beside it or inline messages (400)."""
    if request.method == "GET":
        return _form_page(request, None, None)
    form = parse(request.POST, language(request.LANGUAGE_CODE))
    if form.context is None:
        return _form_page(request, form, None, status=400)
    plan = plan_for(form.context)
    return _form_page(request, form, plan)


def _handout_plan(request: HttpRequest) -> tuple[ParsedForm, Plan | None]:
    form = parse(request.POST, language(request.LANGUAGE_CODE))
    plan = plan_for(form.context) if form.context is not None else None
    return form, plan


@require_http_methods(["GET", "POST"])
def handout(request: HttpRequest) -> HttpResponse:
    """The patient handout in plain Danish as HTML (posted from the plan; GET goes back to the form)."""
    if request.method == "GET":
        return HttpResponseRedirect(reverse("decide"))
    form, plan = _handout_plan(request)
    if plan is None:
        return _form_page(request, form, None, status=400)
    return render(
        request, "decide/handout.html", handout_context(plan, pdf=False, lang=language(request.LANGUAGE_CODE))
    )


@require_http_methods(["GET", "POST"])
def handout_pdf(request: HttpRequest) -> HttpResponse:
    """The same handout as an A4 PDF (WeasyPrint, same template)."""
    if request.method == "GET":
        return HttpResponseRedirect(reverse("decide"))
    form, plan = _handout_plan(request)
    if plan is None:
        return _form_page(request, form, None, status=400)
    from weasyprint import HTML  # type: ignore[import-untyped]  # loads Pango and fonts late

    html = render_to_string(
        "decide/handout.html",
        handout_context(plan, pdf=True, lang=language(request.LANGUAGE_CODE)),
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{wording().pdf_filename}"'
    return response
