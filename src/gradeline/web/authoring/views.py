"""Editor pages: drafts, the guideline and its scope, recommendations, evidence rows, glossary, publishing."""

import io
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gradeline.content.dump import load_yaml_text
from gradeline.content.packs import available_packs
from gradeline.evidence.data import Lang
from gradeline.model import GuidelineStatus
from gradeline.web.accounts.roles import Role, role_required
from gradeline.web.authoring import convert, preview, store
from gradeline.web.authoring.checks import DraftCheck, Note, check_draft, check_folder, place
from gradeline.web.authoring.forms import (
    DIRECTION_LABELS,
    STATUS_LABELS,
    STRENGTH_LABELS,
    CreateForm,
    FileForm,
    GlossaryForm,
    GuidelineForm,
    ImportForm,
    OutcomeForm,
    PublishDraftForm,
    RecommendationForm,
    ScopeForm,
)
from gradeline.web.authoring.models import Draft, DraftDocument
from gradeline.web.authoring.publishing import PublishRefused, publish_draft

editor = role_required(Role.EDITOR)


def _draft(slug: str) -> Draft:
    return get_object_or_404(Draft, slug=slug)


def _conflict(form: Any, conflict: store.Conflict) -> dict[str, Any]:
    """Tell the editor who saved since; their own input stays in the form, now based on the newer version."""
    when = conflict.at.strftime("%Y-%m-%d %H:%M")
    form.add_error(
        None,
        _(
            "%(who)s gemte en nyere version (%(version)s) kl. %(when)s, mens du redigerede. Dine "
            "ændringer er ikke gemt. Sammenlign med deres version nedenfor; gem igen for at erstatte den "
            "med din."
        )
        % {"who": conflict.by, "version": conflict.their_version, "when": when},
    )
    data = form.data.copy()
    data["version"] = str(conflict.their_version)
    form.data = data
    return {"conflict": conflict}


@editor
def drafts(request: HttpRequest) -> HttpResponse:
    packs = list(available_packs())
    create, importer = CreateForm(packs=packs), ImportForm(packs=packs)
    if request.method == "POST" and request.POST.get("action") == "import":
        importer = ImportForm(request.POST, packs=packs)
        if importer.is_valid():
            slug = importer.cleaned_data["slug"]
            if Draft.objects.filter(slug=slug).exists():
                importer.add_error("slug", _("Der findes allerede et udkast med dette kortnavn."))
            else:
                try:
                    store.import_pack(available_packs()[importer.cleaned_data["pack"]], slug, request.user)
                    return HttpResponseRedirect(reverse("authoring_draft", args=[slug]))
                except UnicodeDecodeError as exc:
                    importer.add_error(
                        "pack", _("En fil i pakken er ikke UTF-8-tekst: %(error)s") % {"error": exc}
                    )
    elif request.method == "POST":
        create = CreateForm(request.POST, packs=packs)
        if create.is_valid():
            created = _create(request, create.cleaned_data)
            if created is not None:
                return HttpResponseRedirect(reverse("authoring_draft", args=[created.slug]))
            create.add_error("slug", _("Der findes allerede et udkast med dette kortnavn."))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "authoring/drafts.html",
        {"drafts": Draft.objects.all(), "create": create, "importer": importer},
        status=status,
    )


def _create(request: HttpRequest, data: dict[str, Any]) -> Draft | None:
    """A new draft with its guideline.yaml (id, title, language, status, and copied strength levels)."""
    levels: list[Any] = []
    if data["levels_from"]:
        source = load_yaml_text((available_packs()[data["levels_from"]] / "guideline.yaml").read_text())
        levels = source.get("strength_levels") or []
    status = GuidelineStatus(data["status"])
    guideline = {
        "id": data["slug"],
        "title": data["title"],
        "language": data["language"],
        "status": {"value": status.value, "label": str(STATUS_LABELS.get(status, status.value))},
        "strength_levels": levels,
    }
    try:
        with transaction.atomic():
            draft = Draft.objects.create(slug=data["slug"], created_by=store.signed_in(request.user))
            store.save(draft, store.GUIDELINE, guideline, None, request.user, "create")
    except IntegrityError:
        return None
    return draft


