"""Fidelity of a pack to its source: texts occur verbatim, numbers occur where the row stands."""

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from gradeline.content.seedtext import SeedText, numbers_in
from gradeline.model import Outcome, PrintedValue, Recommendation, certainty_label, importance_label

# Fields that hold a code of the vocabulary: their label in the pack's language is what the source prints.
_CODED: dict[str, Callable[[str, str], str]] = {
    "importance_label": importance_label,
    "certainty": certainty_label,
    "overall_certainty": certainty_label,
}

# Fields that hold our own vocabulary or identifiers, not text from the seed.
_NOT_SEED_TEXT = {
    "id",
    "slug",
    "strength",
    "direction",
    "better",
    "measure",
    "code",
    "location",
    "explanation",
    "colour",
    "colour_hex",
    "icon",
    "value",
    "section",
    "source",
    "language",
    "short_code",
    "source_file",
    "wording_patterns",
    "refer_to",
    "rule",
    "status",
    "aliases",
    "unit_en",
    "lines",
}


# A paragraph may be broken by the two-column layout around a box of other text (see SeedText.contains).
MAX_PIECES = 2


@dataclass(frozen=True)
class Finding:
    """A place where the pack does not match its source."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def texts(data: Any, path: str = "", language: str = "da") -> Iterator[tuple[str, str]]:
    """Every (location, string) in a loaded YAML tree that should be seed text; a code (certainty ``low``)
    stands for its label in the pack's ``language`` ('Lav'), which the source prints."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in _NOT_SEED_TEXT or key == "seed_lines" or key.endswith("_en"):
                continue
            where = f"{path}/{key}" if path else str(key)
            if key in _CODED and isinstance(value, str):
                yield where, _CODED[key](value, language)
                continue
            yield from texts(value, where, language)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, f"{path}[{index}]", language)
    elif isinstance(data, str):
        yield path, data


def check_texts(data: Any, seed: SeedText, where: str) -> list[Finding]:
    """Texts of a pack file that do not occur in the seed."""
    return [
        Finding(f"{where}:{location}", f"text not found in the seed: {text[:80]!r}")
        for location, text in texts(data)
        if not seed.contains(text, max_pieces=MAX_PIECES)
    ]


def _printed(value: PrintedValue) -> str:
    return _decimal_text(value.value)


def _decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def outcome_numbers(outcome: Outcome) -> list[str]:
    """Every number a row records, as text."""
    found: list[str] = []
    for number in (outcome.importance, outcome.participants, outcome.studies):
        if number is not None:
            found.append(str(number))
    if outcome.scale:
        found += [_decimal_text(outcome.scale.min), _decimal_text(outcome.scale.max)]
    for arm in (outcome.comparator, outcome.intervention):
        if arm:
            found.append(_decimal_text(arm.value))
    for estimate in (outcome.effect, outcome.absolute):
        if estimate:
            found += [_printed(estimate.point), _printed(estimate.ci_first), _printed(estimate.ci_second)]
    return found


def check_outcome_numbers(rec: Recommendation, seed: SeedText) -> list[Finding]:
    """Numbers of each row that do not occur in that row's seed lines."""
    findings = []
    for outcome in rec.outcomes:
        bad = [s for s in outcome.seed_lines if not seed.valid_span(s)]
        if bad:
            findings.append(Finding(f"{rec.id}/{outcome.id}", f"seed_lines outside the document: {bad}"))
            continue
        available = numbers_in(seed.span_text(outcome.seed_lines))
        for number in outcome_numbers(outcome):
            if number not in available:
                findings.append(
                    Finding(f"{rec.id}/{outcome.id}", f"number {number} does not occur in its seed lines")
                )
    return findings


def check_recommendation_file(path: Path, seed: SeedText) -> list[Finding]:
    """All fidelity findings for one recommendation file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rec = Recommendation.model_validate(data)
    return check_texts(data, seed, path.name) + check_outcome_numbers(rec, seed)


def main(argv: list[str]) -> int:
    """``python -m gradeline.content.fidelity SEED FILE…``: print findings, exit 1 if any."""
    seed = SeedText.read(Path(argv[0]))
    findings: list[Finding] = []
    for name in argv[1:]:
        findings += check_recommendation_file(Path(name), seed)
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
