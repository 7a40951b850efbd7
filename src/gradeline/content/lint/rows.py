"""Rules on single rows: scales, importance, published text versus structured values."""

import re
from collections.abc import Iterator
from decimal import Decimal

from gradeline.content.lint.findings import Finding
from gradeline.content.lint.walk import rows
from gradeline.model import AbsoluteEffect, Effect, Guideline, Importance
from gradeline.model.vocabulary import change_code, change_words, per_phrases
from gradeline.model.vocabulary import importance_label as label_of

IMPORTANCE_BANDS: dict[Importance, range] = {
    Importance.CRITICAL: range(7, 10),
    Importance.IMPORTANT: range(4, 7),
    Importance.NOT_IMPORTANT: range(1, 4),
}
_TOKEN = re.compile(r"\d+(?:\.\d+)?|" + "|".join(re.escape(w) for w in change_words()))
_CI_LABEL = re.compile(r"CI 95\s?%|95\s?% CI")


def outside_scale(guideline: Guideline) -> Iterator[Finding]:
    """GL006: arm values must lie on the instrument's scale; a mean difference cannot exceed its range."""
    for outcome, where in rows(guideline):
        scale = outcome.scale
        if scale is None:
            continue
        for name, arm in (("comparator", outcome.comparator), ("intervention", outcome.intervention)):
            if arm is not None and not scale.min <= arm.value <= scale.max:
                yield Finding(
                    "GL006",
                    f"{where}/{name}",
                    f"{name} value {arm.value} lies outside the scale {scale.min}–{scale.max} "
                    f"({outcome.measured_with}).",
                )
        effect = outcome.effect
        if effect is not None and effect.measure == "MD":
            span = scale.max - scale.min
            for value in (effect.point, effect.ci_first, effect.ci_second):
                if value.value > span:
                    yield Finding(
                        "GL006",
                        f"{where}/effect",
                        f"a mean difference of {value} is larger than the whole scale "
                        f"{scale.min}–{scale.max}.",
                    )


def importance_label(guideline: Guideline) -> Iterator[Finding]:
    """GL007: 7–9 is critical, 4–6 important, 1–3 not important (GRADE)."""
    for outcome, where in rows(guideline):
        number, label = outcome.importance, outcome.importance_label
        if number is None and label is None:
            continue
        if number is None or label is None:
            yield Finding(
                "GL007", f"{where}/importance", "only one of the importance number and label is given."
            )
        elif number not in IMPORTANCE_BANDS[label]:
            band = IMPORTANCE_BANDS[label]
            yield Finding(
                "GL007",
                f"{where}/importance",
                f"importance {number} is labelled {label_of(label, guideline.language)}, "
                f"which GRADE reserves for {band.start}–{band.stop - 1}.",
            )


def _expected_tokens(estimate: Effect | AbsoluteEffect) -> list[str]:
    tokens: list[str] = []
    for value in (estimate.point, estimate.ci_first, estimate.ci_second):
        tokens.append(str(value.value))
        if value.direction:
            tokens.append(value.direction)
    return tokens


def printed_tokens(estimate: Effect | AbsoluteEffect) -> list[str]:
    """The numbers and direction codes of a published estimate text, in order, without the CI label
    ('CI 95%') and, for an absolute effect, without its denominator ('per 1.000', 'per 1,000')."""
    text = _CI_LABEL.sub(" ", estimate.text)
    if isinstance(estimate, AbsoluteEffect):
        for phrase in per_phrases(estimate.per):
            text = text.replace(phrase, " ")
    return [change_code(t) or t for t in _TOKEN.findall(text)]


def text_mismatch(guideline: Guideline) -> Iterator[Finding]:
    """GL012: the numbers and direction words of a row's estimate must read as its published text does."""
    for outcome, where in rows(guideline):
        for name, estimate in (("effect", outcome.effect), ("absolute", outcome.absolute)):
            if estimate is None:
                continue
            printed = printed_tokens(estimate)
            expected = _expected_tokens(estimate)
            if [_canonical(t) for t in printed] != [_canonical(t) for t in expected]:
                yield Finding(
                    "GL012",
                    f"{where}/{name}",
                    f"the structured values read {' '.join(expected)!r} but the published text is "
                    f"{estimate.text!r}.",
                )


def _canonical(token: str) -> str:
    try:
        return str(Decimal(token))
    except ArithmeticError:
        return token