GUIDELINE_ALIASES = {
    "status.value": "status_value",
    "status.label": "status_label",
    "status.note": "status_note",
    "status.source": "status_source",
    "status": "status_value",
    "version": "version_label",
}
REC_ALIASES = {
    **{f"pico.{k}": k for k in convert.PICO},
    "pico": "population",
    **{f"key_info.{k}": f for k, f in convert.KEY_INFO.items()},
}
ROW_ALIASES = {
    "effect.point": "point",
    "effect.ci_first": "ci_low",
    "effect.ci_second": "ci_high",
    "effect.text": "effect_text",
    "effect.measure": "measure",
    "effect": "point",
    "scale": "scale_min",
    "comparator": "comparator_value",
}


def _relative(notes: list[Note], prefix: str) -> list[Note]:
    return [replace(n, field=n.field[len(prefix) :]) if n.field.startswith(prefix) else n for n in notes]


def _notes_for(page: str, check: DraftCheck, context: dict[str, Any]) -> list[Note]:
    """The notes that belong on a page, with field paths relative to what its form edits."""
    if page == "guideline":
        return [
            n for n in check.notes if n.file in ("guideline.yaml", "") and not n.field.startswith("scope")
        ]
    if page == "scope":
        return _relative(
            [n for n in check.notes if n.file == "guideline.yaml" and n.field.startswith("scope")], "scope."
        )
    if page == "files":
        return [n for n in check.notes if n.file and n.file == context.get("path")]
    if page == "glossary":
        return [n for n in check.notes if n.file == "glossary.yaml" or n.field.startswith("glossary/")]
    path, rec_id = context.get("path"), context.get("rec_id")
    own = [n for n in check.notes if n.file == path]
    linted = [n for n in check.notes if n.file == f"rec:{rec_id}"]
    if page == "recommendation":
        return [n for n in own if not n.field.startswith("outcomes")] + _relative(
            [n for n in linted if n.field.count("/") == 1], f"{rec_id}/"
        )
    index, outcome_id = context.get("index"), context.get("outcome_id")
    return _relative([n for n in own if n.field.startswith(f"outcomes.{index}.")], f"outcomes.{index}.") + (
        _relative(
            [n for n in linted if n.field.startswith(f"{rec_id}/{outcome_id}/")], f"{rec_id}/{outcome_id}/"
        )
    )


def _linked(draft: Draft, check: DraftCheck) -> list[tuple[Note, str]]:
    """Every note with the address of the page where it is shown next to its field."""
    by_path = {doc.path: data.get("id") for doc, data in _recommendations(draft)}
    linked = []
    for note in check.notes:
        rec_id = note.file[4:] if note.file.startswith("rec:") else by_path.get(note.file)
        if rec_id:
            url = reverse("authoring_rec", args=[draft.slug, rec_id])
        elif note.file == "guideline.yaml" and note.field.startswith("scope"):
            url = reverse("authoring_scope", args=[draft.slug])
        elif note.file == "glossary.yaml" or note.field.startswith("glossary/"):
            url = reverse("authoring_glossary", args=[draft.slug])
        else:
            url = reverse("authoring_draft", args=[draft.slug]) + "#h-guideline"
        linked.append((note, url))
    return linked


def _page(
    request: HttpRequest,
    page: str,
    draft: Draft,
    context: dict[str, Any],
    status: int = 200,
    check: DraftCheck | None = None,
) -> HttpResponse:
    """Render an editor page with the loader's and linter's notes placed next to the fields they name."""
    check = check or check_draft(draft)
    aliases = {"guideline": GUIDELINE_ALIASES, "recommendation": REC_ALIASES, "outcome": ROW_ALIASES}.get(
        page
    )
    placed = place(_notes_for(page, check, context), context["form"], "", aliases)
    if page == "guideline":
        context = {**context, "linked": _linked(draft, check)}
    return render(
        request,
        f"authoring/{page}.html",
        {"draft": draft, "check": check, "placed": placed, **context},
        status=status,
    )


def _recommendations(draft: Draft) -> list[tuple[DraftDocument, dict[str, Any]]]:
    docs = draft.documents.filter(path__startswith="recommendations/").order_by("path")
    return [(doc, store.data_of(doc, {})) for doc in docs]


def _rec_doc(draft: Draft, rec_id: str) -> tuple[DraftDocument, dict[str, Any]]:
    for doc, data in _recommendations(draft):
        if data.get("id") == rec_id:
            return doc, data
    raise Http404(rec_id)


