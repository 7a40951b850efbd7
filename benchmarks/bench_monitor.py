"""Adherence indicators over ~10^7 synthetic encounter rows: DuckDB (default) and Spark local, each against a
plain group-by scan of the same Parquet data on the same engine in the same run.

Environment: BENCH_MONITOR_PATIENTS (default 1,170,000 patients ≈ 10^7 encounter rows);
BENCH_MONITOR_SPARK_PATIENTS (default 400,000 ≈ 3.4×10^6 rows, so the run stays under ~10 min on 2 cores;
set it to the DuckDB size for a like-for-like run); BENCH_MONITOR_SPARK=0 skips Spark. Peak memory: DuckDB =
this process's max RSS (generation runs in a subprocess); Spark = the JVM's VmHWM read from /proc before the
session stops.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from gradeline.monitor.compute import compute
from gradeline.monitor.engines import connect, load_tables, spark_session
from gradeline.monitor.ingest.tabular import ingest_tabular

PATIENTS = int(os.environ.get("BENCH_MONITOR_PATIENTS", "1170000"))
SPARK_PATIENTS = int(os.environ.get("BENCH_MONITOR_SPARK_PATIENTS", "400000"))
SCAN = (
    "SELECT profession, code, count(*) AS n, count(DISTINCT patient_id) AS patients, max(enc_date) AS last "
    "FROM {src} GROUP BY profession, code"
)


def _generate(patients: int, out: Path) -> tuple[float, int]:
    code = (
        "from pathlib import Path; from gradeline.monitor.synth import SynthSpec, generate; "
        f"p = generate(SynthSpec(patients={patients}, seed=2026), Path({str(out)!r})); print(p['encounters'])"
    )
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, int(done.stdout.strip().splitlines()[-1])


def _best(fn: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _duckdb(clean: Path, rows: int) -> dict[str, Any]:
    con = connect("duckdb", threads=2)
    tables = load_tables(con, clean)
    src = f"read_parquet('{(clean / 'encounters.parquet').as_posix()}')"
    scan = _best(lambda: con.raw_sql(SCAN.format(src=src)).fetchall(), 3)
    first = _best(lambda: compute(con, tables), 1)
    best = min(first, _best(lambda: compute(con, tables), 1))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "indicators_first_s": round(first, 2),
        "indicators_best_s": round(best, 2),
        "groupby_scan_s": round(scan, 3),
        "rows_per_s": round(rows / best),
        "ratio_indicators_to_scan": round(best / scan, 1),
        "peak_rss_mb_process": round(peak_mb),
    }


def _jvm_peak_mb(session: Any) -> float | None:
    try:
        pid = session.sparkContext._gateway.proc.pid
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except Exception:
        return None
    return None


def _spark(clean: Path, rows: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    session = spark_session(cores=2, shuffle_partitions=8)
    started = time.perf_counter() - t0
    try:
        con = connect("spark", spark=session)
        tables = load_tables(con, clean, prefix="bench_")
        path = (clean / "encounters.parquet").as_posix()
        session.read.parquet(path).createOrReplaceTempView("bench_scan")
        scan = _best(lambda: session.sql(SCAN.format(src="bench_scan")).collect(), 2)
        run = _best(lambda: compute(con, tables), 1)
        peak = _jvm_peak_mb(session)
    finally:
        session.stop()
    return {
        "session_start_s": round(started, 1),
        "indicators_s": round(run, 2),
        "groupby_scan_s": round(scan, 2),
        "rows_per_s": round(rows / run),
        "ratio_indicators_to_scan": round(run / scan, 1),
        "jvm_peak_rss_mb": round(peak) if peak else None,
    }


def run() -> dict[str, Any]:
    """Generate, validate, then time all indicators on DuckDB and on Spark local[2]."""
    with tempfile.TemporaryDirectory(prefix="bench-monitor-") as tmp:
        raw, clean = Path(tmp) / "raw", Path(tmp) / "clean"
        gen_s, rows = _generate(PATIENTS, raw)
        t0 = time.perf_counter()
        report = ingest_tabular(raw, clean)
        validate_s = time.perf_counter() - t0
        result: dict[str, Any] = {
            "what": "all 10 indicators x 10 stratifiers (episodes, range joins, group-bys) vs a plain "
            "group-by scan of the encounters Parquet on the same engine",
            "patients": PATIENTS,
            "encounter_rows": rows,
            "synth_s": round(gen_s, 1),
            "validate_s": round(validate_s, 1),
            "validate_rows_per_s": round(sum(t.read for t in report.tables.values()) / validate_s),
            "duckdb": _duckdb(clean, rows),
        }
        if os.environ.get("BENCH_MONITOR_SPARK", "1") != "0":
            if SPARK_PATIENTS != PATIENTS:
                small_raw, small = Path(tmp) / "sraw", Path(tmp) / "sclean"
                _, srows = _generate(SPARK_PATIENTS, small_raw)
                ingest_tabular(small_raw, small)
                result["spark"] = {"encounter_rows": srows, **_spark(small, srows)}
            else:
                result["spark"] = {"encounter_rows": rows, **_spark(clean, rows)}
        return result
