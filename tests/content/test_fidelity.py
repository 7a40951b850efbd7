"""The pack is faithful to the published guideline: texts verbatim, every row, every number."""

import re
from pathlib import Path

import pytest
import yaml

from gradeline.content.fidelity import MAX_PIECES, check_outcome_numbers, texts
from gradeline.content.pack import read_markdown
from gradeline.content.seedtext import SeedText
from gradeline.model import Guideline
from tests.conftest import SHARED_SEED

# Rows per evidence profile, counted table by table in the seed (one importance cell per row).
ROWS_PER_CHAPTER = {3: 9, 4: 10, 5: 10, 6: 8, 7: 10, 8: 10, 9: 10, 10: 10, 11: 10, 12: 10}
CHAPTER_STARTS = {
    3: 558,
    4: 1040,
    5: 1575,
    6: 1950,
    7: 2398,
    8: 2846,
    9: 3341,
    10: 3782,
    11: 4270,
    12: 4693,
    13: 5125,
}
IMPORTANCE_CELL = re.compile(r"^\s*[1-9]\s+(Kritisk|Vigtig)\s*$")


def test_pack_source_is_the_shared_seed(pack_dir: Path) -> None:
    if not SHARED_SEED.exists():
        pytest.skip("shared/seed is not beside this checkout")
    assert (pack_dir / "source" / "seed.txt").read_bytes() == SHARED_SEED.read_bytes()


def test_ten_recommendations_in_chapters_3_to_12(guideline: Guideline) -> None:
    assert [r.chapter for r in guideline.recommendations] == list(range(3, 13))
    assert [r.question_number for r in guideline.recommendations] == list(range(1, 11))


@pytest.mark.parametrize("chapter", sorted(ROWS_PER_CHAPTER))
def test_every_row_of_each_evidence_profile(guideline: Guideline, seed: SeedText, chapter: int) -> None:
    rec = guideline.recommendation(str(chapter))
    start, end = CHAPTER_STARTS[chapter], CHAPTER_STARTS[chapter + 1]
    cells = sum(1 for line in seed.lines[start - 1 : end - 1] if IMPORTANCE_CELL.match(line))
    assert len(rec.outcomes) == ROWS_PER_CHAPTER[chapter] == cells


def _pack_files(pack_dir: Path) -> list[Path]:
    return sorted(
        [*pack_dir.glob("recommendations/*.yaml"), pack_dir / "glossary.yaml", pack_dir / "groups.yaml"]
    )


@pytest.mark.parametrize("name", ["recommendations", "glossary", "groups"])
def test_every_danish_text_occurs_in_the_seed(pack_dir: Path, seed: SeedText, name: str) -> None:
    missing = []
    for path in _pack_files(pack_dir):
        if not path.name.startswith(name) and path.parent.name != name:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for location, text in texts(data):
            if not seed.contains(text, max_pieces=MAX_PIECES):
                missing.append(f"{path.name}:{location}: {text[:70]!r}")
    assert missing == []


def test_guideline_texts_occur_in_the_seed(pack_dir: Path, seed: SeedText) -> None:
    data = yaml.safe_load((pack_dir / "guideline.yaml").read_text(encoding="utf-8"))
    checked = {
        "scope": data["scope"],
        "strength_levels": data["strength_levels"],
        "mcids": [mcid["text"] for mcid in data["mcids"]],
    }
    missing = [loc for loc, text in texts(checked) if not seed.contains(text)]
    assert missing == []


def test_chapter_bodies_occur_in_the_seed(pack_dir: Path, seed: SeedText) -> None:
    missing = []
    for path in sorted(pack_dir.glob("chapters/*.md")):
        meta, body = read_markdown(path)
        assert seed.contains(meta["title"]), path.name
        for block in body.split("\n\n"):
            for line in block.splitlines() if block.lstrip().startswith(("-", "◦")) else [block]:
                text = re.sub(r"^(#+|\s*[-◦]|\d+\.)\s+", "", line.strip())
                if text and not seed.contains(text):
                    missing.append(f"{path.name}: {text[:70]!r}")
    assert missing == []


def test_narrative_chapters_and_glossary_are_complete(guideline: Guideline) -> None:
    assert [c.number for c in guideline.chapters] == [1, 2, *range(13, 22)]
    assert len(guideline.glossary) == 28
    assert guideline.groups is not None and len(guideline.groups.working_group) == 12


def test_every_number_of_a_row_occurs_in_that_rows_seed_lines(guideline: Guideline, seed: SeedText) -> None:
    findings = [str(f) for rec in guideline.recommendations for f in check_outcome_numbers(rec, seed)]
    assert findings == []


def test_every_row_shows_data_or_says_why_not(guideline: Guideline) -> None:
    for rec in guideline.recommendations:
        for outcome in rec.outcomes:
            shown = outcome.has_estimate or outcome.comparator or outcome.certainty
            assert shown or outcome.no_data, f"{rec.id}/{outcome.id}"


def test_scope_and_mcid_texts_stand_at_their_cited_lines(guideline: Guideline, seed: SeedText) -> None:
    cited = [*guideline.scope.criteria, *guideline.scope.exclusions, *guideline.mcids]
    for item in cited:
        span_text = SeedText(tuple(seed.span_text(item.provenance.lines).splitlines()))
        assert span_text.contains(item.text), f"{item.id}: not at lines {item.provenance.lines}"