@editor
def draft_home(request: HttpRequest, slug: str) -> HttpResponse:
    """The guideline's own fields; links to everything else; the linter's findings; publish and export."""
    draft = _draft(slug)
    doc = store.read(draft, store.GUIDELINE)
    data = store.data_of(doc, {})
    form = GuidelineForm(initial={**convert.guideline_initial(data), "version": doc.version if doc else 0})
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = GuidelineForm(request.POST)
        if form.is_valid():
            new = convert.guideline_data(data, form.cleaned_data)
            try:
                store.save(
                    draft, store.GUIDELINE, new, form.cleaned_data["version"], request.user, "guideline"
                )
                return HttpResponseRedirect(reverse("authoring_draft", args=[slug]) + "#gemt")
            except store.Conflict as conflict:
                extra = _conflict(form, conflict)
        status = 400
    recs = [_listed(data) for _doc, data in _recommendations(draft)]
    glossary = store.data_of(store.read(draft, store.GLOSSARY), [])
    context = {"form": form, "recs": recs, "glossary": glossary, "publish": PublishDraftForm(), **extra}
    return _page(request, "guideline", draft, context, status)


def _listed(rec: dict[str, Any]) -> dict[str, Any]:
    """A recommendation for the draft's list, with its strength and direction in words."""
    strength = next((label for s, label in STRENGTH_LABELS.items() if s.value == rec.get("strength")), None)
    direction = next(
        (label for d, label in DIRECTION_LABELS.items() if d.value == rec.get("direction")), None
    )
    return {
        **rec,
        "strength_label": strength or rec.get("strength"),
        "direction_label": direction or rec.get("direction"),
    }


@editor
def scope(request: HttpRequest, slug: str) -> HttpResponse:
    draft = _draft(slug)
    doc = store.read(draft, store.GUIDELINE)
    data = store.data_of(doc, {})
    form = ScopeForm(
        initial={**convert.scope_initial(data.get("scope") or {}), "version": doc.version if doc else 0}
    )
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = ScopeForm(request.POST)
        if form.is_valid():
            new = {**data, "scope": convert.scope_data(form.cleaned_data)}
            try:
                store.save(draft, store.GUIDELINE, new, form.cleaned_data["version"], request.user, "scope")
                return HttpResponseRedirect(reverse("authoring_scope", args=[slug]) + "#gemt")
            except store.Conflict as conflict:
                extra = _conflict(form, conflict)
        status = 400
    return _page(request, "scope", draft, {"form": form, **extra}, status)


def _language(draft: Draft) -> str:
    """The language the draft's texts are printed in (guideline.yaml; Danish when not given)."""
    return str(store.data_of(store.read(draft, store.GUIDELINE), {}).get("language") or "da")


def _rec_path(draft: Draft, doc: DraftDocument | None, rec_id: str) -> str:
    """A recommendation's file: its number prefix stays; a new one is numbered after the last."""
    if doc is not None:
        prefix = Path(doc.path).name.split("-", 1)[0]
    else:
        numbers = [Path(d.path).name.split("-", 1)[0] for d, _data in _recommendations(draft)]
        prefix = f"{max([int(n) for n in numbers if n.isdigit()], default=0) + 1:02d}"
    return f"recommendations/{prefix}-{rec_id}.yaml"


@editor
def recommendation(request: HttpRequest, slug: str, rec_id: str | None = None) -> HttpResponse:
    draft = _draft(slug)
    doc, data = _rec_doc(draft, rec_id) if rec_id else (None, {})
    version = doc.version if doc else 0
    form = RecommendationForm(initial={**convert.recommendation_initial(data), "version": version})
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = RecommendationForm(request.POST)
        if form.is_valid():
            new = convert.recommendation_data(data, form.cleaned_data)
            taken = [d for d in _recommendations(draft) if d[1].get("id") == new["id"] and d[0] != doc]
            if taken:
                form.add_error("id", _("En anden anbefaling har allerede dette id."))
            else:
                try:
                    _save_rec(draft, doc, new, form.cleaned_data["version"], request.user)
                    return HttpResponseRedirect(reverse("authoring_rec", args=[slug, new["id"]]) + "#gemt")
                except store.Conflict as conflict:
                    extra = _conflict(form, conflict)
        status = 400
    levels = store.data_of(store.read(draft, store.GUIDELINE), {}).get("strength_levels") or []
    context = {
        "form": form,
        "rec": data,
        "levels": levels,
        "rec_id": rec_id,
        "path": doc.path if doc else None,
        **extra,
    }
    return _page(request, "recommendation", draft, context, status)


