"""`gradeline monitor run` end to end on ~10^7 encounter rows (CSV in) against a hand-written DuckDB baseline
(benchmarks/monitor_baseline.py) that reads the same CSV files, validates them the same way and computes the
main indicator, in the same run. Both run as their own processes (wall time and peak RSS from the kernel).

Environment: BENCH_MONITOR_PATIENTS (default 1,170,000 patients ≈ 10^7 encounter rows); BENCH_MONITOR_REPEATS
(default 1: each side runs this many times, alternating, and the best time counts).
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from gradeline.monitor.codes import load_codes
from gradeline.monitor.schema import TABLES

PATIENTS = int(os.environ.get("BENCH_MONITOR_PATIENTS", "1170000"))
REPEATS = int(os.environ.get("BENCH_MONITOR_REPEATS", "1"))
HERE = Path(__file__).resolve().parent


def _generate(patients: int, out: Path) -> tuple[float, int]:
    """Synthetic Parquet in a subprocess, then every table as CSV (the benchmark's input)."""
    parquet = out.parent / "parquet"
    code = (
        "from pathlib import Path; from gradeline.monitor.synth import SynthSpec, generate; "
        f"p = generate(SynthSpec(patients={patients}, seed=2026), Path({str(parquet)!r})); "
        "print(p['encounters'])"
    )
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    out.mkdir(parents=True)
    con = duckdb.connect()
    for name in TABLES:
        src, dst = (parquet / f"{name}.parquet").as_posix(), (out / f"{name}.csv").as_posix()
        con.execute(f"COPY (SELECT * FROM read_parquet('{src}')) TO '{dst}' (HEADER)")
    con.close()
    (out / "manifest.json").write_bytes((parquet / "manifest.json").read_bytes())
    return time.perf_counter() - t0, int(done.stdout.strip().splitlines()[-1])


def _timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of this child alone (wait4) and its stdout."""
    with tempfile.TemporaryFile() as stdout:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise RuntimeError(f"{cmd[:3]} failed with exit code {child.returncode}")
        stdout.seek(0)
        return wall, usage.ru_maxrss / 1024, stdout.read().decode()


def _gradeline(data: Path, out: Path) -> tuple[float, float, dict[str, Any]]:
    cli = [str(Path(sys.executable).parent / "gradeline"), "monitor", "run", str(data), "--out", str(out)]
    cli += ["--measure-report", str(out / "measure.json")]
    wall, peak, _ = _timed(cli)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return wall, peak, summary


def _overall(out: Path, indicator: str) -> tuple[int, int]:
    con = duckdb.connect()
    row = con.execute(
        f"SELECT numerator, denominator FROM read_csv('{(out / 'indicators.csv').as_posix()}') "
        f"WHERE indicator = '{indicator}' AND stratifier = 'all'"
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def run() -> dict[str, Any]:
    """Generate CSV input, then time the full run and the baseline, alternating, best of REPEATS."""
    with tempfile.TemporaryDirectory(prefix="bench-monitor-") as tmp:
        data = Path(tmp) / "csv"
        gen_s, rows = _generate(PATIENTS, data)
        codes = load_codes()
        red = ",".join(c for cs in codes.red_flag.values() for c in cs)
        base_cmd = [sys.executable, str(HERE / "monitor_baseline.py"), str(data), red]
        full, base, full_peak, base_peak = [], [], 0.0, 0.0
        summary: dict[str, Any] = {}
        baseline: dict[str, Any] = {}
        for i in range(REPEATS):
            wall, peak, out = _timed(base_cmd)
            base.append(wall)
            base_peak = max(base_peak, peak)
            baseline = json.loads(out.strip().splitlines()[-1])
            wall, peak, summary = _gradeline(data, Path(tmp) / f"out{i}")
            full.append(wall)
            full_peak = max(full_peak, peak)
        num, den = _overall(Path(tmp) / "out0", "billeddiagnostik-uden-roede-flag")
        read = sum(t["read"] for t in summary["input"]["tables"].values())
        return {
            "what": "gradeline monitor run end to end (CSV in: validate 6 tables in DuckDB, 10 indicators "
            "x 9 stratifiers, small-cell suppression, CSV + summary + FHIR bundle out) vs a hand-written "
            "DuckDB "
            "script (read the same CSV, same checks on patients/encounters/imaging, main indicator only)",
            "patients": PATIENTS,
            "encounter_rows": rows,
            "records_read": read,
            "synth_and_csv_s": round(gen_s, 1),
            "gradeline_end_to_end_s": round(min(full), 1),
            "baseline_s": round(min(base), 1),
            "baseline_in_process_s": round(float(baseline["seconds"]), 1),
            "ratio_end_to_end_to_baseline": round(min(full) / min(base), 2),
            "rows_per_s_end_to_end": round(rows / min(full)),
            "peak_rss_mb": {"gradeline": round(full_peak), "baseline": round(base_peak)},
            "same_main_indicator": [num, den] == [baseline["numerator"], baseline["denominator"]],
            "main_indicator": {
                "gradeline": [num, den],
                "baseline": [baseline["numerator"], baseline["denominator"]],
            },
            "repeats": REPEATS,
        }
