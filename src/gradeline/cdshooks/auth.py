"""Authenticating CDS clients by their signed JWT (CDS Hooks 2.0 §Trusting CDS Clients).

Checks: asymmetric ``alg`` only, ``typ`` JWT, ``kid`` present, ``iss`` and ``jku`` allowlisted, signature,
``aud`` equal to the URL called, ``exp``/``iat``/``jti`` required, token lifetime at most an hour, and a
``jti`` never seen before. Any failure is an :class:`AuthError`; callers answer a bare 401. The token itself
is never logged.
"""

import json
import logging
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import jwt

log = logging.getLogger(__name__)

ASYMMETRIC = frozenset(
    {"ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "EdDSA"}
)
KEY_TYPE = {"E": "EC", "R": "RSA", "P": "RSA"}  # by the first letter of alg; EdDSA is handled apart
MAX_JWKS_BYTES = 256 * 1024


class AuthError(Exception):
    """Authentication failed; the reason is for logs only, never for the caller."""


@dataclass(frozen=True)
class TrustedClient:
    """One CDS client we trust: its issuer, allowed JWKS URLs, and/or a JWKS exchanged out of band."""

    iss: str
    jku: tuple[str, ...] = ()
    jwks: Mapping[str, Any] | None = None
    tenants: tuple[str, ...] = ()
    fhir_servers: tuple[str, ...] = ()  # base URLs this client may name as fhirServer (token sent only there)
    language: str = "da"  # the language of the cards this client gets


class JwksFetcher(Protocol):
    """Fetches a JWK Set document from an (allowlisted) URL."""

    def __call__(self, url: str) -> Mapping[str, Any]: ...


def http_jwks_fetcher(timeout: float = 2.0) -> JwksFetcher:
    """A fetcher using urllib with a timeout and a size limit."""

    def fetch(url: str) -> Mapping[str, Any]:
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            data = json.loads(reply.read(MAX_JWKS_BYTES + 1)[:MAX_JWKS_BYTES])
        if not isinstance(data, dict):
            raise AuthError("JWKS is not an object")
        return data

    return fetch


class JwksCache:
    """JWK Sets by URL, cached for ``ttl`` seconds; an unknown kid refetches at most every ``min_refresh``."""

    def __init__(self, fetcher: JwksFetcher, ttl: float = 3600.0, min_refresh: float = 30.0) -> None:
        self._fetcher = fetcher
        self._ttl = ttl
        self._min_refresh = min_refresh
        self._sets: dict[str, tuple[float, dict[str, Mapping[str, Any]]]] = {}
        self._lock = threading.Lock()

    def key(self, url: str, kid: str, now: float) -> Mapping[str, Any] | None:
        """The JWK with this kid from the set at url, or None."""
        with self._lock:
            cached = self._sets.get(url)
        if cached is not None and (now - cached[0] < self._ttl) and kid in cached[1]:
            return cached[1][kid]
        if cached is not None and now - cached[0] < self._min_refresh:
            return None
        try:
            keys = keys_by_kid(self._fetcher(url))
        except Exception as error:  # network or format problems are an auth failure, not a crash
            log.warning("JWKS fetch from %s failed: %s", url, type(error).__name__)
            return None
        with self._lock:
            self._sets[url] = (now, keys)
        return keys.get(kid)


def keys_by_kid(jwks: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The keys of a JWK Set by kid (keys without a kid are unusable: the spec requires kid)."""
    keys = jwks.get("keys")
    if not isinstance(keys, list):
        raise AuthError("JWKS has no keys array")
    return {k["kid"]: k for k in keys if isinstance(k, dict) and isinstance(k.get("kid"), str)}


class ReplayGuard(Protocol):
    """Remembers seen ``jti`` values until their token has expired; shared by all workers in production."""

    def first_use(self, iss: str, jti: str, expires: float, now: float) -> bool: ...


class ReplayCache:
    """Seen ``jti`` values (per issuer) kept in this process until their token has expired (tests, one
    worker); the web app uses a database table instead (gradeline.web.cds.store.DatabaseReplayCache)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()
        self._next_purge = 0.0

    def first_use(self, iss: str, jti: str, expires: float, now: float) -> bool:
        """Record the jti; False if it was seen before."""
        with self._lock:
            if now >= self._next_purge:
                self._seen = {k: v for k, v in self._seen.items() if v > now}
                self._next_purge = now + 60
            key = (iss, jti)
            if key in self._seen:
                return False
            self._seen[key] = expires
            return True


def _key_type(alg: str) -> str:
    return "OKP" if alg == "EdDSA" else KEY_TYPE[alg[0]]


@dataclass
class Authenticator:
    """Verifies the Authorization header of every CDS Hooks call."""

    clients: Sequence[TrustedClient]
    jwks_cache: JwksCache = field(default_factory=lambda: JwksCache(http_jwks_fetcher()))
    leeway: float = 30.0
    max_lifetime: float = 3600.0
    clock: Callable[[], float] = time.time
    replay: ReplayGuard = field(default_factory=ReplayCache)

    def __post_init__(self) -> None:
        self._parsed: dict[tuple[str, str], jwt.PyJWK] = {}
        self._lock = threading.Lock()
        self.set_clients(self.clients)

    def set_clients(self, clients: Sequence[TrustedClient]) -> None:
        """Replace the trusted clients (a reloaded configuration); takes effect for the next call."""
        by_iss = {c.iss: c for c in clients}
        static = {c.iss: keys_by_kid(c.jwks) for c in clients if c.jwks is not None}
        self.clients, self._by_iss, self._static = tuple(clients), by_iss, static

    def client(self, iss: str) -> TrustedClient | None:
        """The trusted client with this issuer."""
        return self._by_iss.get(iss)

    def verify(self, authorization: str | None, audience: str) -> dict[str, Any]:
        """The verified claims; AuthError on any failure."""
        if not authorization or not authorization.startswith("Bearer "):
            raise AuthError("no bearer token")
        token = authorization[len("Bearer ") :].strip()
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as error:
            raise AuthError(f"malformed token: {type(error).__name__}") from error
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ASYMMETRIC:
            raise AuthError(f"algorithm {alg!r} not allowed")
        if header.get("typ") != "JWT":
            raise AuthError("typ is not JWT")
        if not isinstance(kid, str) or not kid:
            raise AuthError("no kid")
        iss = unverified.get("iss")
        client = self._by_iss.get(iss) if isinstance(iss, str) else None
        if client is None:
            raise AuthError(f"untrusted iss {iss!r}")
        now = self.clock()
        jwk = self._key(client, header, kid, now)
        if jwk is None:
            raise AuthError(f"unknown kid {kid!r}")
        if jwk.get("kty") != _key_type(alg) or jwk.get("alg", alg) != alg:
            raise AuthError("key does not match alg")
        claims = self._decode(token, jwk, alg, audience, client.iss, now)
        if client.tenants and claims.get("tenant") not in client.tenants:
            raise AuthError("tenant not allowed")
        if not self.replay.first_use(client.iss, str(claims["jti"]), float(claims["exp"]) + self.leeway, now):
            raise AuthError("jti replayed")
        log.debug("authenticated iss=%s jti=%s", client.iss, claims["jti"])
        return claims

    def _key(
        self, client: TrustedClient, header: Mapping[str, Any], kid: str, now: float
    ) -> Mapping[str, Any] | None:
        jku = header.get("jku")
        if jku is not None:
            if jku not in client.jku:
                raise AuthError(f"jku {jku!r} not allowlisted for {client.iss}")
            return self.jwks_cache.key(jku, kid, now)
        if client.iss in self._static:
            return self._static[client.iss].get(kid)
        if len(client.jku) == 1:  # no jku header: the one registered JWKS URL
            return self.jwks_cache.key(client.jku[0], kid, now)
        return None

    def _parsed_key(self, jwk: Mapping[str, Any], alg: str) -> jwt.PyJWK:
        """Parsed keys are cached: loading an EC/RSA public key costs more than verifying a signature."""
        cache_key = (json.dumps(jwk, sort_keys=True), alg)
        with self._lock:
            key = self._parsed.get(cache_key)
        if key is None:
            key = jwt.PyJWK(dict(jwk), algorithm=alg)
            with self._lock:
                if len(self._parsed) > 256:
                    self._parsed.clear()
                self._parsed[cache_key] = key
        return key

    def _decode(
        self, token: str, jwk: Mapping[str, Any], alg: str, audience: str, iss: str, now: float
    ) -> dict[str, Any]:
        try:
            key = self._parsed_key(jwk, alg)
            claims: dict[str, Any] = jwt.decode(
                token,
                key=key,
                algorithms=[alg],
                audience=audience,
                issuer=iss,
                options={
                    "require": ["iss", "aud", "exp", "iat", "jti"],
                    "verify_exp": False,  # checked below against our clock
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except (jwt.PyJWTError, ValueError, TypeError, KeyError) as error:
            raise AuthError(f"token rejected: {type(error).__name__}") from error
        exp, iat = claims["exp"], claims["iat"]
        if not isinstance(exp, int | float) or not isinstance(iat, int | float):
            raise AuthError("exp/iat not numbers")
        if exp < now - self.leeway:
            raise AuthError("expired")
        nbf = claims.get("nbf")
        if isinstance(nbf, int | float) and nbf > now + self.leeway:
            raise AuthError("not yet valid")
        if iat > now + self.leeway:
            raise AuthError("issued in the future")
        if exp - iat > self.max_lifetime + self.leeway:
            raise AuthError("lifetime longer than allowed")
        if not isinstance(claims["jti"], str) or not claims["jti"]:
            raise AuthError("jti not a string")
        return claims
