"""The columns of a result row: one list that the tables, their schema and small-cell suppression all read."""

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["string", "int64", "float64", "bool"]


@dataclass(frozen=True)
class ResultColumn:
    name: str
    type: ColumnType
    hidden_when_suppressed: bool = False
    """A count or a figure computed from counts: blanked on a suppressed row."""


RESULT_COLUMNS: tuple[ResultColumn, ...] = (
    ResultColumn("indicator", "string"),
    ResultColumn("recommendation", "string"),
    ResultColumn("stratifier", "string"),
    ResultColumn("stratum", "string"),
    ResultColumn("initial_population", "int64", True),
    ResultColumn("denominator", "int64", True),
    ResultColumn("denominator_exclusions", "int64", True),
    ResultColumn("numerator", "int64", True),
    ResultColumn("share", "float64", True),
    ResultColumn("ci_low", "float64", True),
    ResultColumn("ci_high", "float64", True),
    ResultColumn("ci_method", "string"),
    ResultColumn("value_mean_days", "float64", True),
    ResultColumn("value_n", "int64", True),
    ResultColumn("partial_period", "bool"),
    ResultColumn("suppressed", "bool"),
    ResultColumn("guideline_status", "string"),
)
COLUMNS: tuple[str, ...] = tuple(c.name for c in RESULT_COLUMNS)
"""Every column of a result row, in output order."""
HIDDEN: tuple[str, ...] = tuple(c.name for c in RESULT_COLUMNS if c.hidden_when_suppressed)
"""The columns a suppressed row publishes empty."""
