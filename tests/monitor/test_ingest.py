"""Bad input is rejected record by record, with reasons; nothing is dropped silently."""

import csv
import shutil
from pathlib import Path

import pytest

from gradeline.monitor.ingest.report import InputError
from gradeline.monitor.ingest.tabular import ingest_tabular


def _bad_copy(planted_dir: Path, tmp_path: Path) -> Path:
    data = tmp_path / "bad"
    shutil.copytree(planted_dir, data)
    with (data / "encounters.csv").open("a", encoding="utf-8") as fh:
        fh.write("17,1,2024-13-01,GP,c1,ICPC2,L03,\n")  # no 13th month
        fh.write("18,99,2024-02-01,GP,c1,ICPC2,L03,\n")  # unknown patient
        fh.write("19,1,2024-02-01,DENTIST,c1,ICPC2,L03,\n")  # unknown profession
        fh.write("20,1,2024-02-01,GP,c1,ICPC2,LOW BACK,\n")  # not an ICPC-2 code
        fh.write("2,1,2024-02-01,GP,c1,ICPC2,L03,\n")  # duplicate id
        fh.write("21,1,2024-02-01,GP,c1\n")  # malformed line
        fh.write("22,1,2024/02/01,GP,c1,ICPC2,L03,\n")  # not ISO 8601
        fh.write("23,1,2024-2-1,GP,c1,ICPC2,L03,\n")  # not ISO 8601
        fh.write("24,1,2099-02-01,GP,c1,ICPC2,L03,\n")  # outside the extraction period
    with (data / "prescriptions.csv").open("a", encoding="utf-8") as fh:
        fh.write("1,2024-02-01,N02,5,true\n")  # incomplete ATC
        fh.write("1,2024-02-01,N02AX02,five,true\n")  # days_supply not a number
    return data


def test_every_rejection_has_a_reason(planted_dir: Path, tmp_path: Path) -> None:
    report = ingest_tabular(_bad_copy(planted_dir, tmp_path), tmp_path / "clean")
    enc = report.tables["encounters"]
    assert (enc.read, enc.accepted, enc.rejected) == (25, 16, 9)
    assert enc.reasons == {
        "enc_date is not an ISO 8601 date (YYYY-MM-DD)": 3,
        "enc_date outside the extraction period (2023-01-01 to 2024-12-31)": 1,
        "patient_id not in patients": 1,
        "unknown profession": 1,
        "unknown code": 1,
        "duplicate encounter_id": 1,
        "malformed CSV line": 1,
    }
    assert report.tables["prescriptions"].reasons == {
        "unknown atc": 1,
        "days_supply is not a valid float64": 1,
    }
    for t in report.tables.values():
        assert t.read == t.accepted + t.rejected
    assert report.rejections is not None
    with report.rejections.open(encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    assert len(lines) == report.rejected == 11
    assert any('"2024-13-01"' in r["reason"] for r in lines)
    line_of = {r["reason"].split(":")[-1].strip(): int(r["row"]) for r in lines if r["table"] == "encounters"}
    # the planted file has 16 data lines after its header (lines 2-17); the appended lines follow, the
    # malformed line 23 included, so the lines after it keep their numbers
    assert line_of['"2024-13-01"'] == 18
    assert line_of['"2024/02/01"'] == 24
    assert line_of['"2099-02-01"'] == 26


def test_missing_required_table_is_one_sentence(planted_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "patients.csv").write_text("patient_id\n1\n", encoding="utf-8")
    shutil.copy(planted_dir / "manifest.json", tmp_path)
    with pytest.raises(InputError, match="no encounters table"):
        ingest_tabular(tmp_path, tmp_path / "clean")
