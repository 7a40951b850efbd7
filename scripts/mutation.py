"""Mutation testing of the clinical core with mutmut; a score per module in benchmarks/results/mutation.json.

Usage: ``python scripts/mutation.py [--smoke MODULE] [--children N]``. Which files are mutated and which tests
run is configured in ``[tool.mutmut]`` of pyproject.toml. ``--smoke gradeline.evidence.absolute`` runs the
mutants of one module only (a few minutes; CI can afford it). The score is killed / (all mutants that ran):
survivors, timeouts and mutants no test reaches all count against it.
"""

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUTMUT = Path(sys.executable).with_name("mutmut")
RESULTS = REPO / "benchmarks" / "results" / "mutation.json"
LINE = re.compile(r"^\s*(?P<name>[\w.]+)__mutmut_(?P<n>\d+): (?P<status>[\w ]+)$")
# Report rows: the modules the issue names (a package counts as one row).
GROUPS = (
    "gradeline.decide",
    "gradeline.evidence",
    "gradeline.content.lint",
    "gradeline.cdshooks.auth",
    "gradeline.cdshooks.hooks",
    "gradeline.monitor.indicators",
    "gradeline.monitor.episodes",
)


def group_of(mutant: str) -> str:
    """The report row a mutant belongs to, from its dotted name (module path, then x_function)."""
    return next((g for g in GROUPS if mutant == g or mutant.startswith(g + ".")), mutant.rsplit(".", 1)[0])


def module_of(mutant: str) -> str:
    """The module of a mutant name such as ``gradeline.evidence.absolute.x_absolute_effect``."""
    parts = mutant.split(".")
    while parts and (parts[-1].startswith("x_") or parts[-1].startswith("xǁ")):
        parts.pop()
    return ".".join(parts)


def parse_results(text: str) -> dict[str, Counter[str]]:
    """Status counts per report row, from ``mutmut results --all true``."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for line in text.splitlines():
        match = LINE.match(line)
        if match:
            rows[group_of(module_of(match["name"]))][match["status"].strip()] += 1
    return rows


def score(counts: Counter[str]) -> float | None:
    """Killed share of the mutants that ran (skipped and not-checked mutants are not counted)."""
    ran = sum(n for status, n in counts.items() if status not in {"skipped", "not checked"})
    return round(counts["killed"] / ran, 4) if ran else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", metavar="MODULE", help="only the mutants of this dotted module")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not MUTMUT.exists():
        print(f"mutmut is not installed in {MUTMUT.parent}; run `make sync` first.", file=sys.stderr)
        return 2
    names = [f"{args.smoke}.*"] if args.smoke else []
    started = time.monotonic()
    log = REPO / "mutants" / "run.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        run = subprocess.run(
            [str(MUTMUT), "run", "--max-children", str(args.children), *names],
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    seconds = time.monotonic() - started
    listing = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=REPO, capture_output=True, text=True, check=False
    )
    rows = parse_results(listing.stdout)
    if args.smoke:
        rows = {k: v for k, v in rows.items() if args.smoke.startswith(k) or k.startswith(args.smoke)}
    if run.returncode != 0 or not rows:
        print(f"mutmut failed (exit {run.returncode}); see {log}", file=sys.stderr)
        return 1
    report = {
        "tool": "mutmut",
        "smoke": args.smoke,
        "seconds": round(seconds, 1),
        "children": args.children,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "system": platform.platform(),
        },
        "modules": {k: {"score": score(v), **dict(sorted(v.items()))} for k, v in sorted(rows.items())},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    target = RESULTS.with_name("mutation-smoke.json") if args.smoke else RESULTS
    target.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'module':34} {'score':>6} {'killed':>7} {'survived':>9} {'other':>6}")
    for module, counts in report["modules"].items():
        other = sum(v for k, v in counts.items() if k not in {"score", "killed", "survived"})
        shown = "-" if counts["score"] is None else f"{counts['score']:.0%}"
        print(
            f"{module:34} {shown:>6} {counts.get('killed', 0):>7} {counts.get('survived', 0):>9} {other:>6}"
        )
    print(f"{seconds:.0f} s; written to {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
