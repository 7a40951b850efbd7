"""A fresh install publishes the shipped pack as its first edition, once, so editions and PDFs work."""

import pytest
from django.db import IntegrityError
from django.test import Client

from gradeline.content.pack import cached_pack
from gradeline.web.editions import publishing
from gradeline.web.editions.models import Edition


@pytest.mark.django_db
def test_first_start_publishes_the_pack_as_edition_1_0_with_its_status(client: Client) -> None:
    assert (
        client.get("/nkr-laenderygsmerter/udgaver/aktuel/").status_code == 200
    )  # before: the "no edition yet" page
    edition = publishing.ensure_first_edition()
    g = cached_pack()
    assert edition.number == "1.0"
    assert g.version in edition.comment
    assert edition.status_value == g.status.value.value
    assert publishing.stamp(edition).edition == "1.0"  # PDF headers name the edition, not "(upubliceret)"
    page = client.get("/nkr-laenderygsmerter/udgaver/").content.decode()
    assert "1.0" in page and g.version in page


@pytest.mark.django_db
def test_a_second_start_publishes_nothing_new() -> None:
    first = publishing.ensure_first_edition()
    again = publishing.ensure_first_edition()
    assert again.pk == first.pk
    assert Edition.objects.count() == 1


@pytest.mark.django_db
def test_a_process_that_loses_the_race_finds_the_winners_edition(monkeypatch: pytest.MonkeyPatch) -> None:
    winner = publishing.publish_first("other process")
    seen = iter([None, winner])  # this process looked before the other one stored 1.0
    monkeypatch.setattr(publishing, "current", lambda: next(seen))
    assert publishing.ensure_first_edition().pk == winner.pk
    assert Edition.objects.count() == 1
    with pytest.raises(IntegrityError):
        publishing.publish_first("a third process")
