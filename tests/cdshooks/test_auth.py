"""Client authentication (§Trusting CDS Clients, §JWT Signing Algorithm) including negative cases."""

import base64
import hashlib
import hmac
import json
import time
import uuid

import jwt
import pytest

from gradeline.cdshooks.auth import Authenticator, AuthError, JwksCache, TrustedClient
from tests.cdshooks.client import SANDBOX_ISS, SANDBOX_JKU, CdsClient, SigningKey, es384_key, jwks
from tests.cdshooks.conftest import BASE, Call, FakeJwksHost
from tests.cdshooks.examples import epic_order_sign, sandbox_order_select

spec = pytest.mark.spec
SIGN = "/cds-services/nkr-lrs-order-sign"
SELECT = "/cds-services/nkr-lrs-order-select"

# The example token, its JWKS and context from CDS Hooks 2.0 §Trusting CDS Clients > Example (exp = 2015).
SPEC_TOKEN = (
    "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVoci5leGFtcGxl"
    "LmNvbS9qd2tfdXJpIn0.eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1w"
    "bGUub3JnL2Nkcy1zZXJ2aWNlcy9zb21lLXNlcnZpY2UiLCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUy"
    "MmIwMjEtZTFiNy00NjExLWJhNWItOGVlYzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMw"
    "MmEyIn0.d1WfLjGRKlcWB94l9do4cM8REXeYJLL6SGUBO8VHZhfM8mwKYP70EMxJ67War4TQblEpaQrp11wx5p7oPFm2ETYgCicS84vXW"
    "EIYTdjooZdooCSDf2L8-i4awdoUwiEb"
)
SPEC_JWKS = {
    "keys": [
        {
            "kty": "EC",
            "use": "sig",
            "crv": "P-384",
            "kid": "example-kid",
            "x": "46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
            "y": "XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI",
            "alg": "ES384",
        }
    ]
}
SPEC_ISS, SPEC_JKU = "https://fhir-ehr.example.com/", "https://fhir-ehr.example.com/jwk_uri"
SPEC_AUD = "https://cds.example.org/cds-services/some-service"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _is_bare_401(reply) -> None:  # type: ignore[no-untyped-def]
    assert reply.status == 401
    assert reply.body == b""


@spec("§Trusting CDS Clients")
def test_sandbox_style_es384_with_jku_is_accepted(call: Call) -> None:
    assert call(SELECT, sandbox_order_select()).status == 200


@spec("§Trusting CDS Clients")
def test_epic_style_rs384_with_nbf_and_sub_is_accepted(call: Call, epic: CdsClient) -> None:
    assert call(SIGN, epic_order_sign(), client=epic).status == 200


@spec("§Trusting CDS Clients")
def test_missing_or_non_bearer_authorization_is_a_bare_401(call: Call) -> None:
    _is_bare_401(call(SIGN, epic_order_sign(), headers={}))
    _is_bare_401(call(SIGN, epic_order_sign(), headers={"Authorization": "Basic dXNlcjpwdw=="}))


@spec("§JWT Signing Algorithm")
def test_alg_none_is_rejected(call: Call) -> None:
    now = int(time.time())
    claims = {"iss": SANDBOX_ISS, "aud": BASE + SIGN, "iat": now, "exp": now + 60, "jti": str(uuid.uuid4())}
    token = (
        f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': 'sandbox-es384', 'jku': SANDBOX_JKU})}.{_b64(claims)}."
    )
    _is_bare_401(call(SIGN, epic_order_sign(), headers={"Authorization": f"Bearer {token}"}))


@spec("§JWT Signing Algorithm")
def test_hs256_is_rejected_even_when_keyed_with_the_public_jwk(call: Call, sandbox_key: SigningKey) -> None:
    now = int(time.time())
    claims = {"iss": SANDBOX_ISS, "aud": BASE + SIGN, "iat": now, "exp": now + 60, "jti": str(uuid.uuid4())}
    secret = json.dumps(sandbox_key.public_jwk).encode()  # the classic algorithm-confusion attempt
    signing_input = (
        f"{_b64({'alg': 'HS256', 'typ': 'JWT', 'kid': sandbox_key.kid, 'jku': SANDBOX_JKU})}.{_b64(claims)}"
    )
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    token = f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
    _is_bare_401(call(SIGN, epic_order_sign(), headers={"Authorization": f"Bearer {token}"}))


@spec("§Trusting CDS Clients")
def test_wrong_audience_is_rejected(call: Call, sandbox: CdsClient) -> None:
    for aud in (
        BASE + SELECT,
        BASE + "/cds-services",
        "https://other.example/cds-services/nkr-lrs-order-sign",
    ):
        _is_bare_401(call(SIGN, epic_order_sign(), headers=sandbox.auth(aud)))


@spec("§Trusting CDS Clients")
def test_audience_as_array_is_accepted(call: Call, sandbox: CdsClient) -> None:
    assert call(SIGN, epic_order_sign(), headers=sandbox.auth([BASE + SIGN])).status == 200  # type: ignore[arg-type]


@spec("§Trusting CDS Clients")
def test_expired_token_is_rejected(call: Call, sandbox: CdsClient) -> None:
    past = int(time.time()) - 1000
    _is_bare_401(call(SIGN, epic_order_sign(), headers=sandbox.auth(BASE + SIGN, iat=past - 300, exp=past)))


@spec("§Trusting CDS Clients")
@pytest.mark.parametrize("missing", ["exp", "iat", "jti", "iss", "aud"])
def test_required_claims_are_required(call: Call, sandbox: CdsClient, missing: str) -> None:
    _is_bare_401(call(SIGN, epic_order_sign(), headers=sandbox.auth(BASE + SIGN, **{missing: None})))


