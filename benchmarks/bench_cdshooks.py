"""CDS Hooks order-sign with JWT verification on, against discovery, on one loopback server in one run.

A threaded HTTP server around ``CdsService.handle`` on 127.0.0.1; 8 client threads with keep-alive
connections send a bounded number of requests each (tokens are signed beforehand, so client-side signing
is not timed). Every request carries a fresh ES384 JWT (unique jti, aud = the URL called) that the
service verifies against a cached JWKS fetched through the jku allowlist.
"""

import datetime as dt
import http.client
import json
import statistics
import threading
import time
import uuid
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm

from gradeline.cdshooks.auth import Authenticator, JwksCache, TrustedClient
from gradeline.cdshooks.config import ServiceConfig
from gradeline.cdshooks.devserver import make_server, serve_in_thread
from gradeline.cdshooks.service import CdsService
from gradeline.content.pack import cached_pack

REQUESTS = 1000
CONCURRENCY = 8
ISS, JKU, KID = "https://ehr.bench.test", "https://ehr.bench.test/jwks.json", "bench-es384"
SIGN = "/cds-services/nkr-lrs-order-sign"

ORDER_SIGN = {
    "hook": "order-sign",
    "hookInstance": "5b8f3f6e-2a4c-4d43-9d6a-0c1c2f1d7a11",
    "context": {
        "userId": "Practitioner/p1",
        "patientId": "pt1",
        "draftOrders": {
            "resourceType": "Bundle",
            "entry": [
                {
                    "resource": {
                        "resourceType": "ServiceRequest",
                        "id": "sr1",
                        "status": "draft",
                        "intent": "plan",
                        "subject": {"reference": "Patient/pt1"},
                        "code": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "72148"}]},
                    }
                },
                {
                    "resource": {
                        "resourceType": "MedicationRequest",
                        "id": "mr1",
                        "status": "draft",
                        "intent": "order",
                        "subject": {"reference": "Patient/pt1"},
                        "medicationCodeableConcept": {
                            "coding": [{"system": "http://www.whocc.no/atc", "code": "N02AX02"}]
                        },
                    }
                },
            ],
        },
    },
    "prefetch": {
        "patient": {"resourceType": "Patient", "id": "pt1", "birthDate": "1979-04-12"},
        "observations": {"resourceType": "Bundle", "type": "searchset", "entry": []},
        "conditions": {
            "resourceType": "Bundle",
            "type": "searchset",
            "entry": [
                {
                    "resource": {
                        "resourceType": "Condition",
                        "id": "c1",
                        "subject": {"reference": "Patient/pt1"},
                        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "279039007"}]},
                        "onsetDateTime": "2024-02-19",
                    }
                }
            ],
        },
    },
}


def _percentile(sorted_ms: list[float], q: float) -> float:
    index = min(len(sorted_ms) - 1, max(0, round(q * len(sorted_ms)) - 1))
    return round(sorted_ms[index], 3)


def _load(
    port: int, method: str, path: str, body: bytes, tokens: list[str], concurrency: int = CONCURRENCY
) -> dict[str, Any]:
    chunks = [tokens[i::concurrency] for i in range(concurrency)]
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def worker(mine: list[str]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        local: list[float] = []
        codes: list[int] = []
        for token in mine:
            headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
            start = time.perf_counter()
            conn.request(method, path, body=body or None, headers=headers)
            reply = conn.getresponse()
            reply.read()
            local.append((time.perf_counter() - start) * 1000)
            codes.append(reply.status)
        conn.close()
        with lock:
            latencies.extend(local)
            for code in codes:
                statuses[code] = statuses.get(code, 0) + 1

    threads = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    ordered = sorted(latencies)
    return {
        "requests": len(latencies),
        "statuses": statuses,
        "p50_ms": _percentile(ordered, 0.50),
        "p95_ms": _percentile(ordered, 0.95),
        "p99_ms": _percentile(ordered, 0.99),
        "max_ms": round(ordered[-1], 3),
        "mean_ms": round(statistics.fmean(ordered), 3),
        "throughput_rps": round(len(latencies) / wall, 1),
    }


def run() -> dict[str, Any]:
    """Latency percentiles and throughput for discovery and order-sign, with JWT verification on."""
    private = ec.generate_private_key(ec.SECP384R1())
    public = {**ECAlgorithm.to_jwk(private.public_key(), as_dict=True), "kid": KID, "alg": "ES384"}
    fetches: list[str] = []

    def fetch(url: str) -> dict[str, Any]:
        fetches.append(url)
        return {"keys": [public]}

    clients = (TrustedClient(iss=ISS, jku=(JKU,)),)
    service = CdsService(
        cached_pack(),
        ServiceConfig(clients=clients, fhir_fetch=False),
        authenticator=Authenticator(clients, jwks_cache=JwksCache(fetch)),
        today=lambda: dt.date(2024, 3, 1),
    )
    server = make_server(service)
    serve_in_thread(server)
    port = server.server_address[1]
    base = f"http://127.0.0.1:{port}"

    def tokens(path: str, n: int) -> list[str]:
        now = int(time.time())
        header = {"kid": KID, "jku": JKU, "typ": "JWT"}
        claims = {"iss": ISS, "aud": base + path, "iat": now, "exp": now + 300}
        return [
            jwt.encode({**claims, "jti": str(uuid.uuid4())}, private, algorithm="ES384", headers=header)
            for _ in range(n)
        ]

    body = json.dumps(ORDER_SIGN).encode()
    try:
        _load(port, "POST", SIGN, body, tokens(SIGN, 50))  # warm-up (imports, JWKS fetch, caches)
        discovery = _load(port, "GET", "/cds-services", b"", tokens("/cds-services", REQUESTS))
        order_sign = _load(port, "POST", SIGN, body, tokens(SIGN, REQUESTS))
        discovery_c2 = _load(port, "GET", "/cds-services", b"", tokens("/cds-services", REQUESTS), 2)
        order_sign_c2 = _load(port, "POST", SIGN, body, tokens(SIGN, REQUESTS), 2)
        in_process = []
        for token in tokens(SIGN, 300):
            start = time.perf_counter()
            reply = service.handle("POST", SIGN, {"Authorization": f"Bearer {token}"}, body, base)
            in_process.append((time.perf_counter() - start) * 1000)
            assert reply.status == 200 and len(reply.json()["cards"]) == 2
    finally:
        server.shutdown()
    in_process.sort()
    return {
        "what": "loopback HTTP, 8 (and 2) keep-alive clients, ES384 JWT verified per request, JWKS cached",
        "requests_per_endpoint": REQUESTS,
        "concurrency": CONCURRENCY,
        "discovery": discovery,
        "order_sign": order_sign,
        "order_sign_cards": 2,
        "ratio_order_sign_to_discovery_p50": round(order_sign["p50_ms"] / discovery["p50_ms"], 2),
        "ratio_order_sign_to_discovery_p99": round(order_sign["p99_ms"] / discovery["p99_ms"], 2),
        "at_concurrency_2": {"discovery": discovery_c2, "order_sign": order_sign_c2},
        "in_process_handle_order_sign_p50_ms": _percentile(in_process, 0.5),
        "in_process_handle_order_sign_p99_ms": _percentile(in_process, 0.99),
        "jwks_fetches": len(fetches),
        "target_p99_ms": 20,
        "meets_target_at_concurrency_8": order_sign["p99_ms"] < 20,
        "meets_target_at_concurrency_2": order_sign_c2["p99_ms"] < 20,
    }
