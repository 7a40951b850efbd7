"""One end-to-end run over real loopback HTTP: the JWKS is fetched from a jku served on 127.0.0.1."""

import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from gradeline.cdshooks.auth import TrustedClient
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.devserver import make_server, serve_in_thread
from gradeline.cdshooks.service import CdsService
from gradeline.model import Guideline
from tests.cdshooks.client import CdsClient, es384_key, jwks
from tests.cdshooks.conftest import TODAY
from tests.cdshooks.examples import sandbox_order_select


def _jwks_server(document: dict[str, Any]) -> ThreadingHTTPServer:
    body = json.dumps(document).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    return ThreadingHTTPServer(("127.0.0.1", 0), Handler)


@pytest.mark.spec("§Trusting CDS Clients (jku over HTTP); §Cross-Origin Resource Sharing")
def test_order_select_over_loopback_with_jku_fetched_over_http(guideline: Guideline) -> None:
    key = es384_key("loopback")
    keys = _jwks_server(jwks(key))
    serve_in_thread(keys)
    jku = f"http://127.0.0.1:{keys.server_address[1]}/.well-known/jwks.json"
    iss = "https://ehr.loopback.test"
    config = ServiceConfig(clients=(TrustedClient(iss=iss, jku=(jku,)),), fhir_fetch=False)
    server = make_server(CdsService(guideline, config, today=lambda: TODAY))
    serve_in_thread(server)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        client = CdsClient(key, iss, jku=jku)
        url = base + "/cds-services/nkr-lrs-order-select"
        request = urllib.request.Request(
            url,
            data=json.dumps(sandbox_order_select()).encode(),
            headers={"Content-Type": "application/json", **client.auth(url)},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200
            assert len(json.loads(reply.read())["cards"]) == 1
        preflight = urllib.request.Request(url, method="OPTIONS", headers={"Origin": "https://ehr.test"})
        with urllib.request.urlopen(preflight, timeout=10) as reply:
            assert reply.status == 204
            assert reply.headers["Access-Control-Allow-Origin"] == "*"
    finally:
        server.shutdown()
        keys.shutdown()
        threading.Event().wait(0)
