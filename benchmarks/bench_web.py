"""Web app vs a static file server serving the same rendered HTML, under a bounded loopback load.

Starts gradeline's app (gunicorn, 2 workers) and ``python -m http.server`` over a copy of the app's own
HTML, sends a fixed number of GET requests per page with a fixed concurrency (threads + http.client, a new
connection per request for both servers), and reports throughput and p50/p99 latency, plus the app/static
throughput ratio. Both servers are stopped before returning.
"""

import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REQUESTS = 2000
CONCURRENCY = 8
WARMUP = 100
PAGES = {"layer1": "/", "layer2": "/anbefalinger/vanlig-aktivitet/"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _wait_ready(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            if _get(port, "/")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not answer within {seconds}s")


def _load(port: int, path: str, requests: int, concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [requests]

    def worker() -> None:
        nonlocal errors
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            start = time.perf_counter()
            try:
                ok = _get(port, path)[0] == 200
            except OSError:
                ok = False
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "requests": requests,
        "errors": errors,
        "throughput_rps": round(requests / wall, 1),
        "p50_ms": round(cuts[49] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
    }


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run() -> dict[str, Any]:
    """Benchmark both servers on layer 1 and one layer-2 page; return throughput, latency and ratios."""
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="gradeline-bench-") as tmp:
        root = Path(tmp)
        env = {**os.environ, "GRADELINE_VAR_DIR": str(root / "var"), "PYTHONPATH": str(repo / "src")}
        env.pop("DATABASE_URL", None)
        app_port, static_port = _free_port(), _free_port()
        app = subprocess.Popen(
            [sys.executable, "-m", "gradeline.web.serve", "--port", str(app_port), "--workers", "2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        static: subprocess.Popen[bytes] | None = None
        try:
            _wait_ready(app_port, app)
            site = root / "static"
            for path in PAGES.values():
                status, body = _get(app_port, path)
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
            _wait_ready(static_port, static)
            results: dict[str, Any] = {
                "settings": {
                    "requests_per_target": REQUESTS,
                    "concurrency": CONCURRENCY,
                    "app": "gunicorn, 2 sync workers, whitenoise; SQLite (unused by these pages)",
                    "static": "python -m http.server (ThreadingHTTPServer) over the app's rendered HTML",
                    "client": "Python threads + http.client, a new connection per request",
                },
            }
            for name, path in PAGES.items():
                for port in (app_port, static_port):
                    _load(port, path, WARMUP, CONCURRENCY)
                app_result = _load(app_port, path, REQUESTS, CONCURRENCY)
                static_result = _load(static_port, path, REQUESTS, CONCURRENCY)
                results[name] = {
                    "path": path,
                    "bytes": len(_get(app_port, path)[1]),
                    "app": app_result,
                    "static": static_result,
                    "app_static_throughput_ratio": round(
                        app_result["throughput_rps"] / static_result["throughput_rps"], 3
                    ),
                }
            return results
        finally:
            if static is not None:
                _stop(static)
            _stop(app)


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
