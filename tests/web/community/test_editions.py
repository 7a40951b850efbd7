"""Editions: numbered and immutable, a stable permalink, older ones readable, diffs, review status."""

import copy
from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import DatabaseError, transaction
from django.test import Client

from gradeline.content.export import guideline_json
from gradeline.content.pack import cached_pack
from gradeline.web.audit.models import AuditEntry
from gradeline.web.editions import publishing
from gradeline.web.editions.diff import diff_snapshots
from gradeline.web.editions.models import Edition, EditionImmutable
from gradeline.web.editions.review import review_statuses
from tests.web.community.conftest import signed_in


def publish_form(**extra: str) -> dict[str, str]:
    status = cached_pack().status
    return {
        "kind": "minor",
        "comment": "Første udgave",
        "status_value": "not_in_force",
        "status_label": status.label,
        "status_since": "2023-01-01",
        "status_note": status.note,
        **extra,
    }


def changed_snapshot() -> dict[str, Any]:
    data = copy.deepcopy(guideline_json(cached_pack()))
    rec = next(r for r in data["recommendations"] if r["id"] == "nsaid")
    outcome = next(o for o in rec["outcomes"] if o.get("participants"))
    outcome["participants"] += 100
    rec["text"] = rec["text"].replace("anvendes", "bruges", 1) + " Ny sætning."
    return data


def test_an_editor_publishes_numbered_editions_with_a_permalink(editor: User) -> None:
    client = signed_in(editor)
    first = client.post("/nkr-laenderygsmerter/udgaver/publicer/", publish_form())
    assert first.status_code == 302 and first["Location"] == "/nkr-laenderygsmerter/udgaver/1.0/"
    second = client.post("/nkr-laenderygsmerter/udgaver/publicer/", publish_form(comment="Rettelser"))
    assert second["Location"] == "/nkr-laenderygsmerter/udgaver/1.1/"
    third = client.post(
        "/nkr-laenderygsmerter/udgaver/publicer/", publish_form(kind="major", comment="Ny struktur")
    )
    assert third["Location"] == "/nkr-laenderygsmerter/udgaver/2.0/"
    current = Client().get("/nkr-laenderygsmerter/udgaver/aktuel/").content.decode()
    assert "udgave 2.0" in current and "Ny struktur" in current
    older = Client().get("/nkr-laenderygsmerter/udgaver/1.0/").content.decode()
    assert "Dette er en ældre udgave" in older and "Første udgave" in older
    edition = Edition.objects.get(major=1, minor=0)
    assert edition.snapshot == guideline_json(cached_pack())
    assert (edition.status_value, edition.status_since) == ("not_in_force", date(2023, 1, 1))
    assert "Ikke gældende" in older and "1. januar 2023" in older
    assert AuditEntry.objects.filter(action="publish").count() == 3


def test_an_edition_cannot_be_modified_after_publishing(editor: User) -> None:
    edition = publishing.publish(editor, "minor", "Første")
    edition.comment = "Omskrevet historie"
    with pytest.raises(EditionImmutable):
        edition.save()
    with pytest.raises(EditionImmutable):
        edition.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Edition.objects.filter(pk=edition.pk).update(comment="Omskrevet via SQL")
    edition.refresh_from_db()
    assert edition.comment == "Første"


def test_the_diff_shows_a_changed_number_and_text(editor: User) -> None:
    publishing.publish(editor, "minor", "Første")
    publishing.publish(editor, "minor", "Nyt antal deltagere", snapshot=changed_snapshot())
    diff = diff_snapshots(Edition.objects.get(minor=0).snapshot, Edition.objects.get(minor=1).snapshot)
    (item,) = diff.recommendations
    assert item.key == "nsaid" and item.kind == "changed"
    numbers = [c for c in item.changes if c.path.endswith("/participants")]
    assert len(numbers) == 1 and numbers[0].is_number and numbers[0].new == numbers[0].old + 100  # type: ignore[operator]
    html = Client().get("/nkr-laenderygsmerter/udgaver/forskel/1.0/1.1/").content.decode()
    assert f"<del>{numbers[0].old}</del>" in html and f"<ins>{numbers[0].new}</ins>" in html
    assert "<ins>Ny sætning.</ins>" in html or "Ny sætning." in html.split("<ins>", 1)[1]
    assert Client().get("/nkr-laenderygsmerter/udgaver/forskel/1.0/9.9/").status_code == 404


def test_review_status_new_updated_reviewed_and_not_in_force() -> None:
    base = guideline_json(cached_pack())
    first = review_statuses({**base, "status": {"value": "in_force"}}, None, date(2016, 6, 1))
    assert first["nsaid"].kind == "reviewed" and first["nsaid"].year == 2019
    assert first["nsaid"].next_review == date(2022, 12, 31)  # three-year cycle
    changed = changed_snapshot()
    added = copy.deepcopy(changed["recommendations"][0])
    added["id"] = "ny-anbefaling"
    changed["recommendations"].append(added)
    later = review_statuses({**changed, "status": {"value": "in_force"}}, base, date(2025, 3, 1))
    assert later["nsaid"].kind == "updated" and later["nsaid"].next_review == date(2028, 3, 1)
    assert later["ny-anbefaling"].kind == "new"
    assert later["paracetamol"].kind == "reviewed" and later["paracetamol"].year == 2019
    not_in_force = review_statuses(base, None, date(2024, 1, 1))
    assert all(s.kind == "not_in_force" and s.next_review is None for s in not_in_force.values())
    assert not_in_force["nsaid"].basis == "reviewed"


def test_layer_2_shows_the_review_status_and_the_not_in_force_status_once(client: Client, db: None) -> None:
    html = client.get("/nkr-laenderygsmerter/anbefalinger/nsaid/").content.decode()
    review = html[html.index('id="revisionsstatus"') :]
    review = review[: review.index("</p>")]
    assert "2019" in review and "Ikke gældende" not in review
    assert html.count("Ikke gældende") == 1  # the status banner says it, once per page


def test_readers_cannot_see_the_publish_form(client: Client, db: None) -> None:
    html = client.get("/nkr-laenderygsmerter/udgaver/").content.decode()
    assert "Publicér udgave" not in html and "Ingen udgaver er publiceret endnu" in html
