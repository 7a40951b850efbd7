"""Editions: the list and publishing, one edition (current permalink and older ones), diffs and PDFs."""

from datetime import date
from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language

from gradeline.content.pack import cached_pack
from gradeline.evidence.data import Lang
from gradeline.evidence.fmt import certainty_name, certainty_symbols
from gradeline.model import Certainty
from gradeline.web.accounts.roles import Role, has_role, role_required
from gradeline.web.editions import publishing
from gradeline.web.editions.diff import diff_snapshots
from gradeline.web.editions.forms import PublishForm
from gradeline.web.editions.models import Edition

KINDS = {"retningslinje.pdf": "guideline", "hurtigguide.pdf": "quickguide"}


def _initial_status() -> dict[str, object]:
    status = cached_pack().status
    return {
        "status_value": status.value.value,
        "status_label": status.label,
        "status_since": date(status.since_year, 1, 1) if status.since_year else None,
        "status_note": status.note,
    }


def editions(request: HttpRequest) -> HttpResponse:
    """All editions, newest first; editors publish the current pack from here."""
    can_publish = has_role(request.user, Role.EDITOR)
    form = PublishForm(initial={"kind": "minor", **_initial_status()}) if can_publish else None
    return render(
        request,
        "editions/list.html",
        {
            "editions": Edition.objects.of_active(),
            "form": form,
            "next_minor": publishing.next_number("minor"),
        },
    )


@role_required(Role.EDITOR)
def publish(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("editions"))
    form = PublishForm(request.POST)
    if not form.is_valid():
        return render(
            request, "editions/list.html", {"editions": Edition.objects.of_active(), "form": form}, status=400
        )
    data = form.cleaned_data
    status = {
        "value": data["status_value"],
        "label": data["status_label"],
        "since": data["status_since"],
        "note": data["status_note"],
    }
    edition = publishing.publish(request.user, data["kind"], data["comment"], status=status)
    return HttpResponseRedirect(reverse("edition", args=[edition.major, edition.minor]))


def _edition_page(request: HttpRequest, edition: Edition, permalink: bool) -> HttpResponse:
    g = edition.guideline()
    statuses = publishing.statuses(edition)
    lang: Lang = "en" if get_language() == "en" else "da"
    rows = []
    for rec in g.recommendations:
        c = Certainty(rec.overall_certainty) if rec.overall_certainty else None
        rows.append(
            {
                "rec": rec,
                "level": g.strength_level(rec),
                "certainty": f"{certainty_symbols(c)} {certainty_name(c, lang)}" if c else "—",
                "review": statuses[rec.id],
            }
        )
    previous = publishing.previous_of(edition)
    return render(
        request,
        "editions/edition.html",
        {"edition": edition, "g": g, "rows": rows, "previous": previous, "permalink": permalink,
         "is_current": publishing.current() == edition},
    )  # fmt: skip


def current(request: HttpRequest) -> HttpResponse:
    """The stable permalink: always the newest edition."""
    edition = publishing.current()
    if edition is None:
        return render(
            request, "editions/none.html", {"statuses": publishing.pack_statuses(), "g": cached_pack()}
        )
    return _edition_page(request, edition, permalink=True)


def edition(request: HttpRequest, major: int, minor: int) -> HttpResponse:
    return _edition_page(
        request, get_object_or_404(Edition.objects.of_active(), major=major, minor=minor), permalink=False
    )


def _pdf(path: Path, filename: str) -> FileResponse:
    """A stored PDF streamed from disk."""
    response = FileResponse(path.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def edition_document(request: HttpRequest, major: int, minor: int, document: str) -> FileResponse:
    if document not in KINDS:
        raise Http404(document)
    found = get_object_or_404(Edition.objects.of_active(), major=major, minor=minor)
    return _pdf(
        publishing.edition_pdf(found, KINDS[document]), f"{found.snapshot['id']}-{found.number}-{document}"
    )


def current_document(request: HttpRequest, document: str) -> FileResponse:
    """The current edition's document; before the first edition, the pack's (marked unpublished)."""
    if document not in KINDS:
        raise Http404(document)
    found = publishing.current()
    if found is None:
        return _pdf(publishing.pack_pdf(KINDS[document]), document)
    return _pdf(
        publishing.edition_pdf(found, KINDS[document]), f"{found.snapshot['id']}-{found.number}-{document}"
    )


def compare(request: HttpRequest, old: str, new: str) -> HttpResponse:
    """What changed from edition ``old`` to edition ``new`` (numbers as 'major.minor')."""

    def get(number: str) -> Edition:
        try:
            major, minor = (int(part) for part in number.split("."))
        except ValueError:
            raise Http404(number) from None
        return get_object_or_404(Edition.objects.of_active(), major=major, minor=minor)

    a, b = get(old), get(new)
    return render(
        request, "editions/diff.html", {"a": a, "b": b, "diff": diff_snapshots(a.snapshot, b.snapshot)}
    )
