"""Run the web app: apply migrations, then serve with gunicorn (static files by whitenoise)."""

import os
from typing import Any

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


def _configure(host: str, database_url: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gradeline.web.settings")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if "GRADELINE_ALLOWED_HOSTS" not in os.environ and host not in LOOPBACK:
        hosts = [*LOOPBACK, "testserver"] + ([] if host in ("0.0.0.0", "::") else [host])
        os.environ["GRADELINE_ALLOWED_HOSTS"] = ",".join(hosts if host not in ("0.0.0.0", "::") else ["*"])


def prepare(host: str = "127.0.0.1", database_url: str | None = None) -> None:
    """Configure Django, create var/, apply migrations and publish the first edition on a fresh install."""
    _configure(host, database_url)
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        os.makedirs(os.path.dirname(os.path.abspath(database["NAME"])), exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    from gradeline.web.editions.publishing import ensure_first_edition

    ensure_first_edition()  # a fresh install has its first edition, so /udgaver/ and the PDFs work
    connections.close_all()  # workers open their own connections after the fork


def serve(
    host: str = "127.0.0.1", port: int = 8000, workers: int = 2, database_url: str | None = None
) -> None:
    """Apply migrations and serve the app at http://host:port/ until interrupted."""
    prepare(host, database_url)
    from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]

    from gradeline.content.pack import cached_pack
    from gradeline.web.wsgi import application

    cached_pack()  # load and validate the pack once, before the workers fork

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}",
                "workers": workers,
                "preload_app": True,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "timeout": 30,
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    print(f"gradeline: serving on http://{host}:{port}/ ({workers} workers); Ctrl-C stops.", flush=True)
    Server().run()


def main() -> None:
    """``python -m gradeline.web.serve [--host H] [--port P] [--workers N] [--database-url URL]``."""
    import argparse

    parser = argparse.ArgumentParser(description="Serve gradeline's web app.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    serve(args.host, args.port, args.workers, args.database_url)


if __name__ == "__main__":
    main()
