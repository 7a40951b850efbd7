"""Running the rules and reconciling their findings with the pack's acknowledged errata."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gradeline.model import Erratum, Guideline

RULES: dict[str, str] = {
    "GL001": "point estimate outside its confidence interval",
    "GL002": "confidence interval bounds printed in reverse order",
    "GL003": "confidence interval not centred on the point estimate beyond rounding",
    "GL004": "intervention minus comparator disagrees with the mean difference",
    "GL005": "per-1,000 values disagree with the risk ratio and the baseline risk",
    "GL006": "value outside the instrument's scale",
    "GL007": "importance number and label disagree",
    "GL008": "recommendation wording does not follow its strength's template (section 19)",
    "GL009": "strength label does not match the strength and direction",
    "GL010": "a layer of the recommendation is missing",
    "GL011": "footnote not cited by any row",
    "GL012": "structured estimate differs from the published text of the same row",
    "GL013": "overall certainty differs from the lowest certainty of the critical outcomes",
    "GL014": "a row's time frame differs from its name, its no-data text or the Sammenfatning",
    "GL015": "a row's importance label differs from what the Sammenfatning calls the outcome",
    "GL016": "a glossary example's numbers contradict the definition it illustrates",
    "GL017": "the side a printed difference favours contradicts the Sammenfatning",
    "GL018": "a display mapping changes a printed time frame",
}


PACK_RULE_CODES = frozenset({"GL014", "GL015", "GL017", "GL018"})


@dataclass(frozen=True, order=True)
class Finding:
    """One linter finding: a rule code, where it is, and a sentence."""

    code: str
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.code} {self.location}: {self.message}"

    def key(self) -> tuple[str, str]:
        """What an erratum must name to acknowledge this finding."""
        return self.code, self.location


@dataclass
class LintReport:
    """Findings split into acknowledged ones, new ones, and errata that no longer apply."""

    acknowledged: list[tuple[Finding, Erratum]] = field(default_factory=list)
    new: list[Finding] = field(default_factory=list)
    stale: list[Erratum] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """True when every finding is acknowledged and every erratum still applies."""
        return not self.new and not self.stale


Rule = Callable[[Guideline], Iterable[Finding]]


def all_findings(guideline: Guideline, rules: Iterable[Rule]) -> Iterator[Finding]:
    """Every finding of every rule, sorted and without duplicates."""
    yield from sorted({f for rule in rules for f in rule(guideline)})


def reconcile(findings: Iterable[Finding], errata: Iterable[Erratum]) -> LintReport:
    """Match findings to errata by (code, location)."""
    by_key = {(e.code, e.location): e for e in errata}
    report = LintReport()
    seen: set[tuple[str, str]] = set()
    for finding in findings:
        erratum = by_key.get(finding.key())
        if erratum is None:
            report.new.append(finding)
        else:
            report.acknowledged.append((finding, erratum))
            seen.add(finding.key())
    report.stale = [e for key, e in by_key.items() if key not in seen]
    return report


def lint_guideline(guideline: Guideline, pack: Path | None = None) -> LintReport:
    """Run every rule over a guideline and reconcile with its errata.

    With ``pack``, the rules comparing rows with the pack's evidence data (judgements, display names) run too.
    """
    from gradeline.content.lint.rules import ALL_RULES, pack_rules

    if pack is not None:
        return reconcile(all_findings(guideline, [*ALL_RULES, *pack_rules(pack)]), guideline.errata)
    errata = [e for e in guideline.errata if e.code not in PACK_RULE_CODES]  # not checked without the pack
    return reconcile(all_findings(guideline, ALL_RULES), errata)
