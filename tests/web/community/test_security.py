"""Passwords, log-in throttling, CSRF, headers, and cached pages that never carry one user's content."""

import re
from html.parser import HTMLParser

from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from gradeline.web.accounts.roles import Role
from gradeline.web.discussion.markdown import render_comment
from tests.web.community.conftest import PASSWORD, run_queued, signed_in


def test_passwords_are_hashed_with_argon2(make_user) -> None:  # type: ignore[no-untyped-def]
    user = make_user("pia", password=PASSWORD)
    assert user.password.startswith("argon2$")


def test_log_in_and_out(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    client = Client()
    response = client.post("/konto/log-ind/", {"username": "pia", "password": PASSWORD})
    assert response.status_code == 302
    assert "pia" in client.get("/nkr-laenderygsmerter/").content.decode()
    assert client.post("/konto/log-ud/").status_code == 302
    assert "Log ind" in client.get("/nkr-laenderygsmerter/").content.decode()


def test_brute_force_log_in_is_throttled(make_user) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    client = Client()
    for attempt in range(5):
        response = client.post("/konto/log-ind/", {"username": "pia", "password": f"gæt-{attempt}"})
        assert response.status_code in (200, 429)
    locked = client.post("/konto/log-ind/", {"username": "pia", "password": PASSWORD})
    assert locked.status_code == 429
    assert "For mange forsøg" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_csrf_is_enforced(member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    refused = client.post("/nkr-laenderygsmerter/diskussion/nsaid/", {"body": "uden token"})
    assert refused.status_code == 403 and "Formularen blev afvist" in refused.content.decode()
    html = client.get("/nkr-laenderygsmerter/anbefalinger/nsaid/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token is not None
    accepted = client.post(
        "/nkr-laenderygsmerter/diskussion/nsaid/",
        {"body": "med token", "csrfmiddlewaretoken": token.group(1)},
    )
    assert accepted.status_code == 302
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post("/konto/log-ind/", {"username": "x", "password": "y"}).status_code == 403


def test_security_headers(client: Client, db: None) -> None:
    response = client.get("/nkr-laenderygsmerter/anbefalinger/nsaid/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_cached_pages_never_show_another_users_name_or_token(make_user) -> None:  # type: ignore[no-untyped-def]
    alice, bob = make_user("alice"), make_user("bob", Role.EDITOR)
    for path in ("/", "/nkr-laenderygsmerter/anbefalinger/nsaid/"):
        a, b, anonymous = signed_in(alice), signed_in(bob), Client()
        html_a, html_b = a.get(path).content.decode(), b.get(path).content.decode()
        html_anonymous = anonymous.get(path).content.decode()
        assert "alice" in html_a and "bob" not in html_a
        assert "bob" in html_b and "alice" not in html_b and "Revisionslog" in html_b
        assert "alice" not in html_anonymous and "bob" not in html_anonymous
        assert "csrfmiddlewaretoken" not in html_anonymous
        tokens = [re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', h) for h in (html_a, html_b)]
        assert tokens[0] and tokens[1] and set(tokens[0]).isdisjoint(tokens[1])
    assert "private" in signed_in(alice).get("/nkr-laenderygsmerter/")["Cache-Control"]


def test_password_reset_sends_a_working_link(make_user, queued_mail) -> None:  # type: ignore[no-untyped-def]
    make_user("pia", password=PASSWORD)
    client = Client()
    assert client.post("/konto/nulstil/", {"email": "pia@example.org"}).status_code == 302
    run_queued(queued_mail)
    (message,) = mail.outbox
    link = re.search(r"http://localhost:8000(/konto/nulstil/\S+/)", message.body)
    assert link is not None
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200 and "Vælg ny adgangskode" in form.content.decode()
    new = "et-helt-nyt-kodeord-77"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert Client().post("/konto/log-ind/", {"username": "pia", "password": new}).status_code == 302


def test_sign_up_by_invitation_once(editor: User) -> None:
    client = signed_in(editor)
    response = client.post("/konto/invitationer/", {"email": "ny@example.org", "role": "member"})
    link = re.search(r"http://localhost:8000(/konto/tilmeld/[^/\s]+/)", response.content.decode())
    assert link is not None and mail.outbox[0].to == ["ny@example.org"]
    visitor = Client()
    data = {"username": "nina", "password1": PASSWORD, "password2": PASSWORD}
    assert visitor.post(link.group(1), data).status_code == 302
    nina = User.objects.get(username="nina")
    assert nina.email == "ny@example.org" and nina.groups.filter(name="member").exists()
    assert Client().get(link.group(1)).status_code == 404  # used


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {k: v or "" for k, v in attrs}))


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.found


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<svg onload="alert(1)">',
    "<iframe src=//evil.example></iframe>",
    '<a href="https://ok.example" onclick="alert(1)" style="x">ok</a>',
]


def test_comment_markdown_makes_script_events_and_javascript_urls_inert() -> None:
    for payload in XSS:
        for tag, attrs in elements(render_comment(payload)):
            assert tag in {"p", "a", "em", "strong", "code", "del"}, (payload, tag)
            assert not any(name.startswith("on") or name == "style" for name in attrs), (payload, attrs)
            href = attrs.get("href", "").strip().lower()
            assert not href.startswith(("javascript", "data", "vbscript")), (payload, href)
    assert 'rel="nofollow noopener noreferrer ugc"' in render_comment("[ok](https://example.org)")
