"""Each way a token can fail gives its own reason (logged, never sent), at the exact edge of the leeway.

Times are fixed: the authenticator's clock reads NOW, so 'in the future' means beyond NOW + leeway (30 s).
"""

import logging
import re
from typing import Any

import jwt
import pytest

from gradeline.cdshooks.auth import Authenticator, AuthError, ReplayCache, TrustedClient
from tests.cdshooks.client import SANDBOX_ISS, SigningKey, es384_key, jwks

NOW = 1_750_000_000
AUD = "https://cds.gradeline.example/cds-services/nkr-lrs-order-sign"
LEEWAY = 30


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return es384_key("reasons-es384")


@pytest.fixture
def auth(key: SigningKey) -> Authenticator:
    client = TrustedClient(iss=SANDBOX_ISS, jwks=jwks(key))
    return Authenticator(clients=[client], clock=lambda: float(NOW), leeway=LEEWAY, replay=ReplayCache())


def token(key: SigningKey, header: dict[str, Any] | None = None, **claims: Any) -> str:
    payload: dict[str, Any] = {"iss": SANDBOX_ISS, "aud": AUD, "iat": NOW, "exp": NOW + 300, "jti": "j-1"}
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    head = {"kid": key.kid, "typ": "JWT"} if header is None else header
    return jwt.encode(payload, key.private, algorithm=key.alg, headers=head)


def exactly(reason: str) -> str:
    """A pattern for the whole reason: the logged sentence must be this one, not merely contain it."""
    return f"^{re.escape(reason)}$"


def bearer(t: str) -> str:
    return f"Bearer {t}"


def test_a_sound_token_passes(auth: Authenticator, key: SigningKey) -> None:
    assert auth.verify(bearer(token(key)), AUD)["jti"] == "j-1"


@pytest.mark.parametrize(("iat", "accepted"), [(NOW + LEEWAY, True), (NOW + LEEWAY + 1, False)])
def test_iat_in_the_future_beyond_the_leeway_is_refused(
    auth: Authenticator, key: SigningKey, iat: int, accepted: bool
) -> None:
    t = bearer(token(key, iat=iat, exp=iat + 300))
    if accepted:
        assert auth.verify(t, AUD)["iat"] == iat
    else:
        with pytest.raises(AuthError, match=exactly("issued in the future")):
            auth.verify(t, AUD)


@pytest.mark.parametrize(("nbf", "accepted"), [(NOW + LEEWAY, True), (NOW + LEEWAY + 1, False)])
def test_nbf_in_the_future_beyond_the_leeway_is_refused(
    auth: Authenticator, key: SigningKey, nbf: int, accepted: bool
) -> None:
    t = bearer(token(key, nbf=nbf))
    if accepted:
        assert auth.verify(t, AUD)["nbf"] == nbf
    else:
        with pytest.raises(AuthError, match=exactly("not yet valid")):
            auth.verify(t, AUD)


@pytest.mark.parametrize(("exp", "accepted"), [(NOW - LEEWAY, True), (NOW - LEEWAY - 1, False)])
def test_exp_at_the_edge_of_the_leeway(
    auth: Authenticator, key: SigningKey, exp: int, accepted: bool
) -> None:
    t = bearer(token(key, iat=exp - 300, exp=exp))
    if accepted:
        assert auth.verify(t, AUD)["exp"] == exp
    else:
        with pytest.raises(AuthError, match=exactly("expired")):
            auth.verify(t, AUD)


def test_a_lifetime_of_exactly_an_hour_plus_leeway_passes_and_one_second_more_fails(
    auth: Authenticator, key: SigningKey
) -> None:
    assert auth.verify(bearer(token(key, iat=NOW, exp=NOW + 3600 + LEEWAY)), AUD)
    with pytest.raises(AuthError, match=exactly("lifetime longer than allowed")):
        auth.verify(bearer(token(key, iat=NOW, exp=NOW + 3600 + LEEWAY + 1, jti="j-2")), AUD)


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ({"typ": "JWT"}, "no kid"),
        ({"typ": "JWT", "kid": ""}, "no kid"),
        ({"kid": "reasons-es384", "typ": "at+jwt"}, "typ is not JWT"),
        ({"kid": "someone-else", "typ": "JWT"}, "unknown kid 'someone-else'"),
    ],
)
def test_header_problems_have_their_own_reason(
    auth: Authenticator, key: SigningKey, header: dict[str, Any], reason: str
) -> None:
    with pytest.raises(AuthError, match=exactly(reason)):
        auth.verify(bearer(token(key, header=header)), AUD)


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"iss": "https://evil.example"}, "untrusted iss 'https://evil.example'"),
        ({"aud": "https://elsewhere.example/cds-services/x"}, "token rejected: InvalidAudienceError"),
        ({"jti": None}, "token rejected: MissingRequiredClaimError"),
        ({"jti": 7}, "token rejected: InvalidJTIError"),
        ({"jti": ""}, "jti not a string"),
        ({"iat": "yesterday"}, "exp/iat not numbers"),
    ],
)
def test_claim_problems_have_their_own_reason(
    auth: Authenticator, key: SigningKey, claims: dict[str, Any], reason: str
) -> None:
    with pytest.raises(AuthError, match=exactly(reason)):
        auth.verify(bearer(token(key, **claims)), AUD)


def test_a_replayed_jti_is_refused_with_its_reason(auth: Authenticator, key: SigningKey) -> None:
    t = bearer(token(key, jti="once"))
    auth.verify(t, AUD)
    with pytest.raises(AuthError, match=exactly("jti replayed")):
        auth.verify(t, AUD)


def test_no_bearer_and_malformed_tokens(auth: Authenticator) -> None:
    with pytest.raises(AuthError, match=exactly("no bearer token")):
        auth.verify(None, AUD)
    with pytest.raises(AuthError, match=exactly("no bearer token")):
        auth.verify("Basic abc", AUD)
    with pytest.raises(AuthError, match=exactly("malformed token: DecodeError")):
        auth.verify("Bearer not.a.jwt", AUD)


def test_the_service_logs_the_reason_and_answers_a_bare_401(
    call: Any, sandbox: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from tests.cdshooks.conftest import BASE
    from tests.cdshooks.examples import epic_order_sign

    path = "/cds-services/nkr-lrs-order-sign"
    future = int(__import__("time").time()) + 600
    with caplog.at_level(logging.INFO, logger="gradeline.cdshooks.service"):
        reply = call(path, epic_order_sign(), headers=sandbox.auth(BASE + path, iat=future, exp=future + 60))
    assert reply.status == 401
    assert reply.body == b""
    assert "issued in the future" in caplog.text
