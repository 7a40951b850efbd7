"""Loading and validating the content pack, against merely parsing the same YAML files."""

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gradeline.content.lint import lint_guideline
from gradeline.content.pack import DEFAULT_PACK, load_pack, pack_files, read_markdown, read_yaml

REPEATS = 15


def _parse_only(pack: Path) -> None:
    """Parse exactly the files load_pack reads, with the same YAML parser, and build nothing."""
    for path in pack_files(pack):
        read_yaml(path)
    for path in sorted(pack.glob("chapters/*.md")):
        read_markdown(path)


def _timed(work: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def run() -> dict[str, Any]:
    """Median seconds per pass for parse-only, load+validate and load+validate+lint, with ratios."""
    pack = DEFAULT_PACK
    _parse_only(pack)  # warm the file cache for all three
    parse = statistics.median(_timed(lambda: _parse_only(pack)))
    load = statistics.median(_timed(lambda: load_pack(pack)))
    lint = statistics.median(_timed(lambda: lint_guideline(load_pack(pack))))
    return {
        "what": "content pack: parse YAML only vs load + validate (pydantic) vs load + validate + lint",
        "repeats": REPEATS,
        "parse_only_s": round(parse, 4),
        "load_validate_s": round(load, 4),
        "load_validate_lint_s": round(lint, 4),
        "ratio_load_to_parse": round(load / parse, 3),
        "ratio_lint_to_parse": round(lint / parse, 3),
    }