@spec("§Trusting CDS Clients")
def test_replayed_jti_is_rejected(call: Call, sandbox: CdsClient) -> None:
    headers = sandbox.auth(BASE + SIGN)
    assert call(SIGN, epic_order_sign(), headers=headers).status == 200
    _is_bare_401(call(SIGN, epic_order_sign(), headers=headers))


@spec("§Trusting CDS Clients")
def test_unknown_kid_is_rejected_and_refetch_is_rate_limited(call: Call, jwks_host: FakeJwksHost) -> None:
    stranger = CdsClient(es384_key("not-in-jwks"), SANDBOX_ISS, jku=SANDBOX_JKU)
    _is_bare_401(call(SIGN, epic_order_sign(), client=stranger))
    _is_bare_401(call(SIGN, epic_order_sign(), client=stranger))
    assert len(jwks_host.fetches) == 1


@spec("§Trusting CDS Clients")
def test_untrusted_issuer_is_rejected(call: Call, sandbox_key: SigningKey) -> None:
    _is_bare_401(
        call(SIGN, epic_order_sign(), client=CdsClient(sandbox_key, "https://evil.example", SANDBOX_JKU))
    )


@spec("§Trusting CDS Clients")
def test_jku_not_on_the_allowlist_is_rejected_without_fetching(
    call: Call, sandbox_key: SigningKey, jwks_host: FakeJwksHost
) -> None:
    evil = "https://evil.example/jwks.json"
    jwks_host.documents[evil] = jwks(sandbox_key)
    _is_bare_401(call(SIGN, epic_order_sign(), client=CdsClient(sandbox_key, SANDBOX_ISS, jku=evil)))
    assert evil not in jwks_host.fetches


@spec("§Trusting CDS Clients")
def test_typ_must_be_jwt_and_kid_present(call: Call, sandbox: CdsClient) -> None:
    bad_typ = sandbox.token(BASE + SIGN, headers={"typ": "at+jwt"})
    _is_bare_401(call(SIGN, epic_order_sign(), headers={"Authorization": f"Bearer {bad_typ}"}))


@spec("§Trusting CDS Clients")
def test_signature_by_another_key_with_the_same_kid_is_rejected(call: Call, sandbox_key: SigningKey) -> None:
    forger = CdsClient(es384_key(sandbox_key.kid), SANDBOX_ISS, jku=SANDBOX_JKU)
    _is_bare_401(call(SIGN, epic_order_sign(), client=forger))


@spec("§Trusting CDS Clients")
def test_overlong_token_lifetime_is_rejected(call: Call, sandbox: CdsClient) -> None:
    now = int(time.time())
    _is_bare_401(call(SIGN, epic_order_sign(), headers=sandbox.auth(BASE + SIGN, iat=now, exp=now + 7200)))


@spec("§Trusting CDS Clients > Example")
def test_the_spec_example_token_has_a_valid_signature_but_is_expired() -> None:
    key = jwt.PyJWK(SPEC_JWKS["keys"][0])
    claims = jwt.decode(
        SPEC_TOKEN, key, algorithms=["ES384"], audience=SPEC_AUD, options={"verify_exp": False}
    )
    assert claims["jti"] == "ee22b021-e1b7-4611-ba5b-8eec6a33ac1e"
    auth = Authenticator(
        [TrustedClient(iss=SPEC_ISS, jku=(SPEC_JKU,))],
        jwks_cache=JwksCache(FakeJwksHost({SPEC_JKU: SPEC_JWKS})),
    )
    with pytest.raises(AuthError, match="expired"):
        auth.verify(f"Bearer {SPEC_TOKEN}", SPEC_AUD)


@spec("§Trusting CDS Clients")
def test_tenant_allowlist(sandbox_key: SigningKey) -> None:
    client = CdsClient(sandbox_key, SANDBOX_ISS, jku=SANDBOX_JKU)
    auth = Authenticator(
        [TrustedClient(iss=SANDBOX_ISS, jku=(SANDBOX_JKU,), tenants=("region-h",))],
        jwks_cache=JwksCache(FakeJwksHost({SANDBOX_JKU: jwks(sandbox_key)})),
    )
    assert auth.verify(f"Bearer {client.token('aud', tenant='region-h')}", "aud")["tenant"] == "region-h"
    with pytest.raises(AuthError):
        auth.verify(f"Bearer {client.token('aud', tenant='other')}", "aud")


@spec("§Cross-Origin Resource Sharing")
def test_preflight_passes_without_a_token_and_responses_carry_cors(call: Call) -> None:
    reply = call(SIGN, method="OPTIONS", headers={"Origin": "https://ehr.example"})
    assert reply.status == 204
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert "Authorization" in reply.headers["Access-Control-Allow-Headers"]
    assert "POST" in reply.headers["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" in call(SIGN, epic_order_sign(), headers={}).headers


@spec("§Trusting CDS Clients")
def test_development_mode_is_off_by_default_and_explicit(guideline) -> None:  # type: ignore[no-untyped-def]
    from gradeline.cdshooks.config import ServiceConfig
    from gradeline.cdshooks.service import CdsService

    assert ServiceConfig().development_mode is False
    with pytest.raises(ValueError):
        ServiceConfig.from_mapping({"development_mode": "yes"})
    dev = CdsService(guideline, ServiceConfig(development_mode=True, fhir_fetch=False))
    assert dev.handle("GET", "/cds-services", {}, b"", BASE).status == 200
    prod = CdsService(guideline, ServiceConfig(fhir_fetch=False))
    assert prod.handle("GET", "/cds-services", {}, b"", BASE).status == 401
