"""GL016: a glossary example whose numbers contradict the definition it illustrates."""

import re
from collections.abc import Iterator
from decimal import Decimal

from gradeline.content.lint.findings import Finding
from gradeline.model import Guideline

_RATE = re.compile(r"(\d+(?:[.,]\d+)?) per (\d+)")
_STATED = re.compile(
    r"er (hazard ratio|relativ risiko|risiko ratio|odds ratio|RR|HR) (\d+(?:[.,]\d+)?)", re.I
)
_NAMES = {"rr": "relativ risiko", "hr": "hazard ratio", "or": "odds ratio"}


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def ratio_examples(guideline: Guideline) -> Iterator[Finding]:
    """An example 'a per n in the intervention group, b per n in the control group, ratio r' must give
    r = a/b, and name the measure its entry defines."""
    for entry in guideline.glossary:
        text = entry.definition
        rates, stated = _RATE.findall(text), _STATED.search(text)
        i, c = text.find("interventionsgruppe"), text.find("kontrolgruppe")
        if len(rates) < 2 or stated is None or i < 0 or c < 0 or i > c:
            continue
        (a, n1), (b, n2) = rates[:2]
        expected = (_number(a) / _number(n1)) / (_number(b) / _number(n2))
        value = _number(stated.group(2))
        problems = []
        if abs(value - expected) > Decimal("0.01"):
            problems.append(f"{a} per {n1} against {b} per {n2} gives {expected.normalize()}, not {value}")
        defined = _NAMES.get(entry.term.lower(), entry.term.lower())
        if stated.group(1).lower() not in (defined, entry.term.lower()):
            problems.append(f"the example names “{stated.group(1)}” in the entry for “{entry.term}”")
        if problems:
            yield Finding("GL016", f"glossary/{entry.term}", "; ".join(problems) + ".")
