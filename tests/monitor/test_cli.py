"""The monitor sub-app: clear one-sentence errors, non-zero exit on bad input, outputs written."""

from pathlib import Path

import typer
from typer.testing import CliRunner

from gradeline.monitor.cli import monitor_app

app = typer.Typer()
app.add_typer(monitor_app, name="monitor")
runner = CliRunner()


def test_run_writes_outputs(planted_dir: Path, tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "monitor",
            "run",
            str(planted_dir),
            "--out",
            str(tmp_path),
            "--format",
            "parquet",
            "--measure-report",
            str(tmp_path / "m.json"),
            "--start",
            "2023-01-01",
            "--end",
            "2024-12-31",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "IKKE GÆLDENDE" in res.output
    assert (tmp_path / "indicators.parquet").exists() and (tmp_path / "m.json").exists()


def test_bad_input_is_one_sentence(tmp_path: Path) -> None:
    for args in (
        ["run", str(tmp_path / "missing")],
        ["run", str(tmp_path)],
        ["run", str(tmp_path), "--engine", "x"],
        ["synth", "--patients", "0", "--out", str(tmp_path)],
    ):
        res = runner.invoke(app, ["monitor", *args])
        assert res.exit_code != 0
        assert "Traceback" not in res.output and "error:" in res.output


def test_synth(tmp_path: Path) -> None:
    res = runner.invoke(app, ["monitor", "synth", "--patients", "200", "--out", str(tmp_path), "--seed", "4"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "encounters.parquet").exists() and (tmp_path / "planted.json").exists()
