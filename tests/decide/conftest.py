"""Fixtures for the decision-support tests: the bundled rules and a vignette loader."""

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from gradeline.content.pack import DEFAULT_PACK
from gradeline.decide import PatientContext, Rules, load_rules

VIGNETTES = Path(__file__).parent / "vignettes"
BASES: dict[str, dict[str, Any]] = yaml.safe_load((VIGNETTES / "_bases.yaml").read_text(encoding="utf-8"))


def vignette_files() -> list[Path]:
    return sorted(p for p in VIGNETTES.glob("*.yaml") if not p.name.startswith("_"))


def load_vignette(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def context_of(patient: dict[str, Any]) -> PatientContext:
    answers = dict(patient)
    base = answers.pop("base", None)
    merged = {**(BASES[base] if base else {}), **answers}
    return PatientContext.model_validate(merged)


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules(DEFAULT_PACK)


@pytest.fixture
def screened() -> PatientContext:
    return context_of({"base": "screened"})


@pytest.fixture
def rule_pack(tmp_path: Path) -> Path:
    """A copy of the bundled decide/ folder to edit."""
    target = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK / "decide", target / "decide")
    return target


def edit_rule(pack: Path, name: str, change: str, to: str) -> None:
    """Replace the first ``change`` in a rule file (which must contain it)."""
    path = pack / "decide" / name
    text = path.read_text(encoding="utf-8")
    assert change in text
    path.write_text(text.replace(change, to, 1), encoding="utf-8")
