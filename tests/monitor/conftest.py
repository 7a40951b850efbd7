"""Fixtures for monitoring tests: the planted fixture, its config, one shared SparkSession per test
session."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gradeline.monitor.config import MonitorConfig

PLANTED = Path(__file__).parent / "data" / "planted"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "spark: runs on a local SparkSession (needs Java 17+)")


@pytest.fixture(scope="session")
def planted_dir() -> Path:
    return PLANTED


@pytest.fixture(scope="session")
def planted_cfg() -> MonitorConfig:
    return MonitorConfig(
        observation_start=date(2023, 1, 1), observation_end=date(2024, 12, 31), min_cell_patients=1
    )


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local SparkSession for the whole test session (starting one costs ~5 s)."""
    if not shutil.which("java"):
        pytest.skip("Spark tests need Java 17+ on PATH; java was not found")
    from gradeline.monitor.engines import spark_session

    session = spark_session(cores=2, shuffle_partitions=1)
    yield session
    session.stop()
