"""Indicator windows at their exact edges (one day inside, on, one day outside), counted by hand.

The fixture and its hand counts are in data/edges/README.md: a window that is off by one day in either
direction changes one of these numbers.
"""

from pathlib import Path

import pytest

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.results import MonitorResult
from tests.monitor.helpers import planted_result

EDGES = Path(__file__).parent / "data" / "edges"

# indicator -> (numerator, denominator, mean days or None), from data/edges/README.md
EXPECTED = {
    "billeddiagnostik-uden-roede-flag": (2, 9, None),
    "opioid-udlevering": (3, 9, None),
    "opioid-laengere-forloeb": (1, 3, 7),
    "nsaid-udlevering": (1, 9, None),
    "paracetamol-udlevering": (0, 9, None),
    "henvisning-superviseret-traening": (1, 9, None),
    "henvisning-patientuddannelse": (0, 9, None),
    "langvarigt-forloeb": (1, 9, None),
    "sygemelding": (3, 9, None),
    "tilbage-i-arbejde": (2, 3, 84),
}


@pytest.fixture(scope="module")
def result(planted_cfg: MonitorConfig, tmp_path_factory: pytest.TempPathFactory) -> MonitorResult:
    return planted_result(EDGES, tmp_path_factory.mktemp("edges"), planted_cfg)


def test_every_episode_is_in_the_population(result: MonitorResult) -> None:
    assert result.summary["episodes"]["in_population"] == 9


@pytest.mark.parametrize("indicator", sorted(EXPECTED))
def test_counts_at_the_window_edges(result: MonitorResult, indicator: str) -> None:
    numerator, denominator, mean_days = EXPECTED[indicator]
    row = result.overall(indicator)
    assert (row["numerator"], row["denominator"]) == (numerator, denominator)
    if mean_days is not None:
        assert row["value_mean_days"] == mean_days
