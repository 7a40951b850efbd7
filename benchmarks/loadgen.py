"""Shared load helpers: start the app (waitress), and a bounded closed-loop load for any request.

Free ports, readiness and stop helpers, GET and JSON POST, and a load loop that takes any request function,
so GET and POST endpoints are measured the same way (a new connection per request).
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gradeline.web.accounts.conf import RATE_LIMITS

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_ready(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited with {process.returncode}")
        try:
            if http_get(port, "/")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not answer within {seconds}s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def post_json(port: int, path: str, body: bytes) -> tuple[int, bytes]:
    """POST a JSON body; (status, response body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(call: Callable[[], int], requests: int, concurrency: int) -> dict[str, float]:
    """Send ``requests`` calls from ``concurrency`` threads; throughput and p50/p99 latency (ms)."""
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
                ok = call() == 200
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


@contextmanager
def running_app(workers: int = 2) -> Iterator[int]:
    """The app (waitress, ``workers`` threads) on a free loopback port, a throw-away var/ directory and no
    rate limits (a benchmark is one greedy client on purpose); yields the port."""
    with tempfile.TemporaryDirectory(prefix="gradeline-bench-") as tmp:
        env: dict[str, Any] = {**os.environ, "GRADELINE_VAR_DIR": str(Path(tmp) / "var")}
        env["PYTHONPATH"] = str(REPO / "src")
        env.pop("DATABASE_URL", None)
        env.update({f"GRADELINE_RATE_{name.upper()}": "" for name in RATE_LIMITS})
        port = free_port()
        app = subprocess.Popen(
            [sys.executable, "-m", "gradeline.web.serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_ready(port, app)
            yield port
        finally:
            stop(app)


def json_body(data: Any) -> bytes:
    return json.dumps(data).encode()
