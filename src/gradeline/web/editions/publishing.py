"""Publish the pack as a new edition, find editions, and render their documents."""

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language

from gradeline.content.export import guideline_json
from gradeline.content.pack import cached_pack
from gradeline.content.packs import active_pack
from gradeline.decide.rules import load_rules
from gradeline.evidence.data import Lang
from gradeline.model import Guideline
from gradeline.publish.key_messages import load_quickguide_data
from gradeline.publish.pdf import Stamp, default_stamp, render_guideline_pdf, render_quickguide_pdf
from gradeline.web.audit.log import record
from gradeline.web.audit.models import Action
from gradeline.web.editions.models import Edition
from gradeline.web.editions.review import ReviewStatus, review_statuses
from gradeline.web.editions.stored import stored
from gradeline.web.guidelines.catalogue import active_slug, has_decision_rules
from gradeline.web.packcache import per_pack


def current() -> Edition | None:
    """The newest published edition of the active guideline."""
    return Edition.objects.of_active().order_by("-major", "-minor").first()


def previous_of(edition: Edition) -> Edition | None:
    same = Edition.objects.filter(guideline_slug=edition.guideline_slug)
    earlier = same.filter(major__lt=edition.major) | same.filter(major=edition.major, minor__lt=edition.minor)
    return earlier.order_by("-major", "-minor").first()


def next_number(kind: str) -> tuple[int, int]:
    latest = current()
    if latest is None:
        return (1, 0)
    return (latest.major + 1, 0) if kind == "major" else (latest.major, latest.minor + 1)


def publish(
    user: Any,
    kind: str,
    comment: str,
    snapshot: dict[str, Any] | None = None,
    status: dict[str, Any] | None = None,
) -> Edition:
    """Store the pack (or ``snapshot``) as the next major or minor edition, and log it.

    ``status`` (value, label, since, note) is the guideline's status as of this edition; by default the
    pack's own status, dated 1 January of its ``since_year``.
    """
    data = snapshot if snapshot is not None else guideline_json(cached_pack())
    chosen = {**_snapshot_status(data), **(status or {})}
    for attempt in range(3):
        try:
            return _store(next_number(kind), user, comment, chosen, data)
        except IntegrityError:  # someone published the same number at the same moment
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _store(
    number: tuple[int, int], user: Any, comment: str, status: dict[str, Any], data: dict[str, Any]
) -> Edition:
    """Create one edition and its audit entry in one transaction (IntegrityError if the number is taken)."""
    with transaction.atomic():
        edition = Edition.objects.create(
            guideline_slug=active_slug(),
            major=number[0],
            minor=number[1],
            comment=comment,
            published_at=timezone.now(),
            published_by=user if user is not None and user.is_authenticated else None,
            status_value=status["value"],
            status_label=status["label"],
            status_since=status["since"],
            status_note=status["note"],
            snapshot=data,
        )
        record(
            user,
            Action.PUBLISH,
            f"udgave {edition.number}",
            comment=comment,
            status=status["value"],
            guideline=edition.guideline_slug,
        )
        return edition


def ensure_first_edition() -> Edition:
    """On first start, publish the shipped pack as edition 1.0, so editions and PDFs work out of the box.

    Idempotent and safe when several processes start at once: the edition number is unique, and a
    process that loses the race simply finds the winner's edition.
    """
    found = current()
    if found is not None:
        return found
    g = cached_pack()
    comment = f"{g.title}, {g.version}"
    try:
        return publish_first(comment)
    except IntegrityError:
        found = current()
        if found is None:
            raise
        return found


def publish_first(comment: str) -> Edition:
    """Store the pack as edition 1.0 with the pack's own status (IntegrityError if 1.0 exists)."""
    data = guideline_json(cached_pack())
    return _store((1, 0), None, comment, _snapshot_status(data), data)


