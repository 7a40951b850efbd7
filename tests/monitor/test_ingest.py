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
    with (data / "prescriptions.csv").open("a", encoding="utf-8") as fh:
        fh.write("1,2024-02-01,N02,5,true\n")  # incomplete ATC
        fh.write("1,2024-02-01,N02AX02,five,true\n")  # days_supply not a number
    (data / "imaging.csv").write_text("patient_id,imaging_date,modality\n1,2024-02-20,MR\n", encoding="utf-8")
    return data


def test_every_rejection_has_a_reason(planted_dir: Path, tmp_path: Path) -> None:
    report = ingest_tabular(_bad_copy(planted_dir, tmp_path), tmp_path / "clean")
    enc = report.tables["encounters"]
    assert (enc.read, enc.accepted, enc.rejected) == (22, 16, 6)
    assert enc.reasons == {
        "enc_date is not a valid date": 1,
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
    assert report.tables["imaging"].reasons == {"missing column body_site": 1}
    for t in report.tables.values():
        assert t.read == t.accepted + t.rejected
    assert report.rejections is not None
    with report.rejections.open(encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    assert len(lines) == report.rejected == 9
    assert any('"2024-13-01"' in r["reason"] for r in lines)


def test_missing_required_table_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "patients.csv").write_text("patient_id\n1\n", encoding="utf-8")
    with pytest.raises(InputError, match="no encounters table"):
        ingest_tabular(tmp_path, tmp_path / "clean")
