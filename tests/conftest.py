"""Shared fixtures: the bundled pack, its guideline and its source text."""

import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from gradeline.content.pack import DEFAULT_PACK, cached_pack
from gradeline.content.seedtext import SeedText
from gradeline.model import Guideline

# No deadline per example: timing is not what these tests assert, and a loaded machine (CI, mutation testing)
# must not turn a slow example into a failure.
settings.register_profile("gradeline", deadline=None)
settings.load_profile("gradeline")

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_149f626469c9c5a0.txt"
# The second pack: a small, clearly fictional English guideline written to exercise every layer (issue 18).
FIXTURE_PACKS = Path(__file__).resolve().parent / "fixtures" / "packs"
FICTIONAL_PACK = FIXTURE_PACKS / "example-fictional"


@pytest.fixture(scope="session")
def pack_dir() -> Path:
    return DEFAULT_PACK


@pytest.fixture(scope="session")
def fictional_dir() -> Path:
    return FICTIONAL_PACK


@pytest.fixture(scope="session")
def guideline() -> Guideline:
    return cached_pack()


@pytest.fixture(scope="session")
def seed(pack_dir: Path) -> SeedText:
    return SeedText.read(pack_dir / "source" / "seed.txt")


@pytest.fixture
def pack_copy(tmp_path: Path, pack_dir: Path) -> Path:
    """A writable copy of the bundled pack, for tests that break it on purpose."""
    target = tmp_path / "pack"
    shutil.copytree(pack_dir, target)
    return target


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """Every test starts with empty rate-limit counters (they live in the process's memory)."""
    from django.core.cache import caches

    caches["ratelimit"].clear()
