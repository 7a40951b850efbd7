"""Run the web app: check the whole content pack, apply migrations, then serve with waitress.

On a loopback address the development settings run as they are. On any other address the production settings
run (``gradeline.web.settings_production``: Secure cookies, HSTS, SSL redirect), and the server refuses to
start unless ``GRADELINE_ALLOWED_HOSTS`` (no ``*``) and ``GRADELINE_SITE_URL`` are configured, so that no
e-mail link can be steered by a request's Host header.

Waitress reads each request (headers and body) on its event loop before a worker thread sees it, so clients
that send slowly or stall hold a socket, not a thread; a connection idle for ``GRADELINE_CHANNEL_TIMEOUT``
seconds is closed, and at most ``GRADELINE_CONNECTION_LIMIT`` connections are open at once.
"""

import os
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
DEVELOPMENT = "gradeline.web.settings"
PRODUCTION = "gradeline.web.settings_production"


class ServeError(Exception):
    """The server cannot start as configured; the message is one sentence for the operator."""


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def _require_public_configuration(host: str) -> None:
    hosts = [h.strip() for h in os.environ.get("GRADELINE_ALLOWED_HOSTS", "").split(",") if h.strip()]
    site = os.environ.get("GRADELINE_SITE_URL", "")
    if not hosts or "*" in hosts:
        raise ServeError(
            f"serving on {host} (beyond loopback) needs GRADELINE_ALLOWED_HOSTS set to the site's host names "
            "(comma-separated, no '*'), so that links in e-mails cannot be pointed at another site."
        )
    parts = urlsplit(site)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ServeError(
            f"serving on {host} (beyond loopback) needs GRADELINE_SITE_URL set to the site's public address "
            "(e.g. https://retningslinjer.example.dk), from which e-mail links are built."
        )
    if parts.hostname not in hosts and not any(
        h.startswith(".") and str(parts.hostname).endswith(h) for h in hosts
    ):
        raise ServeError(
            f"GRADELINE_SITE_URL's host {parts.hostname!r} is not in GRADELINE_ALLOWED_HOSTS "
            f"({', '.join(hosts)})."
        )


def configure(host: str, port: int, database_url: str | None = None, content_dir: str | None = None) -> str:
    """Choose the settings for this address (ServeError if it is not configured); return their module."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if content_dir:
        os.environ["GRADELINE_CONTENT_DIR"] = os.path.abspath(content_dir)
    if is_loopback(host):
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEVELOPMENT)
        os.environ.setdefault(
            "GRADELINE_SITE_URL", f"http://{'localhost' if host != '::1' else '[::1]'}:{port}"
        )
    else:
        _require_public_configuration(host)
        os.environ["DJANGO_SETTINGS_MODULE"] = PRODUCTION
    return os.environ["DJANGO_SETTINGS_MODULE"]


def check_content() -> None:
    """Validate every pack in the content directory; ServeError naming the first broken pack (and listing its
    problems), or saying that the directory holds no pack."""
    from gradeline.content.packs import available_packs, content_dir
    from gradeline.packcheck import check_pack

    packs = available_packs()
    if not packs:
        raise ServeError(
            f"the content directory {content_dir()} holds no content pack (a folder with guideline.yaml), "
            "so the server does not start."
        )
    for slug, pack in packs.items():
        _, problems = check_pack(pack)
        if problems:
            raise ServeError(
                f"the content pack '{slug}' ({pack}) is not valid, so the server does not start "
                f"(run `gradeline check --pack {pack}`):\n" + "\n".join(problems)
            )


def prepare(
    host: str = "127.0.0.1", port: int = 8000, database_url: str | None = None, content_dir: str | None = None
) -> None:
    """Configure Django, check every pack, create var/, apply migrations and publish each guideline's first
    edition on a fresh install."""
    configure(host, port, database_url, content_dir)
    check_content()
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        os.makedirs(os.path.dirname(os.path.abspath(database["NAME"])), exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    from gradeline.content.packs import activated, available_packs
    from gradeline.web.editions.publishing import ensure_first_edition

    for pack in available_packs().values():
        with activated(pack):
            ensure_first_edition()  # each guideline has its first edition, so its /udgaver/ and PDFs work


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        raise ServeError(f"{name} must be a whole number.") from None


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    threads: int = 8,
    database_url: str | None = None,
    content_dir: str | None = None,
) -> None:
    """Check, migrate and serve the app at http://host:port/ until interrupted (ServeError if it cannot)."""
    prepare(host, port, database_url, content_dir)
    from waitress import serve as waitress_serve  # type: ignore[import-untyped]

    from gradeline.content.pack import cached_pack
    from gradeline.content.packs import available_packs
    from gradeline.web.wsgi import application

    for pack in available_packs().values():
        cached_pack(pack)
    print(
        f"gradeline: serving on http://{host}:{port}/ ({threads} threads, "
        f"{os.environ['DJANGO_SETTINGS_MODULE'].rsplit('.', 1)[-1]}); Ctrl-C stops.",
        flush=True,
    )
    waitress_serve(
        application,
        host=host.strip("[]"),
        port=port,
        threads=threads,
        channel_timeout=_env_int("GRADELINE_CHANNEL_TIMEOUT", 20),
        cleanup_interval=5,
        connection_limit=_env_int("GRADELINE_CONNECTION_LIMIT", 500),
        max_request_header_size=64 * 1024,
        max_request_body_size=_env_int("GRADELINE_MAX_BODY_BYTES", 1_000_000),
        clear_untrusted_proxy_headers=False,  # X-Forwarded-For is read per GRADELINE_TRUSTED_PROXIES
        ident="gradeline",
    )


def main() -> None:
    """``python -m gradeline.web.serve [--host H] [--port P] [--threads N] [--database-url URL]
    [--content-dir DIR]``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description="Serve gradeline's web app.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", "--workers", dest="threads", type=int, default=8)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--content-dir", default=None)
    args = parser.parse_args()
    try:
        serve(args.host, args.port, args.threads, args.database_url, args.content_dir)
    except ServeError as exc:
        sys.exit(f"error: {exc}")


if __name__ == "__main__":
    main()
