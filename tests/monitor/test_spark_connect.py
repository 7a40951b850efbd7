"""The same indicators over Spark Connect: a real Spark Connect server (the one pyspark ships) on loopback."""

import csv
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyspark
import pytest

from tests.monitor.helpers import PLANTED_COUNTS

pytestmark = pytest.mark.spark
SERVER_CLASS = "org.apache.spark.sql.connect.service.SparkConnectServer"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def connect_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Spark Connect server on a free loopback port for this module; stopped afterwards."""
    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    if not shutil.which("java") or not submit.exists():
        pytest.skip("Spark Connect needs Java 17+ and pyspark's spark-submit")
    port = _free_port()
    log = tmp_path_factory.mktemp("spark-connect") / "server.log"
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    command = [
        str(submit),
        "--class",
        SERVER_CLASS,
        "--master",
        "local[2]",
        "--conf",
        f"spark.connect.grpc.binding.port={port}",
        "--conf",
        "spark.connect.grpc.binding.address=127.0.0.1",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        "spark.sql.session.timeZone=UTC",
        "--conf",
        "spark.sql.shuffle.partitions=1",
        "spark-internal",
    ]
    with log.open("wb") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while not _listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Spark Connect server did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield f"sc://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _run(data: Path, out: Path, *engine: str) -> list[dict[str, str]]:
    """`gradeline monitor run` in its own process (a Spark Connect client cannot share a process with the
    local SparkSession other tests keep open); the indicator table it writes."""
    command = [
        sys.executable,
        "-m",
        "gradeline.cli",
        "monitor",
        "run",
        str(data),
        "--out",
        str(out),
        "--start",
        "2023-01-01",
        "--end",
        "2024-12-31",
        "--min-cell",
        "1",  # the hand-made fixture is all small cells; compare the counts, not the blanks
        *engine,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    with (out / "indicators.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_parity_over_spark_connect(connect_url: str, planted_dir: Path, tmp_path: Path) -> None:
    duck = _run(planted_dir, tmp_path / "duckdb", "--engine", "duckdb")
    remote = _run(planted_dir, tmp_path / "connect", "--engine", "spark", "--spark-remote", connect_url)
    assert len(duck) > 100
    assert remote == duck
    # The two engines run the same expressions: the remote counts must also equal the hand counts.
    overall = {r["indicator"]: r for r in remote if r["stratifier"] == "all"}
    for indicator, (numerator, denominator, exclusions) in PLANTED_COUNTS.items():
        row = overall[indicator]
        assert (row["numerator"], row["denominator"], row["denominator_exclusions"]) == (
            str(numerator),
            str(denominator),
            str(exclusions),
        ), indicator