@transaction.atomic
def _save_rec(draft: Draft, doc: DraftDocument | None, data: dict[str, Any], version: int, user: Any) -> None:
    """Save a recommendation file; a changed id or chapter renames the file (both checked for conflicts)."""
    path = _rec_path(draft, doc, data["id"])
    if doc is not None and doc.path != path:
        store.remove(draft, doc.path, version, user)
        store.save(draft, path, data, None, user, "recommendation")
        return
    store.save(draft, path, data, version if doc else None, user, "recommendation")


@editor
def outcome(request: HttpRequest, slug: str, rec_id: str, outcome_id: str | None = None) -> HttpResponse:
    draft = _draft(slug)
    doc, rec = _rec_doc(draft, rec_id)
    rows = list(rec.get("outcomes") or [])
    index = next((i for i, r in enumerate(rows) if r.get("id") == outcome_id), None)
    if outcome_id and index is None:
        raise Http404(outcome_id)
    row = rows[index] if index is not None else {}
    language = _language(draft)
    form = OutcomeForm(initial={**convert.outcome_initial(row, language), "version": doc.version})
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = OutcomeForm(request.POST)
        if form.is_valid():
            new = convert.outcome_data(form.cleaned_data, language)
            if any(r.get("id") == new["id"] for i, r in enumerate(rows) if i != index):
                form.add_error("id", _("En anden række i denne anbefaling har allerede dette id."))
            else:
                if index is None:
                    rows.append(new)
                else:
                    rows[index] = new
                try:
                    store.save(
                        draft,
                        doc.path,
                        {**rec, "outcomes": rows},
                        form.cleaned_data["version"],
                        request.user,
                        "evidence row",
                    )
                    target = reverse("authoring_outcome", args=[slug, rec_id, new["id"]])
                    return HttpResponseRedirect(target + "#gemt")
                except store.Conflict as conflict:
                    extra = _conflict(form, conflict)
        status = 400
    context = {
        "form": form,
        "rec": rec,
        "row": row,
        "outcome_id": outcome_id,
        "rec_id": rec_id,
        "path": doc.path,
        "index": index,
        **extra,
    }
    return _page(request, "outcome", draft, context, status)


@editor
def glossary(request: HttpRequest, slug: str) -> HttpResponse:
    draft = _draft(slug)
    doc = store.read(draft, store.GLOSSARY)
    entries = [e for e in store.data_of(doc, []) if isinstance(e, dict)]
    version = doc.version if doc else 0
    term = request.GET.get("begreb", "")
    found = next((e for e in entries if isinstance(e, dict) and e.get("term") == term), None)
    aliases = "; ".join((found or {}).get("aliases") or [])
    initial = {**(found or {}), "aliases": aliases, "original": term if found else "", "version": version}
    form = GlossaryForm(initial=initial)
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = GlossaryForm(request.POST)
        if form.is_valid():
            cleaned = form.cleaned_data
            original = cleaned["original"]
            entry = {
                **next((e for e in entries if e.get("term") == original), {}),
                "term": cleaned["term"],
                "definition": cleaned["definition"],
            }
            entry.pop("aliases", None)
            names = [a.strip() for a in cleaned["aliases"].split(";") if a.strip()]
            if names:
                entry["aliases"] = names
            others = [e for e in entries if e.get("term") != original]
            if any(e.get("term") == cleaned["term"] for e in others):
                form.add_error("term", _("Begrebet står allerede i ordlisten."))
            else:
                kept = (
                    [entry if e.get("term") == original else e for e in entries]
                    if original
                    else [*entries, entry]
                )
                try:
                    store.save(
                        draft,
                        store.GLOSSARY,
                        kept,
                        cleaned["version"] if doc else None,
                        request.user,
                        "glossary",
                    )
                    return HttpResponseRedirect(reverse("authoring_glossary", args=[slug]) + "#gemt")
                except store.Conflict as conflict:
                    extra = _conflict(form, conflict)
        status = 400
    return _page(request, "glossary", draft, {"form": form, "entries": entries, **extra}, status)