def _snapshot_status(data: dict[str, Any]) -> dict[str, Any]:
    """The status a snapshot carries, dated 1 January of its ``since_year``."""
    status = data.get("status", {})
    since_year = status.get("since_year")
    return {
        "value": status.get("value", "in_force"),
        "label": status.get("label", ""),
        "since": date(since_year, 1, 1) if since_year else None,
        "note": status.get("note", ""),
    }


def statuses(edition: Edition) -> dict[str, ReviewStatus]:
    """Review statuses of an edition (editions never change, so they are computed once per process)."""
    key = (edition.pk, edition.published_at.isoformat())
    if key not in _statuses:
        before = previous_of(edition)
        snapshot = dict(edition.snapshot)
        snapshot["status"] = {**snapshot.get("status", {}), "value": edition.status_value}
        if len(_statuses) >= 32:
            _statuses.clear()
        _statuses[key] = review_statuses(
            snapshot, before.snapshot if before else None, edition.published_at.date()
        )
    return _statuses[key]


_statuses: dict[tuple[int, str], dict[str, ReviewStatus]] = {}


def pack_statuses() -> dict[str, ReviewStatus]:
    """Review statuses straight from the pack, before any edition is published."""
    return _pack_statuses(timezone.localdate())


@per_pack(maxsize=8)
def _pack_statuses(today: date) -> dict[str, ReviewStatus]:
    """The pack is immutable while the app runs; the statuses change only with the date."""
    return review_statuses(guideline_json(cached_pack()), None, today)


def stamp(edition: Edition) -> Stamp:
    return Stamp(
        edition=edition.number,
        published=timezone.localtime(edition.published_at).date(),
        status_label=edition.status_label,
        status_since=str(edition.status_since.year) if edition.status_since else "",
        status_note=edition.status_note,
    )


def edition_pdf(edition: Edition, kind: str) -> Path:
    """An edition's PDF (``guideline`` or ``quickguide``) in the active language, rendered once to disk."""
    key = (
        "edition",
        str(edition.snapshot.get("id", "")),
        edition.number,
        edition.published_at.isoformat(),
        kind,
        get_language() or "da",
    )
    return stored(key, lambda: _document(kind, edition.guideline(), stamp(edition)))


@per_pack(maxsize=8)
def _pack_digest() -> str:
    return hashlib.sha256(json.dumps(guideline_json(cached_pack()), sort_keys=True).encode()).hexdigest()


def pack_pdf(kind: str) -> Path:
    """The unpublished pack's PDF (when no edition exists yet), rendered once per pack content to disk."""
    g = cached_pack()
    key = ("pack", g.id, _pack_digest(), kind, get_language() or "da")
    return stored(key, lambda: _document(kind, g, default_stamp(g, edition=f"{g.version} (upubliceret)")))


def _document(kind: str, guideline: Guideline, with_stamp: Stamp) -> bytes:
    """One document in the active language. English is the pack's unofficial English edition, so it is used
    only for an edition of the pack's current version (an older snapshot has no translation). The quick guide
    gets the pack's red flags and the site's address (URL and QR code)."""
    pack = cached_pack()
    english = (get_language() or "da").startswith("en") and (guideline.id, guideline.version) == (
        pack.id,
        pack.version,
    )
    lang: Lang = "en" if english else "da"
    if english:
        guideline = cached_pack(language="en")
        with_stamp = default_stamp(
            guideline, edition=with_stamp.edition, published=with_stamp.published, lang=lang
        )
    if kind != "quickguide":
        return render_guideline_pdf(guideline, with_stamp, lang)
    site = os.environ.get("GRADELINE_SITE_URL", "").rstrip("/")
    read_more = f"{site}/" if site else None
    pack_dir = active_pack()
    red_flags = load_rules(pack_dir).red_flags if has_decision_rules(pack_dir) else None
    page2 = load_quickguide_data(pack_dir)
    return render_quickguide_pdf(guideline, with_stamp, red_flags, read_more, lang, page2)
