"""The list of rules the linter runs, in code order."""

from gradeline.content.lint import estimates, recommendations, rows
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
]
