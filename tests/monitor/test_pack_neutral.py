"""Nothing about the first guideline is written in the monitoring code: its words, ids, numbers and codes
live in the pack (content/nkr-laenderygsmerter/monitor/ and recommendations/) and are read from there."""

import re
from pathlib import Path

import yaml

from gradeline.content.packs import REPOSITORY_CONTENT

MONITOR_SRC = Path(__file__).resolve().parents[2] / "src" / "gradeline" / "monitor"
PACK = REPOSITORY_CONTENT / "nkr-laenderygsmerter"
CONDITION_WORDS = ("lænd", "laend", "low back", "lbp", "lumbar", "back pain", "rygsmerter", "lænderyg")
"""The condition itself, in Danish and English (the pack's codes.yaml names it; these are its words)."""


def _codes(node: object) -> set[str]:
    """Every code value under ``codes``/``atc_prefixes``/``code`` keys of a YAML tree."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("codes", "atc_prefixes", "code", "red_flag_sks", "other_atc", "background_icpc2"):
                found |= {str(v) for v in (value if isinstance(value, list) else [value])}
            found |= _codes(value)
    elif isinstance(node, list):
        for item in node:
            found |= _codes(item)
    return found


def first_guideline_words() -> set[str]:
    """Words that would tie the code to the first guideline, derived from its pack."""
    monitor = PACK / "monitor"
    indicators = yaml.safe_load((monitor / "indicators.yaml").read_text(encoding="utf-8"))
    codes = yaml.safe_load((monitor / "codes.yaml").read_text(encoding="utf-8"))
    synth = yaml.safe_load((monitor / "synth.yaml").read_text(encoding="utf-8"))
    words = {i["id"] for i in indicators["indicators"]}  # indicator ids
    words |= {
        yaml.safe_load(p.read_text(encoding="utf-8"))["id"] for p in (PACK / "recommendations").glob("*.yaml")
    }
    words |= _codes(codes) | _codes(synth) | set(synth["drugs"]) | set(codes["drugs"])  # codes, drug classes
    words |= {c for atcs in synth["drugs"].values() for c in atcs}
    words |= {str(v) for v in codes["imaging"]["body_site_snomed"].values()}  # the body site
    return words | set(CONDITION_WORDS)


def test_word_list_is_derived_from_the_pack() -> None:
    words = first_guideline_words()
    assert {"billeddiagnostik", "paracetamol", "opioider", "billeddiagnostik-uden-roede-flag"} <= words
    assert {"L03", "DM545", "N02A", "N02AX02", "lumbar"} <= words


def mentions(folder: Path) -> list[str]:
    """``file:line: word`` for every first-guideline word in the Python files under ``folder``."""
    words = first_guideline_words()
    pattern = re.compile(
        "|".join(rf"(?<![A-Za-z0-9_-]){re.escape(w)}(?![A-Za-z0-9_-])" for w in sorted(words)), re.IGNORECASE
    )
    return [
        f"{path.relative_to(folder)}:{number}: {match.group(0)}"
        for path in sorted(folder.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in [pattern.search(line)]
        if match
    ]


def test_monitoring_code_names_nothing_of_the_first_guideline() -> None:
    assert mentions(MONITOR_SRC) == []


def test_the_check_finds_a_planted_word(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('X = 1\nDRUG = "paracetamol"\nCODES = ["DM545"]\n', encoding="utf-8")
    (tmp_path / "b.py").write_text('"""Episodes of low back pain."""\n', encoding="utf-8")
    assert mentions(tmp_path) == ["a.py:2: paracetamol", "a.py:3: DM545", "b.py:1: low back"]
