"""`gradeline serve`: production by default off loopback, content checked before start, and a server that
keeps answering while clients stall (issue 14, findings 1, 2 and 3)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from gradeline.web import serve

PUBLIC = {
    "GRADELINE_ALLOWED_HOSTS": "retningslinje.example.dk",
    "GRADELINE_SITE_URL": "https://retningslinje.example.dk",
}


def _env(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("GRADELINE_", "DJANGO_"))}
    return keep | extra


def _serve(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gradeline.cli", "serve", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("env", "needs"),
    [
        ({}, "GRADELINE_ALLOWED_HOSTS"),
        (
            {"GRADELINE_ALLOWED_HOSTS": "*", "GRADELINE_SITE_URL": "https://x.example"},
            "GRADELINE_ALLOWED_HOSTS",
        ),
        ({"GRADELINE_ALLOWED_HOSTS": "retningslinje.example.dk"}, "GRADELINE_SITE_URL"),
        ({"GRADELINE_ALLOWED_HOSTS": "a.example", "GRADELINE_SITE_URL": "https://evil.example"}, "not in"),
    ],
)
def test_serving_beyond_loopback_without_hosts_and_site_url_refuses_to_start(
    env: dict[str, str], needs: str
) -> None:
    result = _serve(["--host", "0.0.0.0", "--port", "1"], _env(**env))
    assert result.returncode == 2
    assert needs in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # one sentence (wrapped at most once)


def test_beyond_loopback_the_production_settings_run(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in PUBLIC.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", serve.DEVELOPMENT)
    assert serve.configure("0.0.0.0", 8000) == serve.PRODUCTION
    assert os.environ["DJANGO_SETTINGS_MODULE"] == serve.PRODUCTION


def test_production_settings_secure_cookies_hsts_and_configurable_ssl_redirect() -> None:
    code = (
        "from django.conf import settings as s; import json; print(json.dumps([s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.GRADELINE_TRUSTED_PROXIES, s.ALLOWED_HOSTS]))"
    )
    env = _env(
        DJANGO_SETTINGS_MODULE=serve.PRODUCTION,
        GRADELINE_SSL_REDIRECT="0",
        GRADELINE_TRUSTED_PROXIES="1",
        GRADELINE_SECRET_KEY="s" * 60,
        **PUBLIC,
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True, text=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    secure, csrf, language, hsts, redirect, proxies, hosts = json.loads(result.stdout)
    assert secure and csrf and language and hsts >= 365 * 24 * 3600
    assert redirect is False and proxies == 1 and hosts == ["retningslinje.example.dk"]


def test_the_server_refuses_to_start_on_a_broken_pack(
    pack_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (pack_copy / "decide" / "red-flags.yaml").unlink()
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(pack_copy.parent))
    with pytest.raises(serve.ServeError) as refused:
        serve.check_content()
    first = str(refused.value).splitlines()[0]
    assert "'pack'" in first and "the server does not start" in first  # names the broken pack
    assert "red-flags.yaml" in str(refused.value)


def test_the_server_refuses_an_empty_content_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADELINE_CONTENT_DIR", str(tmp_path))
    with pytest.raises(serve.ServeError, match="holds no content pack"):
        serve.check_content()


def test_serve_takes_a_content_directory(tmp_path: Path) -> None:
    result = _serve(["--content-dir", str(tmp_path), "--port", "1"], _env())
    assert result.returncode == 2 and "holds no content pack" in result.stderr
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def running_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = _free_port()
    var = tmp_path_factory.mktemp("var")
    env = _env(GRADELINE_VAR_DIR=str(var))
    server = subprocess.Popen(
        [sys.executable, "-m", "gradeline.cli", "serve", "--port", str(port), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        for _ in range(240):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(server.stdout.read().decode() if server.stdout else "") from None
                time.sleep(0.5)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var, ignore_errors=True)


def _stall(port: int, payload: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(payload)
    return sock


def test_twenty_stalled_connections_do_not_stop_the_server_answering(running_server: int) -> None:
    port = running_server
    headers_only = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
    half_body = (
        b"POST /api/plan HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b'Content-Length: 5000\r\n\r\n{"age_years": '
    )
    stalled = [_stall(port, headers_only if n % 2 else half_body) for n in range(20)]
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(3):
            with urllib.request.urlopen(f"{base}/", timeout=30) as page:
                assert page.status == 200 and "Ikke gældende" in page.read().decode()
        request = urllib.request.Request(
            f"{base}/nkr-laenderygsmerter/api/plan",
            data=b'{"age_years": 40}',
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as plan:
            assert plan.status == 200 and "triage" in json.loads(plan.read())
    finally:
        for sock in stalled:
            sock.close()


def test_a_very_long_address_gets_the_apps_own_not_found_page(running_server: int) -> None:
    """An address of 6,000 characters reaches the app (gunicorn used to answer a bare '414' page)."""
    url = f"http://127.0.0.1:{running_server}/nkr-laenderygsmerter/anbefalinger/{'x' * 6000}/"
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(url, timeout=30)
    assert caught.value.code == 404
    page = caught.value.read().decode()
    assert "Ikke gældende" in page and "<html" in page
