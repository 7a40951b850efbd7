import pytest

from gradeline.monitor.stats import wilson


def test_wilson_known_values() -> None:
    low, high = wilson(2, 4) or (0, 0)
    assert (round(low, 4), round(high, 4)) == (0.15, 0.85)
    low, high = wilson(0, 10) or (0, 0)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)


def test_wilson_empty_and_invalid() -> None:
    assert wilson(0, 0) is None
    with pytest.raises(ValueError):
        wilson(3, 2)
