"""The community pages speak the reader's language: English with the cookie, Danish (unchanged) without."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from gradeline.web.discussion import service
from gradeline.web.discussion.models import Comment
from gradeline.web.editions import publishing
from tests.web.community.conftest import signed_in

RECOMMENDATION = "/nkr-laenderygsmerter/anbefalinger/nsaid/"


def english(client: Client) -> Client:
    client.cookies["gradeline_language"] = "en"
    return client


def section(html: str, start: str, end: str) -> str:
    """The part of the page from the first ``start`` to the next ``end``."""
    at = html.index(start)
    return html[at : html.index(end, at)]


def discussion(html: str) -> str:
    return section(html, 'id="diskussion"', "</section>")


def review(html: str) -> str:
    return section(html, 'id="revisionsstatus"', "</p>")


def account_bar(html: str) -> str:
    return section(html, 'class="account-bar"', "</div>")


@pytest.fixture
def thread(member: User, editor: User) -> Comment:
    root = service.post(member, "nsaid", "Et spørgsmål om dosis")
    service.post(editor, "nsaid", "Et svar", parent=root)
    return root


def test_a_recommendation_page_in_english_for_a_reader(client: Client, thread: Comment) -> None:
    html = english(client).get(RECOMMENDATION).content.decode()
    block = discussion(html)
    assert "Discussion <span" in block
    assert "Comments from professionals on the recommendation. Markdown is allowed." in block
    assert "Comments can be edited for 15 minutes; every version is kept." in block
    assert ">Log in</a> to comment. Accounts are created by invitation." in block
    assert 'class="thread-status thread-open">Open</span>' in block
    assert "Kommentarer fra fagfolk" not in block and "Log ind" not in block
    assert "Et spørgsmål om dosis" in block  # what users write is never translated
    status = review(html)
    assert "Not in force" not in status and html.count("Not in force") == 1  # the banner, once
    assert "Last reviewed, no change needed 2019; no review planned." in status
    assert "No published edition yet" in status and "Ikke gældende" not in status
    assert ">Log in</a>" in account_bar(html)


def test_a_recommendation_page_in_english_for_an_editor(editor: User, thread: Comment) -> None:
    html = english(signed_in(editor)).get(RECOMMENDATION).content.decode()
    block = discussion(html)
    phrases = ("New comment", "Post comment", "Reply to mette", "Send reply", "Save status", "Hide comment")
    for phrase in phrases:
        assert phrase in block, phrase
    assert ">Reason</label>" in block
    assert re.search(r"<option[^>]*>Answered</option>", block)
    bar = account_bar(html)
    assert "(Editor)" in bar and ">Editions</a>" in bar and ">Invitations</a>" in bar
    assert ">Audit log</a>" in bar and ">Log out</button>" in bar


def test_after_publishing_the_review_status_links_the_edition_in_english(
    client: Client, editor: User
) -> None:
    publishing.publish(editor, "minor", "Første udgave", status={"value": "in_force"})
    status = review(english(client).get(RECOMMENDATION).content.decode())
    assert "Reviewed, no change needed" in status and "Next review:" in status
    assert ">Edition 1.0</a>" in status


def test_the_login_page_in_english(client: Client, db: None) -> None:
    html = english(client).get("/konto/log-ind/").content.decode()
    assert "<h1>Log in</h1>" in html
    assert "Members can comment on the recommendations; editors moderate and publish." in html
    assert ">Username</label>" in html and ">Password</label>" in html
    assert "Forgotten your password?" in html
    assert "Accounts are created by invitation from an editor." in html
    assert "Brugernavn" not in html and "Adgangskode" not in html


def test_the_editions_list_in_english(editor: User) -> None:
    html = english(Client()).get("/nkr-laenderygsmerter/udgaver/").content.decode()
    assert "<h1>Editions</h1>" in html and "No editions have been published yet." in html
    assert "Each publication stores the whole guideline as a numbered edition" in html
    assert ">Current edition</a>" in html and "the whole guideline (PDF)" in html
    publishing.publish(editor, "minor", "Første udgave")
    html = english(signed_in(editor)).get("/nkr-laenderygsmerter/udgaver/").content.decode()
    assert "Publish the current pack" in html and "Publish edition" in html
    assert ">Kind of edition</label>" in html and "Minor (x.y+1): corrections, review" in html
    assert "Not in force" in html and "Første udgave" in html  # the comment stays as written


def test_the_audit_log_and_messages_in_english(editor: User, thread: Comment) -> None:
    client = english(signed_in(editor))
    html = client.get("/revision/").content.decode()
    assert "<h1>Audit log</h1>" in html and "Download as CSV" in html and ">Comment</td>" in html
    refused = client.post(f"/nkr-laenderygsmerter/diskussion/kommentar/{thread.pk}/skjul/", {"reason": " "})
    assert refused.status_code == 400 and "Give a reason." in refused.content.decode()


def test_danish_stays_as_before(client: Client, editor: User, thread: Comment) -> None:
    html = client.get(RECOMMENDATION).content.decode()
    block = discussion(html)
    assert "Diskussion <span" in block
    assert (
        "Kommentarer fra fagfolk om anbefalingen. Markdown er tilladt. Kommentarer kan rettes i 15 "
        "minutter; alle versioner gemmes." in block
    )
    assert ">Log ind</a> for at kommentere. Konti oprettes ved invitation." in block
    assert 'class="thread-status thread-open">Åben</span>' in block
    assert " Senest gennemgået, ingen ændring nødvendig 2019; ingen planlagt gennemgang." in review(html)
    assert "Ingen publiceret udgave endnu" in review(html)
    assert ">Log ind</a>" in account_bar(html)

    editor_html = signed_in(editor).get(RECOMMENDATION).content.decode()
    block = discussion(editor_html)
    for phrase in ("Ny kommentar", "Send kommentar", "Svar til mette", "Gem status", "Skjul kommentar"):
        assert phrase in block, phrase
    assert ">Begrundelse</label>" in block and ">Besvaret</option>" in block
    bar = account_bar(editor_html)
    assert "(Redaktør)" in bar and ">Udgaver</a>" in bar and ">Revisionslog</a>" in bar
    assert ">Log ud</button>" in bar

    login = client.get("/konto/log-ind/").content.decode()
    assert "<h1>Log ind</h1>" in login and ">Brugernavn</label>" in login
    assert "Glemt adgangskode?" in login and "Konti oprettes ved invitation fra en redaktør." in login

    editions = client.get("/nkr-laenderygsmerter/udgaver/").content.decode()
    assert "<h1>Udgaver</h1>" in editions and "Ingen udgaver er publiceret endnu." in editions
    assert "Hver publicering gemmer hele retningslinjen som en nummereret udgave" in editions
