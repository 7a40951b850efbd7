"""Run-time parameters of the indicators (all windows in days from the episode start, day 0).

The windows' defaults are the pack's (monitor/indicators.yaml ``parameters``; the youngest age from
guideline.yaml's scope), read from the active pack when a MonitorConfig is made without them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Period = Literal["year", "quarter"]

STRATIFIERS: tuple[str, ...] = ("region", "clinic", "profession", "age_band", "sex", "period")
COMBINED_STRATIFIERS: tuple[tuple[str, str], ...] = (("period", "region"), ("period", "profession"))


def pack_default(name: str) -> Callable[[], int]:
    """A default factory: the active pack's value of parameter ``name``."""

    def read() -> int:
        from gradeline.monitor.codes import NoMonitorDefinitions
        from gradeline.monitor.definitions import load_catalogue

        parameters = load_catalogue().parameters
        if name not in parameters:
            raise NoMonitorDefinitions(f"the pack's monitor/indicators.yaml sets no parameter {name}")
        return parameters[name]

    return read


def pack_age_bands() -> tuple[int, ...]:
    """The active pack's age bands (``age_bands`` in indicators.yaml); without them one open band from the
    youngest age in scope."""
    from gradeline.monitor.definitions import load_catalogue

    return load_catalogue().age_bands or (pack_default("min_age_exclusive")() + 1,)


@dataclass(frozen=True)
class MonitorConfig:
    """Parameters with the defaults the indicator definitions document
    (content/.../monitor/indicators.yaml)."""

    lookback_days: int = field(default_factory=pack_default("lookback_days"))
    """A new-onset episode starts at a contact for the condition with none in the previous
    ``lookback_days``."""
    imaging_window_days: int = field(default_factory=pack_default("imaging_window_days"))
    followup_days: int = field(default_factory=pack_default("followup_days"))
    max_course_days: int = field(default_factory=pack_default("max_course_days"))
    """Drug courses longer than this are counted (indicator kind ``course_longer_than``)."""
    long_lasting_days: int = field(default_factory=pack_default("long_lasting_days"))
    return_to_work_days: int = field(default_factory=pack_default("return_to_work_days"))
    sick_leave_lead_days: int = field(default_factory=pack_default("sick_leave_lead_days"))
    """Sick-leave spells starting up to this many days before day 0 belong to the episode."""
    min_age_exclusive: int = field(default_factory=pack_default("min_age_exclusive"))
    period: Period = "quarter"
    observation_start: date | None = None
    """First day of data; None = the earliest encounter. Episodes need ``lookback_days`` of data before
    them."""
    observation_end: date | None = None
    """Last day of data; None = the latest encounter. Episodes need ``followup_days`` of data after them."""
    min_cell_patients: int = 5
    """Result cells resting on fewer patients are suppressed in every output (1 = no suppression)."""
    age_bands: tuple[int, ...] = field(default_factory=pack_age_bands)
    """Lower bounds of the age bands; the last band is open (e.g. '75+')."""

    def __post_init__(self) -> None:
        for name in ("lookback_days", "imaging_window_days", "followup_days", "max_course_days"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.imaging_window_days > self.followup_days:
            raise ValueError("imaging_window_days must not exceed followup_days")
        if self.followup_days >= self.lookback_days:
            raise ValueError(
                "followup_days must be shorter than lookback_days so episode windows never overlap"
            )
        if self.min_cell_patients < 1:
            raise ValueError("min_cell_patients must be at least 1")
        if list(self.age_bands) != sorted(set(self.age_bands)):
            raise ValueError("age_bands must be strictly increasing")
