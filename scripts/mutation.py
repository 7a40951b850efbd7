"""Mutation testing of the clinical core with mutmut; a score per module in benchmarks/results/mutation.json.

Usage: ``python scripts/mutation.py [--module M | --quick M [--scratch DIR] | --smoke] [--children N]``.
Which files are mutated and which tests run is configured in ``[tool.mutmut]`` of pyproject.toml.
``--module gradeline.evidence.absolute`` runs the mutants of one module only, with the whole test selection.
``--quick gradeline.monitor.episodes`` mutates one row's files against the tests written for them, in a
scratch copy of the repository (minutes, for triage; ``--scratch DIR`` keeps the copy so that ``mutmut
results`` and ``mutmut show`` work there). ``--smoke`` is the quick run of ``cdshooks/auth.py`` (about a
minute on two free cores; CI can afford it) and fails below the goal. The score is killed / (all mutants that
ran): survivors, timeouts and mutants no test reaches all count against it.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
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
GOAL = 0.85
MONITOR_HAND_COUNTED = (
    "tests/monitor/test_age_at.py",
    "tests/monitor/test_episode_rules.py",
    "tests/monitor/test_indicator_kinds.py",
)
# Quick runs: one row's files against the tests written for it, in a scratch copy (a lower bound of the full
# run's score, which selects more tests). The smoke run is the quick run of auth.py.
QUICK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "gradeline.cdshooks.auth": (
        ("src/gradeline/cdshooks/auth.py",),
        (
            "tests/cdshooks/test_auth.py",
            "tests/cdshooks/test_auth_reasons.py",
            "tests/cdshooks/test_auth_keys.py",
        ),
    ),
    "gradeline.cdshooks.hooks": (("src/gradeline/cdshooks/hooks.py",), ("tests/cdshooks",)),
    # The linter's own tests; tests/content/test_check.py and test_translations.py run the whole `gradeline
    # check` on copied packs (10-20 s each, for every surviving mutant), which made this run take hours on a
    # loaded machine; test_lint_pack_rules_edges.py checks their lint assertion (the shipped pack's findings
    # match its errata) directly. The full run still selects them.
    "gradeline.content.lint": (
        ("src/gradeline/content/lint/*",),
        (
            "tests/content/test_lint_rules.py",
            "tests/content/test_lint_bounds.py",
            "tests/content/test_lint_messages.py",
            "tests/content/test_lint_summary_rules.py",
            "tests/content/test_lint_pack_rules_edges.py",
            "tests/evidence/test_rounding_properties.py",
        ),
    ),
    # The monitoring rows run against the hand-counted unit tests (the planted and window-edge fixtures
    # episode by episode): the whole of tests/monitor takes minutes per surviving mutant, and mutmut credits
    # a module-scoped fixture's work (test_planted.py, test_window_edges.py) to the module's first test only.
    "gradeline.monitor.indicators": (("src/gradeline/monitor/indicators.py",), MONITOR_HAND_COUNTED),
    "gradeline.monitor.episodes": (("src/gradeline/monitor/episodes.py",), MONITOR_HAND_COUNTED),
    "gradeline.decide": (("src/gradeline/decide/*",), ("tests/decide",)),
    "gradeline.evidence": (("src/gradeline/evidence/*",), ("tests/evidence",)),
}
SMOKE_MODULE = "gradeline.cdshooks.auth"


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


def quick_copy(scratch: Path, module: str) -> Path:
    """A scratch copy of the repository with ``[tool.mutmut]`` narrowed to one row's files and tests."""
    files, tests = QUICK[module]
    for part in ("src", "tests", "content"):
        shutil.copytree(REPO / part, scratch / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy2(REPO / "uv.lock", scratch / "uv.lock")
    config = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    config = re.sub(
        r"^only_mutate = \[.*?\]$", "only_mutate = " + json.dumps(list(files)), config, flags=re.M | re.S
    )
    config = re.sub(
        r"^pytest_add_cli_args_test_selection = \[.*?\]$",
        "pytest_add_cli_args_test_selection = " + json.dumps(list(tests)),
        config,
        flags=re.M | re.S,
    )
    config = re.sub(r"^also_copy = \[.*?\]$", 'also_copy = ["content/"]', config, flags=re.M | re.S)
    (scratch / "pyproject.toml").write_text(config, encoding="utf-8")
    return scratch


def run_mutmut(where: Path, names: list[str], children: int) -> tuple[int, str]:
    """``mutmut run`` in ``where`` (its log in mutants/run.log), then the status of every mutant."""
    log = where / "mutants" / "run.log"
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        run = subprocess.run(
            [str(MUTMUT), "run", "--max-children", str(children), *names],
            cwd=where,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if run.returncode != 0:
        print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
    listing = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=where, capture_output=True, text=True, check=False
    )
    return run.returncode, listing.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--module", metavar="MODULE", help="only the mutants of this dotted module")
    which.add_argument(
        "--quick", choices=sorted(QUICK), help="one row against its own tests, in a scratch copy"
    )
    which.add_argument("--smoke", action="store_true", help=f"--quick {SMOKE_MODULE}; fails below the goal")
    parser.add_argument("--scratch", type=Path, help="keep the quick run's copy here (to read its survivors)")
    parser.add_argument("--children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not MUTMUT.exists():
        print(f"mutmut is not installed in {MUTMUT.parent}; run `make sync` first.", file=sys.stderr)
        return 2
    quick = SMOKE_MODULE if args.smoke else args.quick
    only = quick or args.module
    started = time.monotonic()
    if quick and args.scratch:
        args.scratch.mkdir(parents=True, exist_ok=False)
        returncode, listing = run_mutmut(quick_copy(args.scratch, quick), [], args.children)
    elif quick:
        with tempfile.TemporaryDirectory(prefix="gradeline-mutation-") as scratch:
            returncode, listing = run_mutmut(quick_copy(Path(scratch), quick), [], args.children)
    else:
        returncode, listing = run_mutmut(REPO, [f"{only}.*"] if only else [], args.children)
    seconds = time.monotonic() - started
    rows = parse_results(listing)
    if only:
        rows = {k: v for k, v in rows.items() if only.startswith(k) or k.startswith(only)}
    if returncode != 0 or not rows:
        print(f"mutmut failed (exit {returncode})", file=sys.stderr)
        return 1
    report = {
        "tool": "mutmut",
        "only": only,
        "smoke": args.smoke,
        "tests": "own tests only (a lower bound)" if quick else "the whole selection",
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
    target = RESULTS.with_name(f"mutation-{only}.json") if only else RESULTS
    target.write_text(json.dumps(report, indent=2) + "\n")
    print(f"{'module':34} {'score':>6} {'killed':>7} {'survived':>9} {'other':>6}")
    for module, counts in report["modules"].items():
        other = sum(v for k, v in counts.items() if k not in {"score", "killed", "survived"})
        shown = "-" if counts["score"] is None else f"{counts['score']:.0%}"
        print(
            f"{module:34} {shown:>6} {counts.get('killed', 0):>7} {counts.get('survived', 0):>9} {other:>6}"
        )
    print(f"{seconds:.0f} s; written to {target.relative_to(REPO)}")
    if args.smoke:
        below = [m for m, c in report["modules"].items() if (c["score"] or 0) < GOAL]
        if below:
            print(f"below the goal of {GOAL:.0%} killed: {', '.join(below)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
