"""Every guideline under its own prefix; the index at /; today's URLs redirect to the default guideline."""

import json
from pathlib import Path

import pytest
from django.test import Client

from gradeline.content.packs import DEFAULT_SLUG
from tests.web.guidelines.conftest import SECOND

FIRST = f"/{DEFAULT_SLUG}"
pytestmark = pytest.mark.usefixtures("two_guidelines")


def test_the_index_lists_both_guidelines_with_status_language_and_count(client: Client) -> None:
    html = client.get("/").content.decode()
    assert f'href="{FIRST}/"' in html and f'href="/{SECOND}/"' in html
    assert "Ikke gældende" in html
    assert "10 anbefalinger" in html
    assert "ingen beslutningsstøtte" in html  # the second has no decide/ folder


def test_the_index_in_english(client: Client) -> None:
    client.cookies["gradeline_language"] = "en"
    html = client.get("/").content.decode()
    assert "Guidelines" in html and "Not in force" in html and "10 recommendations" in html
