"""Log-in lockout, client addresses behind proxies, password rules, password change, reset e-mails outside the
request, links from the configured site URL, and rate limits answering 429 (issue 14, findings 1, 3 and 4)."""

import json
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from gradeline.web.accounts import outbox
from tests.web.community.conftest import PASSWORD, run_queued, signed_in

SITE = "https://retningslinje.example.dk"


def _log_in(username: str, password: str, address: str = "10.0.0.1", forwarded: str = "") -> int:
    extra = {"REMOTE_ADDR": address} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
    return Client().post("/konto/log-ind/", {"username": username, "password": password}, **extra).status_code


def test_a_username_is_locked_whatever_address_the_guesses_come_from(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    for n in range(5):
        _log_in("pia", f"gæt-{n}", address=f"10.0.1.{n}")
    assert _log_in("pia", PASSWORD, address="10.0.1.99") == 429


def test_one_address_spraying_many_usernames_is_locked(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    for n in range(5):
        _log_in(f"person{n}", "Sommer2024!", address="10.0.2.1")
    assert _log_in("pia", PASSWORD, address="10.0.2.1") == 429
    assert _log_in("pia", PASSWORD, address="10.0.2.2") == 302


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    for n in range(5):
        _log_in(f"person{n}", "Sommer2024!", address="10.0.3.1", forwarded=f"192.0.2.{n}")
    assert _log_in("pia", PASSWORD, address="10.0.3.1", forwarded="192.0.2.200") == 429


@override_settings(GRADELINE_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_client_address_comes_from_forwarded_for(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    proxy = "10.9.9.9"
    for n in range(5):
        _log_in(f"person{n}", "Sommer2024!", address=proxy, forwarded=f"203.0.113.{n}, 198.51.100.7")
    # Everyone arrives from the proxy's address: only the sprayer's own address is locked.
    assert _log_in("pia", PASSWORD, address=proxy, forwarded="198.51.100.7") == 429
    assert _log_in("pia", PASSWORD, address=proxy, forwarded="198.51.100.8") == 302


@pytest.mark.parametrize(
    ("password", "why"),
    [("Kort-kode-1", "mindst 12 tegn"), ("websolutions", "for almindelig"), ("chickenwing101", "almindelig")],
)
def test_short_and_breached_passwords_are_refused(make_user, password: str, why: str) -> None:  # type: ignore[no-untyped-def]
    user = make_user("pia", password=PASSWORD)
    client = signed_in(user)
    data = {"old_password": PASSWORD, "new_password1": password, "new_password2": password}
    response = client.post("/konto/adgangskode/", data)
    assert response.status_code == 200 and why in response.content.decode()
    assert _log_in("pia", PASSWORD) == 302


def test_a_signed_in_user_changes_the_password(make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("pia", password=PASSWORD)
    client = signed_in(user)
    assert "Skift adgangskode" in client.get("/nkr-laenderygsmerter/").content.decode()
    new = "lang-og-sjaelden-saetning-93"
    response = client.post(
        "/konto/adgangskode/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response["Location"] == "/konto/adgangskode/skiftet/"
    assert _log_in("pia", new) == 302 and _log_in("pia", PASSWORD, address="10.0.4.1") == 200
    assert Client().get("/konto/adgangskode/").status_code == 302  # anonymous: to the log-in page


@override_settings(ALLOWED_HOSTS=["*"], GRADELINE_SITE_URL=SITE)
def test_reset_requests_behave_the_same_for_known_and_unknown_addresses(  # type: ignore[no-untyped-def]
    make_user, queued_mail: list[Callable[[], None]]
) -> None:
    make_user("pia", password=PASSWORD)
    answers, queries = [], []
    for email in ("pia@example.org", "ingen@example.org"):
        with CaptureQueriesContext(connection) as captured:
            response = Client().post("/konto/nulstil/", {"email": email}, HTTP_HOST="evil.example")
        answers.append((response.status_code, response["Location"], response.content))
        queries.append(len(captured))
        assert mail.outbox == []  # nothing looked up, rendered or sent during the request
    assert answers[0] == answers[1] and queries[0] == queries[1] and len(queued_mail) == 2
    run_queued(queued_mail)
    (message,) = mail.outbox
    assert message.to == ["pia@example.org"]
    assert re.search(rf"{SITE}/konto/nulstil/\S+/", message.body) and "evil.example" not in message.body


@pytest.mark.django_db(transaction=True)
def test_the_outbox_thread_sends_the_reset_email(make_user, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.undo()  # the real background thread
    make_user("pia", password=PASSWORD)
    assert Client().post("/konto/nulstil/", {"email": "pia@example.org"}).status_code == 302
    outbox.drain()
    assert [m.to for m in mail.outbox] == [["pia@example.org"]]


@override_settings(ALLOWED_HOSTS=["*"], GRADELINE_SITE_URL=SITE)
def test_invitation_links_use_the_site_url_not_the_host_header(editor: User) -> None:
    response = signed_in(editor).post(
        "/konto/invitationer/", {"email": "ny@example.org", "role": "member"}, HTTP_HOST="evil.example"
    )
    assert f"{SITE}/konto/tilmeld/" in mail.outbox[0].body and "evil.example" not in mail.outbox[0].body
    assert "evil.example" not in response.content.decode()


def _comment(client: Client) -> int:
    return client.post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Endnu en kommentar"}).status_code


# per hour: the counts in a test never straddle the limit's fixed window
LIMITS = {"comment": "3/h", "login": "3/h", "reset": "3/h", "invitation": "3/h", "plan": "3/h"}


@override_settings(GRADELINE_RATE_LIMITS=LIMITS)
def test_each_write_is_rate_limited_with_a_429(member: User, editor: User) -> None:
    writers: dict[str, Callable[[], int]] = {
        "comment": lambda: _comment(signed_in(member)),
        "login": lambda: _log_in("mette", "forkert-kodeord", address="10.0.5.1"),
        "reset": lambda: Client().post("/konto/nulstil/", {"email": "x@example.org"}).status_code,
        "invitation": lambda: (
            signed_in(editor)
            .post("/konto/invitationer/", {"email": "ny@example.org", "role": "member"})
            .status_code
        ),
        "plan": lambda: (
            Client()
            .post(
                "/nkr-laenderygsmerter/api/plan",
                json.dumps({"age_years": 40}),
                content_type="application/json",
            )
            .status_code
        ),
    }
    for name, write in writers.items():
        first = [write() for _ in range(3)]
        assert 429 not in first, name
        assert write() == 429, name


@override_settings(GRADELINE_RATE_LIMITS=LIMITS)
def test_a_429_says_why_and_when_to_retry(member: User) -> None:
    client = signed_in(member)
    for _ in range(3):
        _comment(client)
    page = client.post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "Igen"})
    assert page.status_code == 429 and page["Retry-After"] == "3600"
    assert "For mange forespørgsler" in page.content.decode()
    for _ in range(4):
        api = Client().post(
            "/nkr-laenderygsmerter/api/plan", "{}", content_type="application/json", REMOTE_ADDR="10.0.6.1"
        )
    assert api.status_code == 429 and "For mange" in api.json()["detail"]
