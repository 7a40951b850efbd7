"""`gradeline monitor run` end to end on ~10^7 encounter rows (CSV in) against a hand-written DuckDB baseline
(benchmarks/monitor_baseline.py) that reads the same CSV files, validates them the same way and computes the
main indicator, in the same run. Both run as their own processes (wall time and peak RSS from the kernel).

Environment: BENCH_MONITOR_PATIENTS (default 1,170,000 patients ≈ 10^7 encounter rows); BENCH_MONITOR_REPEATS
(default 1: each side runs this many times, alternating, and the best time counts); BENCH_MONITOR_BASELINE
(default 1; 0 times gradeline alone); BENCH_MONITOR_MEMORY_LIMIT (e.g. 6GB: passed as ``--memory-limit``,
also bounds the CSV conversion); BENCH_MONITOR_TMP (folder for the generated data and DuckDB's spill files;
default the system's temporary folder); BENCH_MONITOR_DATA (a folder to keep the generated CSV in: generated
there when it holds no manifest.json yet, reused as it is when it does, never deleted). gradeline always
spills to a folder of its own (``--temp-dir``), whose largest size during the run is reported; data generated
in the temporary folder are deleted afterwards.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import duckdb

from gradeline.monitor.codes import load_codes
from gradeline.monitor.definitions import load_catalogue
from gradeline.monitor.schema import TABLES

PATIENTS = int(os.environ.get("BENCH_MONITOR_PATIENTS", "1170000"))
REPEATS = int(os.environ.get("BENCH_MONITOR_REPEATS", "1"))
BASELINE = os.environ.get("BENCH_MONITOR_BASELINE", "1") != "0"
MEMORY_LIMIT = os.environ.get("BENCH_MONITOR_MEMORY_LIMIT") or None
TMP = os.environ.get("BENCH_MONITOR_TMP") or None
DATA = os.environ.get("BENCH_MONITOR_DATA") or None
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
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    if MEMORY_LIMIT:
        con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET temp_directory = '{(out.parent / 'convert-spill').as_posix()}'")
    for name in TABLES:
        src, dst = (parquet / f"{name}.parquet").as_posix(), (out / f"{name}.csv").as_posix()
        con.execute(f"COPY (SELECT * FROM read_parquet('{src}')) TO '{dst}' (HEADER)")
    con.close()
    for name in ("manifest.json", "planted.json"):
        (out / name).write_bytes((parquet / name).read_bytes())
    shutil.rmtree(parquet)
    return time.perf_counter() - t0, int(done.stdout.strip().splitlines()[-1])


def _input(tmp: Path) -> tuple[Path, float | None, int]:
    """The CSV input: generated in ``tmp`` (or in BENCH_MONITOR_DATA when that holds none yet), or reused
    from BENCH_MONITOR_DATA. Returns the folder, the generation time (None when reused) and the encounter
    rows."""
    data = Path(DATA) / "csv" if DATA else tmp / "csv"
    if (data / "manifest.json").exists():
        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        (rows,) = con.execute(
            f"SELECT count(*) FROM read_csv('{(data / 'encounters.csv').as_posix()}')"
        ).fetchone() or (0,)
        con.close()
        return data, None, int(rows)
    _log(f"generating {PATIENTS} patients as CSV in {data}")
    gen_s, rows = _generate(PATIENTS, data)
    return data, gen_s, rows


def _disk_bytes(folder: Path) -> int:
    """Bytes on disk under ``folder`` (allocated blocks, so sparse spill files count as written)."""
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):  # a spill file removed while walking
            total += path.lstat().st_blocks * 512
    return total


class _DiskWatch:
    """The largest size of a folder, sampled every ``every`` seconds while a child runs."""

    def __init__(self, folder: Path | None, every: float = 2.0) -> None:
        self.folder, self.every, self.peak = folder, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while self.folder is not None and not self._stop.wait(self.every):
            self.peak = max(self.peak, _disk_bytes(self.folder) if self.folder.exists() else 0)

    def __enter__(self) -> "_DiskWatch":
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed(cmd: list[str], watch: Path | None = None) -> tuple[float, float, str, int]:
    """Wall seconds, peak RSS (MB) of this child alone (wait4), its stdout and the peak size of ``watch``."""
    with tempfile.TemporaryFile() as stdout, _DiskWatch(watch) as disk:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise RuntimeError(f"{cmd[:3]} failed with exit code {child.returncode}")
        stdout.seek(0)
        return wall, usage.ru_maxrss / 1024, stdout.read().decode(), disk.peak


def _gradeline_cmd(data: Path, out: Path, spill: Path) -> list[str]:
    cli = [str(Path(sys.executable).parent / "gradeline"), "monitor", "run", str(data), "--out", str(out)]
    cli += ["--measure-report", str(out / "measure.json"), "--temp-dir", str(spill)]
    return cli + (["--memory-limit", MEMORY_LIMIT] if MEMORY_LIMIT else [])


def _gradeline(data: Path, out: Path) -> tuple[float, float, dict[str, Any], int]:
    spill = out.parent / f"spill-{out.name}"
    wall, peak, _, spilled = _timed(_gradeline_cmd(data, out, spill), watch=spill)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return wall, peak, summary, spilled


def _log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)


def _overall(out: Path, indicator: str) -> tuple[int, int]:
    con = duckdb.connect()
    row = con.execute(
        f"SELECT numerator, denominator FROM read_csv('{(out / 'indicators.csv').as_posix()}') "
        f"WHERE indicator = '{indicator}' AND stratifier = 'all'"
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def _planted(data: Path, indicator: str) -> list[int] | None:
    """The true numerator and denominator the generator planted (None for data generated without them)."""
    path = data / "planted.json"
    if not path.exists():
        return None
    truth = json.loads(path.read_text(encoding="utf-8"))["truth"][indicator]
    return [int(truth["numerator"]), int(truth["denominator"])]


def run() -> dict[str, Any]:
    """Generate CSV input, then time the full run and the baseline, alternating, best of REPEATS."""
    with tempfile.TemporaryDirectory(prefix="bench-monitor-", dir=TMP) as tmp:
        data, gen_s, rows = _input(Path(tmp))
        csv_bytes = _disk_bytes(data)
        made = f"generated in {gen_s:.0f} s" if gen_s is not None else f"reused from {data}"
        _log(f"{rows} encounter rows, {csv_bytes / 1e9:.1f} GB of CSV, {made}")
        codes = load_codes()
        red = ",".join(c for cs in codes.red_flag.values() for c in cs)
        base_cmd = [sys.executable, str(HERE / "monitor_baseline.py"), str(data), red]
        full, base, full_peak, base_peak, spilled = [], [], 0.0, 0.0, 0
        summary: dict[str, Any] = {}
        baseline: dict[str, Any] = {}
        for i in range(REPEATS):
            if BASELINE:
                _log("baseline")
                wall, peak, out, _ = _timed(base_cmd)
                base.append(wall)
                base_peak = max(base_peak, peak)
                baseline = json.loads(out.strip().splitlines()[-1])
            _log("gradeline monitor run")
            wall, peak, summary, spill = _gradeline(data, Path(tmp) / f"out{i}")
            _log(f"gradeline: {wall:.0f} s, peak RSS {peak:.0f} MB, spill {spill / 1e9:.1f} GB")
            full.append(wall)
            full_peak = max(full_peak, peak)
            spilled = max(spilled, spill)
        main = load_catalogue().indicators[0].id
        num, den = _overall(Path(tmp) / "out0", main)
        read = sum(t["read"] for t in summary["input"]["tables"].values())
        command = _gradeline_cmd(data, Path(tmp) / "out0", Path(tmp) / "spill-out0")
        result: dict[str, Any] = {
            "what": "gradeline monitor run end to end (CSV in: validate 6 tables in DuckDB, 10 indicators "
            "x 9 stratifiers, small-cell suppression, CSV + summary + FHIR bundle out)"
            + (
                " vs a hand-written DuckDB script (read the same CSV, same checks on "
                "patients/encounters/imaging, main indicator only)"
                if BASELINE
                else ""
            ),
            "command": " ".join(["gradeline", *command[1:]]),
            "patients": PATIENTS,
            "encounter_rows": rows,
            "records_read": read,
            "csv_gb": round(csv_bytes / 1e9, 2),
            "synth_and_csv_s": round(gen_s, 1) if gen_s is not None else None,
            "gradeline_end_to_end_s": round(min(full), 1),
            "rows_per_s_end_to_end": round(rows / min(full)),
            "peak_rss_mb": {"gradeline": round(full_peak)},
            "peak_spill_gb": round(spilled / 1e9, 2),
            "memory_limit": MEMORY_LIMIT,
            "main_indicator": {"id": main, "gradeline": [num, den], "planted": _planted(data, main)},
            "repeats": REPEATS,
        }
        if BASELINE:
            result |= {
                "baseline_s": round(min(base), 1),
                "baseline_in_process_s": round(float(baseline["seconds"]), 1),
                "ratio_end_to_end_to_baseline": round(min(full) / min(base), 2),
                "same_main_indicator": [num, den] == [baseline["numerator"], baseline["denominator"]],
            }
            result["peak_rss_mb"]["baseline"] = round(base_peak)
            result["main_indicator"]["baseline"] = [baseline["numerator"], baseline["denominator"]]
        return result
