"""Exact indicator values on the hand-made planted fixture (tests/monitor/data/planted, see its README)."""

from pathlib import Path

import pytest

from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.results import MonitorResult
from tests.monitor.helpers import PLANTED_COUNTS, planted_result

EXPECTED = PLANTED_COUNTS


@pytest.fixture(scope="module")
def result(
    planted_dir: Path, planted_cfg: MonitorConfig, tmp_path_factory: pytest.TempPathFactory
) -> MonitorResult:
    return planted_result(planted_dir, tmp_path_factory.mktemp("planted"), planted_cfg)


def test_episode_population_and_exclusions(result: MonitorResult) -> None:
    assert result.summary["episodes"] == {
        "all_episodes": 8,
        "age_out_of_scope": 1,
        "before_lookback_covered": 1,
        "followup_incomplete": 1,
        "in_population": 5,
    }


@pytest.mark.parametrize("indicator", sorted(EXPECTED))
def test_overall_values(result: MonitorResult, indicator: str) -> None:
    row = result.overall(indicator)
    assert (row["numerator"], row["denominator"], row["denominator_exclusions"]) == EXPECTED[indicator]
    assert row["share"] == pytest.approx(EXPECTED[indicator][0] / EXPECTED[indicator][1])
    assert row["ci_low"] < row["share"] < row["ci_high"]
    assert row["guideline_status"].startswith("ikke gældende")


def test_means_of_days(result: MonitorResult) -> None:
    assert result.overall("opioid-laengere-forloeb")["value_mean_days"] == 19  # courses of 5 and 33 days
    assert result.overall("tilbage-i-arbejde")["value_mean_days"] == 70


def test_first_contact_decides_profession_on_same_day_ties(result: MonitorResult) -> None:
    """Patient 1 saw a GP (encounter 2) and a physiotherapist (encounter 3) on day 0: the lower id wins."""
    by_prof = {r["stratum"]: r for r in result.select("billeddiagnostik-uden-roede-flag", "profession")}
    assert set(by_prof) == {"GP", "CHIRO"}
    assert (by_prof["GP"]["numerator"], by_prof["GP"]["denominator"]) == (1, 2)
    assert (by_prof["CHIRO"]["numerator"], by_prof["CHIRO"]["denominator"]) == (1, 2)


def test_strata(result: MonitorResult) -> None:
    strata = {
        s: {r["stratum"] for r in result.select("langvarigt-forloeb", s)}
        for s in ("region", "sex", "age_band", "period", "clinic", "period×region")
    }
    assert strata["region"] == {"1081", "1082", "1084"}
    assert strata["sex"] == {"F", "M"}
    assert strata["age_band"] == {"30-44", "45-59", "60-74"}
    assert strata["period"] == {"2023-Q3", "2024-Q1", "2024-Q2"}
    assert strata["clinic"] == {"c1", "c3", "c4"}
    assert "2024-Q1|1084" in strata["period×region"]


def test_lookback_is_configurable(planted_dir: Path, planted_cfg: MonitorConfig, tmp_path: Path) -> None:
    """With a 200-day look-back, patient 6's second contact (206 days after the first) still starts an
    episode,
    but with 210 days it continues the first one."""
    from dataclasses import replace

    r = planted_result(planted_dir, tmp_path, replace(planted_cfg, lookback_days=210))
    assert r.summary["episodes"]["all_episodes"] == 7
