"""A throw-away PostgreSQL server from the machine's binaries, for running the database-backed tests on it.

``postgres_server()`` runs initdb in a temporary directory, starts the server on a free loopback port
(trust authentication, socket in the same directory) and stops and removes it afterwards. initdb refuses
to run as root, so as root the server runs as ``nobody`` via runuser in a directory that user owns.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

PG_BIN = Path(os.environ.get("GRADELINE_PG_BIN", "/usr/lib/postgresql/15/bin"))


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise Unavailable("running as root and runuser is missing (initdb refuses to run as root)")
    return [runuser, "-u", "nobody", "--"]


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a DATABASE_URL for a fresh server; stop it and delete its files on exit."""
    if not (PG_BIN / "initdb").exists():
        raise Unavailable(f"PostgreSQL binaries not found in {PG_BIN} (set GRADELINE_PG_BIN)")
    prefix = _as_user()
    root = Path(tempfile.mkdtemp(prefix="gradeline-pg-"))
    data = root / "data"
    try:
        if prefix:
            root.chmod(0o755)
            shutil.chown(root, user="nobody")
        port = _free_port()
        run = {"check": True, "capture_output": True, "text": True, "timeout": 120, "cwd": root}
        try:
            subprocess.run(
                [*prefix, str(PG_BIN / "initdb"), "-D", str(data), "-U", "gradeline", "--auth=trust",
                 "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
                **run,  # type: ignore[call-overload]
            )  # fmt: skip
            options = (
                f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
            )
            subprocess.run(
                [*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
                 "-w", "-t", "60", "start"],
                **run,  # type: ignore[call-overload]
            )  # fmt: skip
        except subprocess.CalledProcessError as exc:
            raise Unavailable(f"PostgreSQL did not start: {exc.stderr or exc.stdout}") from exc
        try:
            yield f"postgres://gradeline@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                capture_output=True, timeout=60, check=False, cwd=root,
            )  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)
