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


def _pack_without_monitoring(tmp_path: Path) -> Path:
    """A copy of the first guideline's pack without its monitor/ folder."""
    import shutil

    from gradeline.content.packs import REPOSITORY_CONTENT

    pack = tmp_path / "content" / "no-monitoring"
    shutil.copytree(
        REPOSITORY_CONTENT / "nkr-laenderygsmerter", pack, ignore=shutil.ignore_patterns("monitor", "source")
    )
    return pack


def test_pack_is_chosen_by_slug_or_folder(planted_dir: Path, tmp_path: Path) -> None:
    dates = ["--start", "2023-01-01", "--end", "2024-12-31"]
    res = runner.invoke(app, ["monitor", "run", str(planted_dir), "--pack", "nkr-laenderygsmerter", *dates])
    assert res.exit_code == 0, res.output
    assert "billeddiagnostik-uden-roede-flag" in res.output

    res = runner.invoke(app, ["monitor", "run", str(planted_dir), "--pack", "no-such-guideline", *dates])
    assert res.exit_code != 0
    assert "'no-such-guideline' is not a content pack" in res.output and "nkr-laenderygsmerter" in res.output


def test_pack_without_monitoring_is_one_sentence(planted_dir: Path, tmp_path: Path) -> None:
    pack = _pack_without_monitoring(tmp_path)
    res = runner.invoke(app, ["monitor", "run", str(planted_dir), "--pack", str(pack)])
    assert res.exit_code != 0
    assert "Traceback" not in res.output
    assert "'no-monitoring' defines no monitoring indicators" in " ".join(res.output.split())
    res = runner.invoke(
        app, ["monitor", "synth", "--patients", "10", "--out", str(tmp_path / "s"), "--pack", str(pack)]
    )
    assert res.exit_code != 0 and "has no monitoring indicators" in " ".join(res.output.split())


def test_memory_limit_and_spill_folder(planted_dir: Path, tmp_path: Path) -> None:
    dates = ["--start", "2023-01-01", "--end", "2024-12-31"]
    spill = tmp_path / "spill"
    res = runner.invoke(
        app,
        ["monitor", "run", str(planted_dir), "--memory-limit", "256MB", "--temp-dir", str(spill), *dates],
    )
    assert res.exit_code == 0, res.output
    assert spill.is_dir()  # made for DuckDB's spill files
    res = runner.invoke(app, ["monitor", "run", str(planted_dir), "--memory-limit", "lots", *dates])
    assert res.exit_code != 0
    assert "memory limit 'lots' is not a size" in " ".join(res.output.split())
    res = runner.invoke(
        app, ["monitor", "run", str(planted_dir), *dates], env={"GRADELINE_DUCKDB_MEMORY_LIMIT": "12 parsecs"}
    )
    assert res.exit_code != 0 and "not a size" in res.output
