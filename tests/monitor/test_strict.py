"""Strict input: a declared extraction period, ISO 8601 dates, hard errors that write nothing, a rejection
limit, codes by hierarchy. Each test plants one failure into a copy of the hand-made fixture."""

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from gradeline.monitor.cli import monitor_app
from gradeline.monitor.config import MonitorConfig
from gradeline.monitor.pipeline import Strictness, run

app = typer.Typer()
app.add_typer(monitor_app, name="monitor")
runner = CliRunner()
NO_SUPPRESSION = MonitorConfig(min_cell_patients=1)


def _copy(planted_dir: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(planted_dir, data)
    return data


def _append(path: Path, *lines: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.writelines(line + "\n" for line in lines)


def _cli(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, ["monitor", "run", *args])
    assert "Traceback" not in res.output
    return res.exit_code, " ".join(res.output.split())


def test_a_contact_in_2099_is_rejected_and_does_not_move_the_period(
    planted_dir: Path, tmp_path: Path
) -> None:
    data = _copy(planted_dir, tmp_path)
    _append(data / "encounters.csv", "30,5,2099-01-01,GP,c2,ICPC2,L03,")
    out = run(data, cfg=NO_SUPPRESSION, strict=Strictness(accept_rejections=True))
    summary = out.result.summary
    assert summary["observation_end"] == "2024-12-31"
    assert summary["measured_end"] == "2024-10-08"  # 84 days of follow-up before the declared end
    # patient 5's episode (2024-11-01) stays without full follow-up instead of being counted
    assert summary["episodes"]["in_population"] == 5
    assert summary["episodes"]["followup_incomplete"] == 1
    assert out.ingest.tables["encounters"].reasons == {
        "enc_date outside the extraction period (2023-01-01 to 2024-12-31)": 1
    }


def test_the_extraction_period_must_be_declared(planted_dir: Path, tmp_path: Path) -> None:
    data = _copy(planted_dir, tmp_path)
    (data / "manifest.json").unlink()
    code, text = _cli(str(data), "--out", str(tmp_path / "out"))
    assert code != 0 and "declares no extraction period" in text
    code, _ = _cli(str(data), "--start", "2023-01-01", "--end", "2024-12-31", "--min-cell", "1")
    assert code == 0
    code, text = _cli(str(data), "--start", "2023/01/01", "--end", "2024-12-31")
    assert code != 0 and "ISO 8601" in text


def test_missing_required_column_is_a_hard_error_and_nothing_is_written(
    planted_dir: Path, tmp_path: Path
) -> None:
    data = _copy(planted_dir, tmp_path)
    lines = (data / "encounters.csv").read_text(encoding="utf-8").splitlines()
    cut = [",".join(c for i, c in enumerate(line.split(",")) if i != 2) for line in lines]  # drop enc_date
    (data / "encounters.csv").write_text("\n".join(cut) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, text = _cli(str(data), "--out", str(out), "--measure-report", str(out / "m.json"))
    assert code != 0
    assert "encounters.csv has no column enc_date" in text
    assert not out.exists()


def test_dates_the_reader_cannot_parse_fail_the_run(planted_dir: Path, tmp_path: Path) -> None:
    data = _copy(planted_dir, tmp_path)
    lines = (data / "encounters.csv").read_text(encoding="utf-8").splitlines()
    fixed = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        y, m, d = cells[2].split("-")
        cells[2] = f"{d}.{m}.{y}"  # Danish style, not ISO 8601
        fixed.append(",".join(cells))
    (data / "encounters.csv").write_text("\n".join(fixed) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, text = _cli(str(data), "--out", str(out))
    assert code != 0
    assert "no encounters row was accepted" in text and "enc_date is not an ISO 8601 date" in text
    assert not out.exists()


def test_unreadable_file_is_one_sentence(planted_dir: Path, tmp_path: Path) -> None:
    data = _copy(planted_dir, tmp_path)
    (data / "imaging.csv").unlink()
    (data / "imaging.parquet").write_bytes(b"not parquet at all")
    code, text = _cli(str(data), "--out", str(tmp_path / "out"))
    assert code != 0 and "cannot read imaging.parquet" in text
    assert not (tmp_path / "out").exists()


def test_rejection_rate_above_the_limit_fails_unless_accepted(planted_dir: Path, tmp_path: Path) -> None:
    data = _copy(planted_dir, tmp_path)
    _append(data / "encounters.csv", "30,1,2024-02-30,GP,c1,ICPC2,L03,", "31,1,2024-03-01,GP,c1,ICPC2,XYZ,")
    out = tmp_path / "out"
    code, text = _cli(str(data), "--out", str(out))
    assert code != 0
    assert "2 of 18 encounters records rejected (11.1 %), above the 5 % limit" in text
    assert not out.exists()
    code, text = _cli(str(data), "--out", str(out), "--accept-rejections", "--min-cell", "1")
    assert code == 0, text
    assert (out / "validated" / "rejections.csv").exists()
    code, _ = _cli(str(data), "--max-rejected", "0.2", "--min-cell", "1")
    assert code == 0


@pytest.mark.parametrize("subcode", ["DM5450", "DM545A"])
def test_sks_subcodes_count_under_their_parent(planted_dir: Path, tmp_path: Path, subcode: str) -> None:
    """Patient 4's episode starts with SKS DM545 (ICD-10 M54.5); a subcode must start it just the same."""
    data = _copy(planted_dir, tmp_path)
    text = (data / "encounters.csv").read_text(encoding="utf-8")
    (data / "encounters.csv").write_text(text.replace(",SKS,DM545,", f",SKS,{subcode},"), encoding="utf-8")
    out = run(data, cfg=NO_SUPPRESSION)
    assert out.result.summary["episodes"]["in_population"] == 5
    assert out.result.overall("paracetamol-udlevering")["numerator"] == 1  # patient 4's dispensing
    assert out.result.summary["code_lists_version"] != "unversioned"


def test_atc_codes_count_under_their_level(planted_dir: Path, tmp_path: Path) -> None:
    """N02A (level 3, opioids) covers N02AJ13 (tramadol and paracetamol) dispensed to patient 4 on day 4."""
    data = _copy(planted_dir, tmp_path)
    _append(data / "prescriptions.csv", "4,2024-05-10,N02AJ13,3,true")
    out = run(data, cfg=NO_SUPPRESSION)
    assert (
        out.result.overall("opioid-udlevering")["numerator"],
        out.result.overall("opioid-udlevering")["denominator"],
    ) == (3, 5)
