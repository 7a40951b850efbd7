"""Rules on effect estimates: CI order, point inside CI, centring, arm arithmetic, per-1,000 values."""

from collections.abc import Iterator
from decimal import Decimal

from gradeline.content.lint.findings import Finding
from gradeline.content.lint.walk import rows
from gradeline.evidence.absolute import printed_difference_range, printed_treated_range
from gradeline.evidence.rounding import Interval
from gradeline.model import Effect, EffectMeasure, Guideline, PrintedValue

RATIOS = {EffectMeasure.RR, EffectMeasure.OR, EffectMeasure.HR}


def _signed(value: PrintedValue) -> Interval:
    """The printed value as a signed interval of true values."""
    printed = Interval.printed(value.value)
    return printed.scale(-1.0) if value.signed < 0 else printed


def _bounds(first: PrintedValue, second: PrintedValue) -> tuple[Decimal, Decimal]:
    low, high = sorted((first.signed, second.signed))
    return low, high


def reverse_order(guideline: Guideline) -> Iterator[Finding]:
    """GL002: the CI's lower bound must be printed first."""
    for outcome, where in rows(guideline):
        for name, est in (("effect", outcome.effect), ("absolute", outcome.absolute)):
            if est is not None and est.ci_first.signed > est.ci_second.signed:
                yield Finding(
                    "GL002",
                    f"{where}/{name}",
                    f"the 95% CI is printed as {est.ci_first} — {est.ci_second}: "
                    f"the first bound is the larger "
                    f"({est.ci_first.signed} > {est.ci_second.signed}).",
                )


def point_outside(guideline: Guideline) -> Iterator[Finding]:
    """GL001: the point estimate must lie within its CI."""
    for outcome, where in rows(guideline):
        for name, est in (("effect", outcome.effect), ("absolute", outcome.absolute)):
            if est is None:
                continue
            low, high = _bounds(est.ci_first, est.ci_second)
            if not low <= est.point.signed <= high:
                yield Finding(
                    "GL001",
                    f"{where}/{name}",
                    f"the point estimate {est.point} ({est.point.signed}) lies outside its 95% CI "
                    f"{est.ci_first} — {est.ci_second} ({low} to {high}).",
                )


def _centre_consistent(effect: Effect) -> bool:
    first, second, point = _signed(effect.ci_first), _signed(effect.ci_second), _signed(effect.point)
    if effect.measure in RATIOS:
        centre = (first.log() + second.log()).scale(0.5)
        return centre.overlaps(point.log())
    return (first + second).scale(0.5).overlaps(point)


def not_centred(guideline: Guideline) -> Iterator[Finding]:
    """GL003: a CI of an MD/SMD is symmetric around the point; a ratio's CI is symmetric on the log scale.

    Checked with interval arithmetic over the printed digits, so only real asymmetry is reported. Skipped
    when the point lies outside the CI (GL001 says more).
    """
    for outcome, where in rows(guideline):
        effect = outcome.effect
        if effect is None:
            continue
        low, high = _bounds(effect.ci_first, effect.ci_second)
        if not low <= effect.point.signed <= high or _centre_consistent(effect):
            continue
        scale = "on the log scale " if effect.measure in RATIOS else ""
        yield Finding(
            "GL003",
            f"{where}/effect",
            f"{effect.measure} {effect.point} is not the centre {scale}of its 95% CI {effect.ci_first} — "
            f"{effect.ci_second}, even allowing for rounding of the printed digits.",
        )


def arms_vs_difference(guideline: Guideline) -> Iterator[Finding]:
    """GL004: for a mean difference, intervention − comparator must equal the MD (within rounding)."""
    for outcome, where in rows(guideline):
        effect, comparator, intervention = outcome.effect, outcome.comparator, outcome.intervention
        if effect is None or effect.measure != EffectMeasure.MD or comparator is None or intervention is None:
            continue
        difference = Interval.printed(intervention.value) - Interval.printed(comparator.value)
        if not difference.overlaps(_signed(effect.point)):
            yield Finding(
                "GL004",
                f"{where}/effect",
                f"intervention {intervention.value} − comparator {comparator.value} = "
                f"{intervention.value - comparator.value}, but the printed difference is MD {effect.point}.",
            )


def per_thousand(guideline: Guideline) -> Iterator[Finding]:
    """GL005: with a risk ratio and a baseline risk per 1,000, risk with intervention = baseline × RR and
    the difference and its CI = baseline × (RR − 1), each within the rounding of the printed digits."""
    for outcome, where in rows(guideline):
        effect, base = outcome.effect, outcome.comparator
        if effect is None or effect.measure != EffectMeasure.RR or base is None:
            continue
        checks: list[tuple[str, Interval, Decimal, PrintedValue | None]] = []
        if outcome.intervention is not None:
            checks.append(
                (
                    "intervention",
                    printed_treated_range(base.value, effect.point.value),
                    outcome.intervention.value,
                    None,
                )
            )
        if outcome.absolute is not None:
            absolute = outcome.absolute
            for label, ratio, printed in (
                ("difference", effect.point, absolute.point),
                ("difference CI bound", effect.ci_first, absolute.ci_first),
                ("difference CI bound", effect.ci_second, absolute.ci_second),
            ):
                checks.append(
                    (label, printed_difference_range(base.value, ratio.value), printed.signed, printed)
                )
        for label, expected, printed_value, shown in checks:
            if not expected.widen(0.5).contains(float(printed_value)):
                ratio_note = f"RR {effect.point}" if label != "difference CI bound" else "the RR's CI bound"
                yield Finding(
                    "GL005",
                    f"{where}/absolute" if shown is not None else f"{where}/intervention",
                    f"{label} is printed as {shown if shown is not None else printed_value} per 1.000, but "
                    f"baseline {base.value} per 1.000 with {ratio_note} gives {expected.lo:.1f} to "
                    f"{expected.hi:.1f}.",
                )
