"""Issue 13: a replayed client JWT is accepted once when `gradeline serve` runs two gunicorn workers (the jti
cache is the database, not each worker's memory)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.cdshooks.client import EPIC_ISS, CdsClient, jwks, rs384_key
from tests.cdshooks.examples import epic_order_sign

PATH = "/nkr-laenderygsmerter/cds-services/nkr-lrs-order-sign"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[str, CdsClient]]:
    key = rs384_key("two-workers")
    config = tmp_path / "cds.json"
    config.write_text(json.dumps({"clients": [{"iss": EPIC_ISS, "jwks": jwks(key)}], "fhir_fetch": False}))
    port = _free_port()
    env = {**os.environ, "GRADELINE_CDS_CONFIG": str(config)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "gradeline.web.serve", "--port", str(port), "--workers", "2"]
    command += ["--database-url", f"sqlite:///{tmp_path / 'db.sqlite3'}"]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if server.poll() is not None:
                pytest.fail(f"gradeline serve exited: {(tmp_path / 'serve.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/nkr-laenderygsmerter/cds-services", timeout=2)
            except urllib.error.HTTPError:
                break  # 401: the app answers
            except OSError:
                time.sleep(0.5)
        yield base, CdsClient(key, EPIC_ISS, epic=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _post(base: str, headers: dict[str, str], body: bytes) -> int:
    request = urllib.request.Request(
        base + PATH, data=body, headers={"Content-Type": "application/json", **headers}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_one_token_is_accepted_once_across_two_workers(two_workers: tuple[str, CdsClient]) -> None:
    base, client = two_workers
    body = json.dumps(epic_order_sign()).encode()
    for _ in range(3):  # bursts of simultaneous requests keep both sync workers busy
        headers = client.auth(base + PATH)
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(_post, [base] * 8, [headers] * 8, [body] * 8))
        assert statuses.count(200) == 1 and statuses.count(401) == 7, statuses