@editor
def files(request: HttpRequest, slug: str) -> HttpResponse:
    """Every file of the draft; any one (chapters, decision rules, evidence wording, groups) as text."""
    draft = _draft(slug)
    path = request.GET.get("fil", "")
    doc = store.read(draft, path) if path else None
    form = FileForm(
        initial={"path": path, "text": doc.text if doc else "", "version": doc.version if doc else 0}
    )
    extra: dict[str, Any] = {}
    status = 200
    if request.method == "POST":
        form = FileForm(request.POST)
        if form.is_valid():
            cleaned = form.cleaned_data
            existing = store.read(draft, cleaned["path"])
            text = cleaned["text"].replace("\r\n", "\n")
            text = text if text.endswith("\n") else text + "\n"
            version = cleaned["version"] if existing is not None and cleaned["version"] else None
            if existing is not None and version is None:
                form.add_error("path", _("Filen findes allerede; åbn den fra listen for at rette den."))
            else:
                try:
                    store.save_text(draft, cleaned["path"], text, version, request.user)
                    target = reverse("authoring_files", args=[slug]) + f"?fil={cleaned['path']}#gemt"
                    return HttpResponseRedirect(target)
                except store.Conflict as conflict:
                    extra = _conflict(form, conflict)
        status = 400
    context = {"form": form, "documents": draft.documents.all(), "path": path, **extra}
    return _page(request, "files", draft, context, status)


@editor
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    draft = _draft(slug)
    form = PublishDraftForm(request.POST)
    check = check_draft(draft)
    if form.is_valid():
        try:
            edition = publish_draft(
                draft, check, request.user, form.cleaned_data["kind"], form.cleaned_data["comment"]
            )
            return HttpResponseRedirect(reverse("edition", args=[edition.major, edition.minor]))
        except PublishRefused as refused:
            form.add_error(None, str(refused))
    doc = store.read(draft, store.GUIDELINE)
    data = store.data_of(doc, {})
    context = {
        "form": GuidelineForm(
            initial={**convert.guideline_initial(data), "version": doc.version if doc else 0}
        ),
        "recs": [_listed(d) for _doc, d in _recommendations(draft)],
        "glossary": store.data_of(store.read(draft, store.GLOSSARY), []),
        "publish": form,
    }
    return _page(request, "guideline", draft, context, 400, check)


@editor
def export(request: HttpRequest, slug: str) -> HttpResponse:
    """The draft as a zip of the pack's folder (YAML and Markdown files as stored)."""
    draft = _draft(slug)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in draft.documents.all():
            archive.writestr(f"{draft.slug}/{doc.path}", doc.text.encode("utf-8"))
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{draft.slug}.zip"'
    return response


@editor
@require_POST
def live(request: HttpRequest, slug: str) -> JsonResponse:
    """JSON for the editor's live hints: the wording check, or an evidence row's computed reading."""
    draft = _draft(slug)
    guideline = store.data_of(store.read(draft, store.GUIDELINE), {})
    # Computed texts in the pack's own language (the editor writes that text), else the page's language.
    written = str(guideline.get("language") or get_language() or "da")
    lang: Lang = "en" if written.startswith("en") else "da"
    if request.POST.get("kind") == "wording":
        strength, direction = request.POST.get("strength", ""), request.POST.get("direction", "")
        if not preview.valid_choice(strength, direction):
            return JsonResponse({"detail": _("Ukendt styrke eller retning."), "errors": []}, status=400)
        levels = guideline.get("strength_levels") or []
        return JsonResponse(preview.wording(levels, strength, direction, request.POST.get("text", "")))
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        errors = [
            {"loc": [name], "msg": str(msgs[0]), "type": "invalid"} for name, msgs in form.errors.items()
        ]
        return JsonResponse(
            {"detail": _("Rækken er ikke udfyldt korrekt endnu."), "errors": errors}, status=400
        )
    with tempfile.TemporaryDirectory(prefix="gradeline-live-") as tmp:
        folder = store.export_draft(draft, Path(tmp) / draft.slug)
        check = check_folder(folder)
        data = preview.evidence_data(folder)
    rec = None
    if check.guideline is not None:
        rec = next((r for r in check.guideline.recommendations if r.id == request.POST.get("rec_id")), None)
    reading = preview.row_reading(
        form.cleaned_data, str(guideline.get("language") or "da"), rec, check.guideline, data, lang
    )
    return JsonResponse(reading)
