"""`gradeline export site`: a static copy of the reading pages in both languages with the PDFs, served by a
plain static server (python -m http.server) and crawled with no broken link."""

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit

import pytest

from gradeline.content.pack import cached_pack

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "gradeline.cli", "export", "site", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "pages" in result.stdout and "PDFs" in result.stdout
    return out


@pytest.fixture(scope="module")
def static_server(exported: Path) -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(exported)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=5)


def test_the_copy_holds_every_reading_page_in_both_languages_and_the_pdfs(exported: Path) -> None:
    for prefix in ("", "en/"):
        assert (exported / prefix / "index.html").exists()
        for rec in cached_pack().recommendations:
            assert (exported / prefix / "anbefalinger" / rec.id / "index.html").exists(), (prefix, rec.id)
        for chapter in cached_pack().chapters:
            assert (exported / prefix / "kapitler" / chapter.slug / "index.html").exists(), (
                prefix,
                chapter.slug,
            )
    for name in ("hurtigguide.pdf", "retningslinje.pdf"):
        assert (exported / "udgaver" / "aktuel" / name).read_bytes().startswith(b"%PDF")
    english = (exported / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and 'href="/en/anbefalinger/nsaid/' in english


def test_a_plain_static_server_serves_it_with_no_broken_link(static_server: str) -> None:
    seen: set[str] = set()
    queue = ["/", "/en/"]
    checked = 0
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            with urllib.request.urlopen(static_server + path, timeout=5) as response:
                body = response.read()
                kind = response.headers.get("Content-Type", "")
        except HTTPError as exc:
            pytest.fail(f"broken link: {path} ({exc.code})")
        checked += 1
        if "html" not in kind:
            continue
        for href in re.findall(r'(?:href|src)="([^"]+)"', body.decode()):
            url = urlsplit(urljoin(path, href.replace("&amp;", "&")))
            if url.scheme or url.netloc or not url.path:
                continue
            queue.append(url.path)
    assert checked > 60
