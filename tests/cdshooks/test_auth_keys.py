"""Keys behind the JWT checks: every allowed algorithm, key/alg mismatches, where a key comes from, the JWKS
cache's timing, the JWKS fetch over HTTP, the replay cache's memory and the authenticator's default limits.

Times are fixed numbers, worked out by hand; nothing here waits on the clock.
"""

import functools
import json
import logging
import threading
import time
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

from gradeline.cdshooks.auth import (
    Authenticator,
    AuthError,
    JwksCache,
    ReplayCache,
    TrustedClient,
    http_jwks_fetcher,
    keys_by_kid,
)
from tests.cdshooks.client import SANDBOX_ISS, SigningKey, es384_key, jwks
from tests.cdshooks.test_auth_reasons import exactly

NOW = 1_750_000_000
AUD = "https://cds.gradeline.example/cds-services/nkr-lrs-order-sign"
JKU = "https://sandbox.cds-hooks.org/.well-known/jwks.json"
CURVES = {"ES256": ec.SECP256R1(), "ES384": ec.SECP384R1(), "ES512": ec.SECP521R1()}


@functools.cache
def key_for(alg: str, kid: str | None = None) -> SigningKey:
    """A key of the kind ``alg`` signs with (made once per run); its public JWK names the alg."""
    kid = kid or f"{alg.lower()}-key"
    private: Any
    if alg in CURVES:
        private = ec.generate_private_key(CURVES[alg])
        public = ECAlgorithm.to_jwk(private.public_key(), as_dict=True)
    elif alg == "EdDSA":
        private = ed25519.Ed25519PrivateKey.generate()
        public = OKPAlgorithm.to_jwk(private.public_key(), as_dict=True)
    else:
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey(alg, kid, private, {**public, "kid": kid, "alg": alg})


def token(key: SigningKey, header: dict[str, Any] | None = None, **claims: Any) -> str:
    payload: dict[str, Any] = {"iss": SANDBOX_ISS, "aud": AUD, "iat": NOW, "exp": NOW + 300, "jti": "j-1"}
    payload.update(claims)
    head = {"kid": key.kid, "typ": "JWT", **(header or {})}
    return "Bearer " + jwt.encode(payload, key.private, algorithm=key.alg, headers=head)


def authenticator(*clients: TrustedClient, fetcher: Any = None, **options: Any) -> Authenticator:
    cache = JwksCache(fetcher or (lambda url: {"keys": []}))
    return Authenticator(clients=clients, jwks_cache=cache, clock=lambda: float(NOW), **options)


