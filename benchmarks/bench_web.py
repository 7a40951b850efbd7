"""Web app vs a static file server serving the same rendered HTML, under a bounded loopback load.

Starts gradeline's app (waitress, 2 threads) and ``python -m http.server`` over a copy of the app's own
HTML, sends a fixed number of GET requests per page with a fixed concurrency (threads + http.client, a new
connection per request for both servers), and reports throughput and p50/p99 latency, plus the app/static
throughput ratio. Both servers are stopped before returning.
"""

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.loadgen import free_port, http_get, load, stop, wait_ready

REQUESTS = 2000
CONCURRENCY = 8
WARMUP = 100
PAGES = {"layer1": "/nkr-laenderygsmerter/", "layer2": "/nkr-laenderygsmerter/anbefalinger/vanlig-aktivitet/"}


def _getter(port: int, path: str) -> Callable[[], int]:
    """A request function for the load loop: GET ``path`` and return the status."""
    return lambda: http_get(port, path)[0]


def run() -> dict[str, Any]:
    """Benchmark both servers on layer 1 and one layer-2 page; return throughput, latency and ratios."""
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="gradeline-bench-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "GRADELINE_VAR_DIR": str(root / "var"), "PYTHONPATH": str(repo / "src")}
        env.pop("DATABASE_URL", None)
        app_port, static_port = free_port(), free_port()
        app = subprocess.Popen(
            [sys.executable, "-m", "gradeline.web.serve", "--port", str(app_port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        static: subprocess.Popen[bytes] | None = None
        try:
            wait_ready(app_port, app)
            site = root / "static"
            for path in PAGES.values():
                status, body = http_get(app_port, path)
                assert status == 200, path
                (site / path.strip("/")).mkdir(parents=True, exist_ok=True)
                (site / path.strip("/") / "index.html").write_bytes(body)
            static = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "http.server",
                    str(static_port),
                    "--bind",
                    "127.0.0.1",
                    "-d",
                    str(site),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            wait_ready(static_port, static)
            results: dict[str, Any] = {
                "settings": {
                    "requests_per_target": REQUESTS,
                    "concurrency": CONCURRENCY,
                    "app": "waitress, 2 threads, whitenoise; SQLite (unused by these pages)",
                    "static": "python -m http.server (ThreadingHTTPServer) over the app's rendered HTML",
                    "client": "Python threads + http.client, a new connection per request",
                },
            }
            for name, path in PAGES.items():
                app_call, static_call = _getter(app_port, path), _getter(static_port, path)
                load(app_call, WARMUP, CONCURRENCY)
                load(static_call, WARMUP, CONCURRENCY)
                app_result = load(app_call, REQUESTS, CONCURRENCY)
                static_result = load(static_call, REQUESTS, CONCURRENCY)
                results[name] = {
                    "path": path,
                    "bytes": len(http_get(app_port, path)[1]),
                    "app": app_result,
                    "static": static_result,
                    "app_static_throughput_ratio": round(
                        app_result["throughput_rps"] / static_result["throughput_rps"], 3
                    ),
                }
            return results
        finally:
            if static is not None:
                stop(static)
            stop(app)


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
