"""Run benchmarks and write one JSON file per benchmark (with the machine described) to results/.

Usage: python benchmarks/run.py [NAME ...]   (names like 'pack' for bench_pack.py; default: all)
"""

import datetime as dt
import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.machine import describe  # noqa: E402


def main(names: list[str]) -> int:
    """Run the named benchmarks (all when none are named)."""
    available = sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    unknown = sorted(set(names) - set(available))
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}", file=sys.stderr
        )
        return 2
    results_dir = HERE / "results"
    results_dir.mkdir(exist_ok=True)
    for name in names or available:
        module = importlib.import_module(f"benchmarks.bench_{name}")
        print(f"running {name} …", flush=True)
        result = {
            "benchmark": name,
            "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "machine": describe(),
            "result": module.run(),
        }
        path = results_dir / f"{name}.json"
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(json.dumps(result["result"], indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
