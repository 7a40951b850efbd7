"""The command line as a user meets it: output, exit codes and one-sentence errors."""

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from gradeline.cli import app
from gradeline.model import Guideline

runner = CliRunner()
SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "schema" / "guideline.schema.json"


def test_show_lists_every_recommendation_with_label_and_status(guideline: Guideline) -> None:
    result = runner.invoke(app, ["show"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "IKKE GÆLDENDE" in result.stdout
    for rec in guideline.recommendations:
        assert rec.title in result.stdout
    assert result.stdout.count("Svag anbefaling mod") >= 5
    assert "God praksis (konsensus)" in result.stdout


def test_show_one_recommendation_prints_its_evidence_profile(guideline: Guideline) -> None:
    result = runner.invoke(app, ["show", "paracetamol"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Evidensprofil" in result.stdout
    assert "Relative risiko 0.99" in result.stdout
    assert "IKKE GÆLDENDE" in result.stdout


def test_show_by_chapter_number() -> None:
    result = runner.invoke(app, ["show", "6"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "billeddiagnostisk" in result.stdout


def test_an_erratum_is_shown_beside_the_number() -> None:
    result = runner.invoke(app, ["show", "billeddiagnostik"], env={"COLUMNS": "220"})
    assert "GL001" in result.stdout


def test_unknown_recommendation_is_one_sentence_and_exit_2() -> None:
    result = runner.invoke(app, ["show", "massage"])
    assert result.exit_code == 2
    assert "there is no recommendation 'massage'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_pack_is_one_sentence(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a content pack" in result.stderr


def test_export_json_matches_the_published_schema(tmp_path: Path, guideline: Guideline) -> None:
    out = tmp_path / "pack.json"
    assert runner.invoke(app, ["export", "json", "--out", str(out)]).exit_code == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(document["recommendations"]) == 10
    effect = document["recommendations"][0]["outcomes"][0]["effect"]
    assert effect["point"] == {"value": "0.56", "direction": "lower"}
    assert Guideline.model_validate(
        {k: v for k, v in document.items() if k not in {"$schema", "generator"}}
    ) == (guideline)


def test_published_schema_is_current() -> None:
    result = runner.invoke(app, ["export", "json", "--schema"])
    assert json.loads(result.stdout) == json.loads(SCHEMA.read_text(encoding="utf-8")), (
        "docs/schema/guideline.schema.json is out of date: run `gradeline export json --schema`"
    )


def test_export_to_an_unwritable_place_is_one_sentence(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "json", "--out", str(tmp_path / "no" / "such" / "dir.json")])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["show", "--help"], ["export", "json", "--help"]])
def test_help(args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 0


def test_plan_from_a_json_file(tmp_path: Path) -> None:
    context = tmp_path / "patient.json"
    context.write_text('{"age_years": 45, "duration_days": 10}', encoding="utf-8")
    result = runner.invoke(app, ["plan", str(context)])
    assert result.exit_code == 0, result.stderr
    assert "IKKE GÆLDENDE" in result.stdout
    assert "Vanlig aktivitet" in result.stdout
    as_json = runner.invoke(app, ["plan", str(context), "--json"])
    assert json.loads(as_json.stdout)["scope"]


def test_plan_with_bad_input_is_one_sentence(tmp_path: Path) -> None:
    context = tmp_path / "patient.json"
    context.write_text('{"age_years": "old"}', encoding="utf-8")
    result = runner.invoke(app, ["plan", str(context)])
    assert result.exit_code == 2
    assert "age_years" in result.stderr and "Traceback" not in result.stderr
    missing = runner.invoke(app, ["plan", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_export_fhir_writes_bundles(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "fhir", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written and all(name.endswith(".json") for name in written)
    bundle = json.loads((tmp_path / written[0]).read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
