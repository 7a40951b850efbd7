"""A static copy of the anonymous reading pages, in Danish and English, with the PDFs and static files, for
offline use or for any static server or CDN (``gradeline export site --out DIR``).

Pages are rendered by the app itself (Django's test client against a throw-away SQLite database that holds
the first edition), found by following links from layer 1. Danish pages keep their addresses; English pages
live under ``/en/``. Links to what only the running app can do (search, decision support, accounts, APIs)
become plain text, so the copy has no broken link.
"""

import os
import re
import tempfile
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Addresses the copy holds; everything else is left to the running app.
PAGES = re.compile(
    r"^/(anbefalinger/[a-z0-9-]+/(beslutningshjaelp/)?|kapitler/[a-z0-9-]+/|ordliste/"
    r"|udgaver/(aktuel/|\d+\.\d+/)?((retningslinje|hurtigguide)\.pdf)?)?$"
)
_HREF = re.compile(r'(href|src)="(/[^"]*)"')
_LINK = re.compile(r'<a ([^>]*?)href="(/[^"#]*)(#[^"]*)?"([^>]*)>(.*?)</a>', re.S)
LANGUAGES = {"da": "", "en": "/en"}


class ExportError(Exception):
    """The copy cannot be written; the message is one sentence for the user."""


def _target(root: Path, prefix: str, path: str) -> Path:
    relative = (prefix + path).lstrip("/")
    return root / relative / "index.html" if path.endswith("/") else root / relative


def _language_switch(href: str) -> str | None:
    """'/sprog/en/?next=%2Fordliste%2F' -> '/en/ordliste/' (the static address in that language)."""
    match = re.match(r"^/sprog/([a-z]{2})/\?next=([^\"&]*)", href.replace("&amp;", "&"))
    if not match or match.group(1) not in LANGUAGES:
        return None
    return LANGUAGES[match.group(1)] + unquote(match.group(2) or "/")


def rewrite(html: str, prefix: str) -> str:
    """Links in one page made static: our pages get the language prefix, app-only links become text."""

    def link(match: re.Match[str]) -> str:
        before, path, anchor, after, label = match.groups()
        switched = _language_switch(path + (anchor or ""))
        if switched is not None:
            return f'<a {before}href="{switched}"{after}>{label}</a>'
        clean = path.split("?", 1)[0]
        if clean.startswith("/static/"):
            return match.group(0)
        if PAGES.match(clean) and "?" not in path:
            local = prefix + clean  # PDFs too: each language has its own documents
            return f'<a {before}href="{local}{anchor or ""}"{after}>{label}</a>'
        return f'<span class="app-only">{label}</span>'

    html = _LINK.sub(link, html)
    # The search box needs the running app; in the copy it is removed.
    return re.sub(r'<form class="header-search".*?</form>', "", html, flags=re.S)


def _unprefixed(html: str, slug: str) -> str:
    """The guideline's addresses without its URL prefix (``/<slug>/``): the copy holds one guideline at its
    root, at today's addresses."""
    for before, after in ((f'="/{slug}/', '="/'), (f"next=/{slug}/", "next=/"), (f"%2F{slug}%2F", "%2F")):
        html = html.replace(before, after)
    return html


def _links(html: str) -> Iterator[str]:
    for _attr, href in _HREF.findall(html):
        path = urlsplit(href.replace("&amp;", "&")).path
        if PAGES.match(path):
            yield path


def _copy_static(root: Path) -> int:
    from django.contrib.staticfiles import finders

    count = 0
    for finder in finders.get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            target = root / "static" / path
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                with storage.open(path) as source:
                    target.write_bytes(source.read())
                count += 1
    return count


def export_site(out: Path) -> dict[str, int]:
    """Write the copy of the default guideline to ``out`` (created if missing); returns how many pages, PDFs
    and static files."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".gradeline-write-test"
        probe.write_text("", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        raise ExportError(f"cannot write to {out}: {exc.strerror}") from None
    with tempfile.TemporaryDirectory(prefix="gradeline-export-") as var:
        os.environ["GRADELINE_VAR_DIR"] = var
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gradeline.web.settings")
        import django
        from django.core.management import call_command
        from django.test import Client

        django.setup()
        call_command("migrate", interactive=False, verbosity=0)
        from gradeline.content.packs import default_slug
        from gradeline.web.editions.publishing import ensure_first_edition

        ensure_first_edition()
        slug = default_slug()
        counts = {"pages": 0, "pdfs": 0, "static": _copy_static(out)}
        for language, prefix in LANGUAGES.items():
            client = Client(HTTP_HOST="localhost")
            client.cookies["gradeline_language"] = language
            seen, queue = {"/"}, deque(["/"])
            while queue:
                path = queue.popleft()
                response = client.get(f"/{slug}{path}")
                if response.status_code != 200:
                    raise ExportError(f"{path} answered {response.status_code}; the copy would be incomplete")
                if path.endswith(".pdf"):
                    target = _target(out, prefix, path)
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(response.getvalue())  # FileResponse streams; getvalue joins
                        counts["pdfs"] += 1
                    continue
                html = _unprefixed(response.content.decode(), slug)
                target = _target(out, prefix, path)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(rewrite(html, prefix), encoding="utf-8")
                counts["pages"] += 1
                for found in _links(html):
                    if found not in seen:
                        seen.add(found)
                        queue.append(found)
    return counts
