"""Every command on the second (fictional, English) pack, pack selection by slug or folder, and `new`."""

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from gradeline.cli import app
from tests.conftest import FICTIONAL_PACK, FIXTURE_PACKS

runner = CliRunner()
PACK = str(FICTIONAL_PACK)
SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "guideline.schema.json"
WIDE = {"COLUMNS": "200"}


def test_check_passes_with_zero_findings() -> None:
    result = runner.invoke(app, ["check", PACK], env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "3 recommendations, 7 evidence-profile rows (4 with an estimate)" in result.stdout
    assert "Acknowledged errata" not in result.stdout and result.stderr == ""


def test_check_takes_the_pack_as_an_option_too() -> None:
    assert runner.invoke(app, ["check", "--pack", PACK]).exit_code == 0


def test_a_slug_is_found_in_the_content_directory() -> None:
    env = {**WIDE, "GRADELINE_CONTENT_DIR": str(FIXTURE_PACKS)}
    result = runner.invoke(app, ["show", "graduated-rest", "--pack", "example-fictional"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "Graduated widget rest" in result.stdout and "FICTIONAL EXAMPLE" in result.stdout


@pytest.mark.parametrize("command", [["show"], ["check"], ["export", "json"], ["export", "fhir"]])
def test_an_unknown_pack_is_one_sentence_listing_the_packs(command: list[str]) -> None:
    env = {"GRADELINE_CONTENT_DIR": str(FIXTURE_PACKS)}
    result = runner.invoke(app, [*command, "--pack", "no-such-guideline"], env=env)
    assert result.exit_code == 2
    assert "'no-such-guideline' is not a content pack" in result.stderr
    assert "the packs here are: authoring-eksempel, example-fictional." in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_show_prints_english_headings_and_labels() -> None:
    result = runner.invoke(app, ["show", "zorblex-drops", "--pack", PACK], env=WIDE)
    assert result.exit_code == 0
    assert "Evidence profile — Zorblex drops" in result.stdout
    assert "40 more per 1,000" in result.stdout and "Critical" in result.stdout
    assert "Evidensprofil" not in result.stdout and "Kritisk" not in result.stdout


def test_export_json_keeps_codes_and_numbers(tmp_path: Path) -> None:
    out = tmp_path / "pack.json"
    assert runner.invoke(app, ["export", "json", "--pack", PACK, "--out", str(out)]).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert document["id"] == "example-fictional" and document["language"] == "en"
    row = document["recommendations"][1]["outcomes"][1]
    assert row["certainty"] == "low" and row["importance_label"] == "critical"
    assert row["absolute"]["point"] == {"value": "40", "direction": "more"}


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_export_pdf_is_english_and_says_fictional(tmp_path: Path) -> None:
    out = tmp_path / "guide.pdf"
    result = runner.invoke(app, ["export", "pdf", "--pack", PACK, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    text = _pdf_text(out)
    assert "Fictional example: acute widget strain" in text and "not clinical advice" in text
    assert "Zorblex drops" in text and "150 more per" in text and "650 per 1,000" in text


def test_export_quickguide_in_english_with_the_red_flag(tmp_path: Path) -> None:
    out = tmp_path / "quick.pdf"
    result = runner.invoke(app, ["export", "quickguide", "--pack", PACK, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    text = _pdf_text(out)
    assert "Graduated widget rest" in text and "Hurtigguide" not in text
    assert "Red flags: what to do and how fast" in text and "Urgent assessment the same day" in text


def test_plan_on_the_fictional_pack_uses_its_scope_and_red_flag(tmp_path: Path) -> None:
    context = tmp_path / "patient.json"
    context.write_text(
        '{"age_years": 40, "duration_days": 5, "red_flags": {"widget_cannot_bear_load": "no"}}',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["plan", str(context), "--pack", PACK, "--json"])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["guideline_id"] == "example-fictional" and plan["scope"]["verdict"] == "in_scope"
    assert [r["action"] for r in plan["recommendations"]] == [
        "offer",
        "only_after_careful_consideration",
        "good_practice",
    ]
    context.write_text('{"age_years": 40, "red_flags": {"widget_cannot_bear_load": "yes"}}', encoding="utf-8")
    flagged = json.loads(runner.invoke(app, ["plan", str(context), "--pack", PACK, "--json"]).stdout)
    assert flagged["triage"]["level"] == "emergency"
    context.write_text('{"age_years": 17, "duration_days": 5}', encoding="utf-8")
    young = json.loads(runner.invoke(app, ["plan", str(context), "--pack", PACK, "--json"]).stdout)
    assert young["scope"]["verdict"] == "out_of_scope"


def test_plan_says_when_a_guideline_has_no_decision_rules(tmp_path: Path) -> None:
    folder = tmp_path / "no-rules"
    assert runner.invoke(app, ["new", str(folder)]).exit_code == 0
    context = tmp_path / "patient.json"
    context.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["plan", str(context), "--pack", str(folder)])
    assert result.exit_code == 2
    assert "has no decision rules" in result.stderr and "Traceback" not in result.stderr


def test_export_fhir_writes_the_fictional_guideline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "fhir", "--pack", PACK, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr + result.stdout
    bundle = json.loads((tmp_path / "example-fictional-ebm-r5.bundle.json").read_text(encoding="utf-8"))
    titles = {e["resource"].get("title") for e in bundle["entry"]}
    assert "Fictional example: acute widget strain" in titles


def test_plan_on_the_first_pack_by_slug(tmp_path: Path) -> None:
    context = tmp_path / "patient.json"
    context.write_text('{"age_years": 45, "duration_days": 10}', encoding="utf-8")
    result = runner.invoke(app, ["plan", str(context), "--pack", "nkr-laenderygsmerter"], env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "Vanlig aktivitet" in result.stdout


@pytest.mark.parametrize("language", ["en", "da"])
def test_new_scaffolds_a_pack_that_passes_check(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "my-guideline"
    result = runner.invoke(app, ["new", str(folder), "--title", "My guideline", "--language", language])
    assert result.exit_code == 0, result.stderr
    checked = runner.invoke(app, ["check", str(folder)])
    assert checked.exit_code == 0, checked.stderr
    assert "My guideline (0.1): 0 recommendations" in checked.stdout
    assert ("Udkast" if language == "da" else "Draft") in checked.stdout


def test_new_refuses_an_existing_pack_and_a_bad_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", PACK])
    assert result.exit_code == 2 and "already exists" in result.stderr
    result = runner.invoke(app, ["new", str(tmp_path / "My Guide")])
    assert result.exit_code == 2 and "is not a pack name" in result.stderr
