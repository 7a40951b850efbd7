"""The list of rules the linter runs, in code order."""

from functools import partial
from pathlib import Path

from gradeline.content.lint import display, estimates, glossary, recommendations, rows, summary
from gradeline.content.lint.findings import Rule

ALL_RULES: list[Rule] = [
    estimates.point_outside,
    estimates.reverse_order,
    estimates.not_centred,
    estimates.arms_vs_difference,
    estimates.per_thousand,
    rows.outside_scale,
    rows.importance_label,
    recommendations.wording,
    recommendations.label,
    recommendations.missing_layers,
    recommendations.uncited_footnotes,
    rows.text_mismatch,
    recommendations.overall_certainty,
    glossary.ratio_examples,
]


def pack_rules(pack: Path) -> list[Rule]:
    """Rules that also read the pack's evidence data (GL014, GL015, GL017, GL018)."""
    from gradeline.evidence.data import load_evidence_data

    if not (pack / "evidence").is_dir():
        return []  # a pack without evidence wording has no judgements or names to check
    data = load_evidence_data(pack)
    return [
        partial(summary.time_frame_vs_summary, data=data),
        partial(summary.importance_vs_summary, data=data),
        partial(summary.direction_vs_summary, data=data),
        partial(display.time_frame_display, data=data),
    ]
