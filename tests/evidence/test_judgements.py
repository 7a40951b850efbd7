"""The pack's judgements quote each Sammenfatning verbatim, at the seed line they name."""

import re

from gradeline.content.seedtext import SeedText
from gradeline.evidence.data import cached_evidence_data
from gradeline.model import Guideline


def _normalised_with_lines(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    lines: list[int] = []
    line, space = 1, False
    for ch in text:
        if ch.isspace():
            if not space:
                out.append(" ")
                lines.append(line)
            space = True
        else:
            out.append(ch)
            lines.append(line)
            space = False
        if ch == "\n":
            line += 1
    return "".join(out), lines


def test_every_quote_is_verbatim_and_starts_at_its_seed_line(seed: SeedText, guideline: Guideline) -> None:
    text, line_of = _normalised_with_lines("\n".join(seed.lines))
    rows = {f"{rec.id}/{o.id}" for rec in guideline.recommendations for o in rec.outcomes}
    judged = cached_evidence_data().judgements.rows
    assert judged
    for key, judgement in judged.items():
        assert key in rows, key
        quote = re.sub(r"\s+", " ", judgement.quote).strip()
        starts = [line_of[m.start()] for m in re.finditer(re.escape(quote), text)]
        assert judgement.seed_line in starts, f"{key}: quote not at line {judgement.seed_line} ({starts})"
        for words in (judgement.importance, judgement.time_frame):
            if words:
                assert words in quote.lower(), f"{key}: “{words}” not in its quote"
