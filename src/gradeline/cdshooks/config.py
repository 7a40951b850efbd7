"""Service configuration: trusted clients, development mode (off by default), CORS and links.

Clients can live in a file (YAML or JSON, ``clients_file``) that the service re-reads when it changes, so
keys, JWKS URLs, allowed FHIR servers and card languages change without a restart (see docs/cds-hooks.md).
"""

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from gradeline.cdshooks.auth import TrustedClient

log = logging.getLogger(__name__)
LANGUAGES = ("da", "en")


def _tuple(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise ValueError(f"{what} must be a list")
    return tuple(str(v) for v in value)


def client_from_mapping(raw: Mapping[str, Any]) -> TrustedClient:
    """One trusted client; ValueError with a sentence when a member is wrong."""
    if not isinstance(raw, Mapping) or not isinstance(raw.get("iss"), str) or not raw["iss"]:
        raise ValueError("every client needs an 'iss' (the issuer URL its JWTs carry)")
    language = str(raw.get("language", "da"))
    if language not in LANGUAGES:
        raise ValueError(f"client {raw['iss']}: language must be one of {', '.join(LANGUAGES)}")
    servers = _tuple(raw.get("fhir_servers"), f"client {raw['iss']}: fhir_servers")
    for server in servers:
        if urlsplit(server).scheme not in ("https", "http") or not urlsplit(server).netloc:
            raise ValueError(f"client {raw['iss']}: fhir_servers entry {server!r} is not an absolute URL")
    jwks = raw.get("jwks")
    if jwks is not None and (not isinstance(jwks, Mapping) or not isinstance(jwks.get("keys"), list)):
        raise ValueError(f"client {raw['iss']}: jwks must be a JWK Set object with a 'keys' list")
    return TrustedClient(
        iss=str(raw["iss"]),
        jku=_tuple(raw.get("jku"), f"client {raw['iss']}: jku"),
        jwks=jwks,
        tenants=_tuple(raw.get("tenants"), f"client {raw['iss']}: tenants"),
        fhir_servers=servers,
        language=language,
    )


def server_allowed(server: str, allowed: tuple[str, ...]) -> bool:
    """True if the fhirServer URL is one of the allowed base URLs or lies under one (same scheme and host)."""
    target = server.rstrip("/")
    for base in allowed:
        root = base.rstrip("/")
        if target == root or target.startswith(root + "/"):
            return True
    return False


@dataclass(frozen=True)
class ServiceConfig:
    """How the CDS service authenticates callers and where its links point.

    ``development_mode`` skips JWT verification entirely; it must be switched on explicitly and is meant
    for a developer's own machine only. ``fhir_servers`` are the FHIR servers any caller may name in
    development mode (clients carry their own list).
    """

    clients: tuple[TrustedClient, ...] = ()
    development_mode: bool = False
    cors_origins: tuple[str, ...] = ("*",)
    leeway_seconds: float = 30.0
    max_token_lifetime_seconds: float = 3600.0
    app_base_url: str | None = None
    fhir_fetch: bool = True
    fhir_timeout_seconds: float = 2.0
    max_body_bytes: int = 2 * 1024 * 1024
    clients_file: str | None = None
    clients_check_seconds: float = 1.0
    fhir_servers: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "ServiceConfig":
        """From plain settings (e.g. Django settings or YAML)::

        {"clients": [{"iss": "...", "jku": ["..."], "jwks": {...}, "tenants": [...],
                      "fhir_servers": ["https://fhir.ehr.example/R4"], "language": "da"}],
         "clients_file": "/etc/gradeline/cds-clients.yaml",
         "development_mode": false, "cors_origins": ["https://ehr.example"], "app_base_url": "..."}
        """
        clients = tuple(client_from_mapping(c) for c in data.get("clients", ()) or ())
        simple = {k: data[k] for k in cls.__dataclass_fields__ if k in data and k != "clients"}
        for key in ("cors_origins", "fhir_servers"):
            if key in simple:
                simple[key] = _tuple(simple[key], key)
        if simple.get("development_mode") not in (None, True, False):
            raise ValueError("development_mode must be true or false")
        return cls(clients=clients, **simple)


def read_clients(path: Path) -> tuple[TrustedClient, ...]:
    """The clients listed in a YAML/JSON file (``clients: [...]``)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    if not isinstance(data, Mapping) or not isinstance(data.get("clients"), list):
        raise ValueError(f"{path}: expected a mapping with a 'clients' list")
    return tuple(client_from_mapping(c) for c in data["clients"])


class ClientRegistry:
    """The trusted clients: the configured ones plus a file re-read when its modification time changes.

    A file that cannot be read or parsed keeps the last good list (logged), so a bad edit never locks every
    client out; checks run at most every ``check_seconds``.
    """

    def __init__(
        self,
        static: tuple[TrustedClient, ...],
        path: str | None,
        check_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._static = static
        self._path = Path(path) if path else None
        self._check_seconds = check_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._next_check = 0.0
        self._from_file: tuple[TrustedClient, ...] = ()
        self.version = 0

    def clients(self) -> tuple[TrustedClient, ...]:
        """The current list (re-reading the file when it changed)."""
        if self._path is not None and self._clock() >= self._next_check:
            self._reload()
        return self._static + self._from_file

    def _reload(self) -> None:
        assert self._path is not None
        with self._lock:
            self._next_check = self._clock() + self._check_seconds
            try:
                info = os.stat(self._path)
            except OSError:
                log.warning(
                    "CDS clients file %s is missing; keeping %d clients", self._path, len(self._from_file)
                )
                return
            stamp = (info.st_mtime_ns, info.st_size)
            if stamp == self._stamp:
                return
            try:
                self._from_file = read_clients(self._path)
            except (OSError, ValueError, yaml.YAMLError) as error:
                log.warning("CDS clients file %s not reloaded: %s", self._path, error)
                return
            self._stamp = stamp
            self.version += 1
            log.info("CDS clients reloaded from %s: %d clients", self._path, len(self._from_file))
