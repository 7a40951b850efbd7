"""Nothing about the first guideline (low back pain) is typed in src/: its words, ids and numbers live in
its content pack, and the code reads or derives them. The word list is derived from the pack where it can be.

Not scanned: ``monitor/`` and the monitoring page (their owner's test covers them), compiled ``.mo`` files
(built from the ``.po`` files, which are scanned entry by entry).
"""

import re
from pathlib import Path

import pytest
import yaml

import gradeline
from gradeline.content.packs import REPOSITORY_CONTENT

SRC = Path(gradeline.__file__).resolve().parent
PACK = REPOSITORY_CONTENT / "nkr-laenderygsmerter"
OWNED_ELSEWHERE = ("monitor/", "monitoring")  # the monitor package and the monitoring page
TEXT_SUFFIXES = {".py", ".html", ".txt", ".js", ".css", ".json", ".yaml", ".md", ".po", ".svg", ".xml"}
# Words of the title that any guideline shares ("National klinisk retningslinje for behandling af ...").
GENERIC_TITLE_WORDS = {"national", "klinisk", "retningslinje", "for", "behandling", "af"}
# The condition in words no pack field spells out.
CONDITION_WORDS = ("lænd", "laend", "ryg", "low back", "lbp")
NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
)


def _yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def first_guideline_words(pack: Path = PACK) -> set[str]:
    """The first guideline's names, ids, titles, medicines and scope numbers, from its pack."""
    guideline = _yaml(pack / "guideline.yaml")
    recs = [_yaml(path) for path in sorted((pack / "recommendations").glob("*.yaml"))]
    english = _yaml(pack / "translations" / "en.yaml").get("recommendations", {})
    medicines = [m["recommendation"] for m in _yaml(pack / "decide" / "medication.yaml")["medicines"]]
    scope, count = guideline["scope"], len(recs)
    words = {guideline["id"], guideline["short_code"], guideline["publisher"], *CONDITION_WORDS}
    words |= {w for w in re.findall(r"[\wæøå-]+", guideline["title"].lower()) if w not in GENERIC_TITLE_WORDS}
    words |= {r["id"] for r in recs} | {r["title"] for r in recs}
    for medicine in medicines:  # 'Opioids' -> 'opioid', so 'opioid caution' is found too
        words |= {medicine, english[medicine]["title"]["text"].removesuffix("s")}
    words |= {f"{scope['min_age_exclusive']} år", f"{scope['min_age_exclusive']} years"}
    words |= {f"{scope['max_duration_weeks']} uge", f"{scope['max_duration_weeks']} weeks"}
    words |= {f"{count} anbefalinger", f"{count} recommendations", f"{NUMBER_WORDS[count]} recommendations"}
    return words


def pattern(words: set[str]) -> re.Pattern[str]:
    """One case-insensitive pattern; a word starts at a word boundary (so 'ryg' is not found in 'tryg')."""
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![\wæøå]){re.escape(w)}" for w in alternatives), re.IGNORECASE)


def _po_entries(text: str) -> list[tuple[int, str]]:
    """(first line, entry) of a .po file, leaving out entries that only templates owned elsewhere use."""
    found, line = [], 1
    for block in text.split("\n\n"):
        references = [r for ref in re.findall(r"^#: (.*)$", block, re.M) for r in ref.split()]
        if not (references and all(any(o in r for o in OWNED_ELSEWHERE) for r in references)):
            found.append((line, block))
        line += block.count("\n") + 2
    return found


def hits(root: Path, words: set[str]) -> list[str]:
    """'file:line: word' for every occurrence of a word in the text files under ``root``."""
    search = pattern(words)
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if (
            not path.is_file()
            or path.suffix not in TEXT_SUFFIXES
            or any(o in relative for o in OWNED_ELSEWHERE)
        ):
            continue
        text = path.read_text(encoding="utf-8")
        parts = _po_entries(text) if path.suffix == ".po" else [(1, text)]
        for first, part in parts:
            for offset, line in enumerate(part.splitlines()):
                found += [f"{relative}:{first + offset}: {m.group(0)}" for m in search.finditer(line)]
    return found


def test_the_words_come_from_the_pack() -> None:
    words = {w.lower() for w in first_guideline_words()}
    assert {"nsaid", "paracetamol", "opioid", "vanlig-aktivitet", "nkr-laenderygsmerter"} <= words
    assert {"lænderygsmerter", "sundhedsstyrelsen", "16 år", "12 uge", "10 anbefalinger"} <= words


@pytest.mark.parametrize(
    "text",
    [
        "TITLE = 'Nyopståede lænderygsmerter'",
        "if rec.id == 'billeddiagnostik':",
        "# over 16 år",
        "'Pain in the low back'",
        "'Nylig operation i ryggen?'",
        "terminology.lbp_problem",
        "help = 'Drives a car (opioid caution)'",
    ],
)
def test_a_planted_word_is_found(tmp_path: Path, text: str) -> None:
    (tmp_path / "module.py").write_text(f"{text}\n", encoding="utf-8")
    assert hits(tmp_path, first_guideline_words()) != []


def test_generic_words_are_not_found(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("Anbefalinger · tryg behandling · feedback\n", encoding="utf-8")
    assert hits(tmp_path, first_guideline_words()) == []


def test_src_names_nothing_of_the_first_guideline() -> None:
    found = hits(SRC, first_guideline_words())
    assert found == [], "move these into the pack or derive them from it:\n" + "\n".join(found)
