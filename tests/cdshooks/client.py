"""A JWT-signing CDS client for tests and benchmarks: ES384/RS384 keys generated at run time."""

import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

SANDBOX_ISS = "https://sandbox.cds-hooks.org"
SANDBOX_JKU = "https://sandbox.cds-hooks.org/.well-known/jwks.json"
EPIC_ISS = "https://fhir.epic.example/interconnect-fhir-oauth"
EPIC_CLIENT_ID = "0f1d5a7e-epic-client"


@dataclass
class SigningKey:
    """A private key with its kid and alg, and its public JWK."""

    alg: str
    kid: str
    private: Any
    public_jwk: dict[str, Any]


def es384_key(kid: str = "es384-test") -> SigningKey:
    """A fresh P-384 key."""
    private = ec.generate_private_key(ec.SECP384R1())
    jwk = ECAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey("ES384", kid, private, {**jwk, "kid": kid, "alg": "ES384", "use": "sig"})


def rs384_key(kid: str = "rs384-test") -> SigningKey:
    """A fresh 2048-bit RSA key."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
    return SigningKey("RS384", kid, private, {**jwk, "kid": kid, "alg": "RS384", "use": "sig"})


def jwks(*keys: SigningKey) -> dict[str, Any]:
    """A JWK Set of public keys."""
    return {"keys": [k.public_jwk for k in keys]}


@dataclass
class CdsClient:
    """Signs tokens the way a CDS client does (sandbox style by default; epic=True adds nbf and sub)."""

    key: SigningKey
    iss: str
    jku: str | None = None
    epic: bool = False
    lifetime: int = 300
    extra: dict[str, Any] = field(default_factory=dict)

    def token(self, audience: Any, headers: dict[str, Any] | None = None, **claims: Any) -> str:
        """A signed JWT for this audience; keyword claims override (None removes)."""
        now = int(time.time())
        payload: dict[str, Any] = {
            "iss": self.iss,
            "aud": audience,
            "iat": now,
            "exp": now + self.lifetime,
            "jti": str(uuid.uuid4()),
            **self.extra,
        }
        if self.epic:
            payload.update({"nbf": now - 300, "sub": EPIC_CLIENT_ID})
        payload.update(claims)
        payload = {k: v for k, v in payload.items() if v is not None}
        header: dict[str, Any] = {"kid": self.key.kid, "typ": "JWT"}
        if self.jku:
            header["jku"] = self.jku
        header.update(headers or {})
        return jwt.encode(payload, self.key.private, algorithm=self.key.alg, headers=header)

    def auth(self, audience: Any, **claims: Any) -> dict[str, str]:
        """The Authorization header."""
        return {"Authorization": f"Bearer {self.token(audience, **claims)}"}
