"""Editions and discussion threads belong to one guideline: publishing or commenting in one leaves the other
untouched (issue 18)."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gradeline.content.packs import DEFAULT_SLUG
from tests.content_dirs import SECOND
from tests.web.community.conftest import signed_in
from tests.web.community.test_editions import publish_form

pytestmark = pytest.mark.usefixtures("two_guidelines")


def test_editions_are_numbered_per_guideline(editor: User) -> None:
    client = signed_in(editor)
    first = client.post(f"/{DEFAULT_SLUG}/udgaver/publicer/", publish_form())
    assert first["Location"] == f"/{DEFAULT_SLUG}/udgaver/1.0/"
    second = client.post(f"/{SECOND}/udgaver/publicer/", publish_form(comment="Den anden"))
    assert second["Location"] == f"/{SECOND}/udgaver/1.0/"  # its own numbering, not 1.1
    page = client.get(f"/{SECOND}/udgaver/1.0/").content.decode()
    assert "Den anden" in page and "A second guideline for routing tests" in page
    assert "Den anden" not in client.get(f"/{DEFAULT_SLUG}/udgaver/").content.decode()


def test_an_editions_pdf_is_the_guidelines_own(editor: User, client: Client) -> None:
    signed_in(editor).post(f"/{SECOND}/udgaver/publicer/", publish_form())
    response = client.get(f"/{SECOND}/udgaver/1.0/retningslinje.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert SECOND in response["Content-Disposition"]
    assert client.get(f"/{DEFAULT_SLUG}/udgaver/1.0/retningslinje.pdf").status_code == 404


def test_discussion_threads_belong_to_one_guideline(member: User) -> None:
    client = signed_in(member)
    response = client.post(f"/{DEFAULT_SLUG}/diskussion/nsaid/", {"body": "Kun i den første"})
    assert response.status_code in (200, 302)
    assert "Kun i den første" in client.get(f"/{DEFAULT_SLUG}/anbefalinger/nsaid/").content.decode()
    assert "Kun i den første" not in client.get(f"/{SECOND}/anbefalinger/nsaid/").content.decode()