class CountingFetcher:
    """A JWKS host in memory that counts fetches (and can be made to fail)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.fetches = 0
        self.error: Exception | None = None

    def __call__(self, url: str) -> Mapping[str, Any]:
        self.fetches += 1
        if self.error is not None:
            raise self.error
        return self.document


@pytest.mark.parametrize(
    "alg", ["ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA"]
)
def test_every_asymmetric_algorithm_is_accepted_with_its_own_key(alg: str) -> None:
    key = key_for(alg)
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)))
    assert auth.verify(token(key), AUD)["jti"] == "j-1"


@pytest.mark.parametrize("alg", ["HS256", "none"])
def test_symmetric_and_unsigned_tokens_are_refused_by_algorithm(alg: str) -> None:
    key = es384_key()
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)))
    payload = {"iss": SANDBOX_ISS, "aud": AUD, "iat": NOW, "exp": NOW + 300, "jti": "j-1"}
    signed = jwt.encode(
        payload, "s" * 32 if alg == "HS256" else "", algorithm=alg, headers={"kid": key.kid, "typ": "JWT"}
    )
    with pytest.raises(AuthError, match=exactly(f"algorithm '{alg}' not allowed")):
        auth.verify("Bearer " + signed, AUD)


@pytest.mark.parametrize(
    ("signing_alg", "jwk_changes"),
    [
        ("RS256", {"kty": "EC"}),  # an RSA signature checked against a key that says it is EC
        ("ES384", {"kty": "RSA"}),
        ("EdDSA", {"kty": "EC"}),
        ("ES384", {"alg": "ES256"}),  # the key is published for another algorithm
    ],
)
def test_a_key_of_the_wrong_kind_is_refused(signing_alg: str, jwk_changes: dict[str, str]) -> None:
    key = key_for(signing_alg)
    published = {"keys": [{**key.public_jwk, **jwk_changes}]}
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=published))
    with pytest.raises(AuthError, match=exactly("key does not match alg")):
        auth.verify(token(key), AUD)


def test_a_key_without_alg_is_used_for_the_alg_of_its_kind() -> None:
    key = key_for("PS256")
    published = {"keys": [{k: v for k, v in key.public_jwk.items() if k != "alg"}]}
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=published))
    assert auth.verify(token(key), AUD)["iss"] == SANDBOX_ISS


def test_keys_by_kid_keeps_only_keys_with_a_kid() -> None:
    usable = {"kty": "EC", "kid": "a"}
    document = {"keys": [usable, {"kty": "EC"}, {"kty": "EC", "kid": 7}, "not a key"]}
    assert keys_by_kid(document) == {"a": usable}
    with pytest.raises(AuthError, match=exactly("JWKS has no keys array")):
        keys_by_kid({"keys": {"a": usable}})
    with pytest.raises(AuthError, match=exactly("JWKS has no keys array")):
        keys_by_kid({})


def test_without_a_jku_header_the_one_registered_jwks_url_is_used() -> None:
    key = es384_key("only-url")
    fetched: list[str] = []

    def host(url: str) -> Mapping[str, Any]:
        fetched.append(url)
        return jwks(key) if url == JKU else {"keys": []}

    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jku=(JKU,)), fetcher=host)
    assert auth.verify(token(key), AUD)["jti"] == "j-1"
    assert auth.verify(token(key, jti="j-2"), AUD)["jti"] == "j-2"  # the second from the cache
    assert fetched == [JKU]


def test_without_a_jku_header_two_registered_urls_give_no_key() -> None:
    key = es384_key("two-urls")
    host = CountingFetcher(jwks(key))
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jku=(JKU, JKU + "?v=2")), fetcher=host)
    with pytest.raises(AuthError, match=exactly("unknown kid 'two-urls'")):
        auth.verify(token(key), AUD)
    assert host.fetches == 0


def test_a_jku_header_must_be_allowlisted_and_is_then_fetched() -> None:
    key = es384_key("by-jku")
    host = CountingFetcher(jwks(key))
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jku=(JKU,)), fetcher=host)
    assert auth.verify(token(key, header={"jku": JKU}), AUD)["jti"] == "j-1"
    with pytest.raises(
        AuthError,
        match=exactly(
            "jku 'https://evil.example/jwks.json' not allowlisted for https://sandbox.cds-hooks.org"
        ),
    ):
        auth.verify(token(key, header={"jku": "https://evil.example/jwks.json"}, jti="j-2"), AUD)
    assert host.fetches == 1


def test_one_authenticator_checks_each_client_with_its_own_key() -> None:
    first, second = es384_key("shared-kid"), es384_key("shared-kid")
    auth = authenticator(
        TrustedClient(iss=SANDBOX_ISS, jwks=jwks(first)),
        TrustedClient(iss="https://other.example", jwks=jwks(second)),
    )
    assert auth.verify(token(first), AUD)["iss"] == SANDBOX_ISS
    assert auth.verify(token(second, iss="https://other.example"), AUD)["iss"] == "https://other.example"
    with pytest.raises(AuthError, match=exactly("token rejected: InvalidSignatureError")):
        auth.verify(token(first, iss="https://other.example", jti="j-2"), AUD)


def test_the_same_jti_from_two_issuers_is_not_a_replay() -> None:
    key = es384_key()
    auth = authenticator(
        TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)),
        TrustedClient(iss="https://other.example", jwks=jwks(key)),
    )
    assert auth.verify(token(key, jti="same"), AUD)
    assert auth.verify(token(key, iss="https://other.example", jti="same"), AUD)


def test_an_issuer_that_is_not_a_string_is_untrusted() -> None:
    key = es384_key()
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)))
    payload = {"iss": [SANDBOX_ISS], "aud": AUD, "iat": NOW, "exp": NOW + 300, "jti": "j-1"}
    signed = jwt.api_jws.encode(
        json.dumps(payload).encode(), key.private, algorithm=key.alg, headers={"kid": key.kid, "typ": "JWT"}
    )
    with pytest.raises(AuthError, match=exactly("untrusted iss ['https://sandbox.cds-hooks.org']")):
        auth.verify("Bearer " + signed, AUD)


def test_nbf_is_judged_by_our_clock_and_leeway_not_the_libraries() -> None:
    """nbf 20 s ahead of the authenticator's clock is within its 30 s leeway; the JWT library, left to judge
    nbf itself (no leeway), would refuse it."""
    key = es384_key()
    now = float(int(time.time()))
    auth = Authenticator(
        clients=[TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key))], clock=lambda: now, replay=ReplayCache()
    )
    sound = token(key, iat=int(now), exp=int(now) + 300, nbf=int(now) + 20)
    assert auth.verify(sound, AUD)["nbf"] == int(now) + 20


def test_a_tenant_outside_the_allowlist_is_refused_with_its_reason() -> None:
    key = es384_key()
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key), tenants=("region-h",)))
    assert auth.verify(token(key, tenant="region-h"), AUD)["tenant"] == "region-h"
    with pytest.raises(AuthError, match=exactly("tenant not allowed")):
        auth.verify(token(key, tenant="region-s", jti="j-2"), AUD)
    with pytest.raises(AuthError, match=exactly("tenant not allowed")):
        auth.verify(token(key, jti="j-3"), AUD)


def test_replaced_clients_take_effect_for_the_next_call() -> None:
    key = es384_key()
    trusted = TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key))
    auth = authenticator(trusted)
    assert auth.client(SANDBOX_ISS) == trusted
    auth.set_clients([])
    assert auth.client(SANDBOX_ISS) is None
    with pytest.raises(AuthError, match=exactly("untrusted iss 'https://sandbox.cds-hooks.org'")):
        auth.verify(token(key), AUD)


def test_the_default_leeway_is_30_seconds_and_the_default_lifetime_an_hour() -> None:
    key = es384_key()
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)))
    assert auth.verify(token(key, iat=NOW - 400, exp=NOW - 30, jti="a"), AUD)
    with pytest.raises(AuthError, match=exactly("expired")):
        auth.verify(token(key, iat=NOW - 400, exp=NOW - 31, jti="b"), AUD)
    assert auth.verify(token(key, iat=NOW + 30, exp=NOW + 330, jti="c"), AUD)
    with pytest.raises(AuthError, match=exactly("issued in the future")):
        auth.verify(token(key, iat=NOW + 31, exp=NOW + 331, jti="d"), AUD)
    assert auth.verify(token(key, iat=NOW, exp=NOW + 3630, jti="e"), AUD)  # 3,600 s + 30 s leeway
    with pytest.raises(AuthError, match=exactly("lifetime longer than allowed")):
        auth.verify(token(key, iat=NOW, exp=NOW + 3631, jti="f"), AUD)


def test_a_replayed_jti_is_refused_until_its_token_has_expired_plus_the_leeway() -> None:
    key = es384_key()
    clock = [float(NOW)]
    auth = Authenticator(
        clients=[TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key))], clock=lambda: clock[0], replay=ReplayCache()
    )
    sound = token(key, iat=NOW, exp=NOW + 60, jti="once")
    auth.verify(sound, AUD)
    # At 89 s the purge (due at 60 s) drops only entries whose exp + leeway (90 s) has passed: not this one.
    clock[0] = NOW + 89
    with pytest.raises(AuthError, match=exactly("jti replayed")):
        auth.verify(sound, AUD)


def test_a_successful_call_is_logged_with_issuer_and_jti(caplog: pytest.LogCaptureFixture) -> None:
    key = es384_key()
    auth = authenticator(TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key)))
    with caplog.at_level(logging.DEBUG, logger="gradeline.cdshooks.auth"):
        auth.verify(token(key, jti="logged-jti"), AUD)
    assert [r.getMessage() for r in caplog.records] == [f"authenticated iss={SANDBOX_ISS} jti=logged-jti"]


# --- the replay cache on its own ---------------------------------------------------------------------------


def test_replay_cache_remembers_a_jti_per_issuer() -> None:
    cache = ReplayCache()
    assert cache.first_use("iss-a", "j", expires=100.0, now=0.0) is True
    assert cache.first_use("iss-a", "j", expires=100.0, now=10.0) is False
    assert cache.first_use("iss-b", "j", expires=100.0, now=10.0) is True


def test_replay_cache_forgets_expired_jtis_at_its_minute_purge() -> None:
    """The first call purges and schedules the next purge a minute later (at 60 s): an entry that expired at
    10 s is still remembered at 59 s and forgotten at 60 s, as is one that expires at 60 s exactly. One that
    expires at 61 s survives that purge."""
    cache = ReplayCache()
    assert cache.first_use("iss", "short", expires=10.0, now=0.0)
    assert cache.first_use("iss", "edge", expires=60.0, now=0.0)
    assert cache.first_use("iss", "long", expires=61.0, now=0.0)
    assert cache.first_use("iss", "short", expires=10.0, now=59.0) is False
    assert cache.first_use("iss", "short", expires=200.0, now=60.0) is True
    assert cache.first_use("iss", "edge", expires=200.0, now=60.0) is True
    assert cache.first_use("iss", "long", expires=200.0, now=60.0) is False


# --- the JWKS cache ----------------------------------------------------------------------------------------


def test_jwks_cache_keeps_a_set_for_its_ttl() -> None:
    """ttl 3,600 s: fetched at 1,000 s, a known kid at 4,599 s comes from the cache; at 4,600 s the set is
    fetched again."""
    host = CountingFetcher({"keys": [{"kty": "EC", "kid": "k"}]})
    cache = JwksCache(host)
    assert cache.key(JKU, "k", now=1000.0) == {"kty": "EC", "kid": "k"}
    assert cache.key(JKU, "k", now=4599.0) == {"kty": "EC", "kid": "k"}
    assert host.fetches == 1
    assert cache.key(JKU, "k", now=4600.0) == {"kty": "EC", "kid": "k"}
    assert host.fetches == 2


def test_jwks_cache_refetches_for_an_unknown_kid_at_most_every_30_seconds() -> None:
    host = CountingFetcher({"keys": [{"kty": "EC", "kid": "k"}]})
    cache = JwksCache(host)
    assert cache.key(JKU, "new", now=0.0) is None
    assert cache.key(JKU, "new", now=29.0) is None
    assert host.fetches == 1
    host.document = {"keys": [{"kty": "EC", "kid": "new"}]}
    assert cache.key(JKU, "new", now=30.0) == {"kty": "EC", "kid": "new"}
    assert host.fetches == 2


def test_jwks_cache_custom_ttl_and_refresh() -> None:
    host = CountingFetcher({"keys": [{"kty": "EC", "kid": "k"}]})
    cache = JwksCache(host, ttl=10.0, min_refresh=5.0)
    cache.key(JKU, "k", now=0.0)
    cache.key(JKU, "k", now=9.0)
    assert host.fetches == 1
    cache.key(JKU, "k", now=10.0)
    assert host.fetches == 2
    cache.key(JKU, "other", now=14.0)
    assert host.fetches == 2
    cache.key(JKU, "other", now=15.0)
    assert host.fetches == 3


def test_a_failed_jwks_fetch_is_no_key_and_a_logged_warning(caplog: pytest.LogCaptureFixture) -> None:
    host = CountingFetcher({"keys": []})
    host.error = TimeoutError("slow host")
    with caplog.at_level(logging.WARNING, logger="gradeline.cdshooks.auth"):
        assert JwksCache(host).key(JKU, "k", now=0.0) is None
    assert [r.getMessage() for r in caplog.records] == [f"JWKS fetch from {JKU} failed: TimeoutError"]
    assert "slow host" not in caplog.text


# --- fetching a JWKS over HTTP (a server on loopback) ------------------------------------------------------


class JwksHandler(BaseHTTPRequestHandler):
    bodies: ClassVar[dict[str, bytes]] = {}
    accepts: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        type(self).accepts.append(self.headers.get("Accept"))
        body = self.bodies.get(self.path, b"")
        self.send_response(200 if self.path in self.bodies else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture
def jwks_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), JwksHandler)
    JwksHandler.accepts = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_http_fetcher_reads_a_jwks_asking_for_json(jwks_server: str) -> None:
    document = {"keys": [{"kty": "EC", "kid": "k"}]}
    JwksHandler.bodies = {"/jwks.json": json.dumps(document).encode()}
    assert http_jwks_fetcher()(jwks_server + "/jwks.json") == document
    assert JwksHandler.accepts == ["application/json"]


def test_http_fetcher_refuses_a_document_that_is_not_an_object(jwks_server: str) -> None:
    JwksHandler.bodies = {"/list.json": b"[1, 2]"}
    with pytest.raises(AuthError, match=exactly("JWKS is not an object")):
        http_jwks_fetcher()(jwks_server + "/list.json")


def test_http_fetcher_reads_at_most_256_kib(jwks_server: str) -> None:
    """A document of exactly 256 KiB is read whole; one byte more is cut off, so it is not valid JSON."""
    head = b'{"keys": [], "pad": "'
    exact = head + b"x" * (256 * 1024 - len(head) - 2) + b'"}'
    JwksHandler.bodies = {"/exact.json": exact, "/over.json": exact[:-2] + b'x"}'}
    assert len(exact) == 256 * 1024
    assert http_jwks_fetcher()(jwks_server + "/exact.json")["keys"] == []
    with pytest.raises(json.JSONDecodeError):
        http_jwks_fetcher()(jwks_server + "/over.json")
