"""`gradeline check` on the shipped pack and on packs broken on purpose."""

from pathlib import Path

import yaml
from typer.testing import CliRunner

from gradeline.cli import app

runner = CliRunner()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_pack_passes_and_lists_its_errata(pack_dir: Path) -> None:
    result = runner.invoke(app, ["check", str(pack_dir)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "check passed" in result.stdout
    assert "Acknowledged errata (24)" in result.stdout
    for finding in (
        "GL014 akupunktur/rygsmerterelateret-funktionsevne-0-12-maaneder/time_frame",
        "GL014 billeddiagnostik/recidiv-af-smerter-6-18-maaneder/time_frame",
        "GL015 superviseret-fysisk-traening/smerteniveau-0-12-uger/importance",
        "GL016 glossary/RR",
        "GL017 patientuddannelse/fear-avoidance-0-12-uger/effect",
    ):
        assert finding in result.stdout
    assert "GL001 billeddiagnostik/smerteniveau-6-18-maaneder/effect" in result.stdout


def test_a_new_inconsistency_fails_and_is_named(pack_copy: Path) -> None:
    # Flip a CI bound's direction word, so the point estimate (0.08 lavere) falls outside -0.75 to -0.59.
    _edit(
        pack_copy / "recommendations" / "12-nsaid.yaml",
        "ci_second: {value: 0.59, direction: higher}",
        "ci_second: {value: 0.59, direction: lower}",
    )
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "GL001 nsaid/smerteniveau-0-12-uger/effect" in result.stderr


def test_a_schema_error_fails_naming_file_and_field(pack_copy: Path) -> None:
    _edit(pack_copy / "recommendations" / "10-paracetamol.yaml", "importance: 9", "importance: 12")
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "10-paracetamol.yaml" in result.stderr
    assert "outcomes.0.importance" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_yaml_names_the_line(pack_copy: Path) -> None:
    (pack_copy / "glossary.yaml").write_text("- term: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert "glossary.yaml" in result.stderr and "not valid YAML" in result.stderr


def test_a_stale_erratum_fails(pack_copy: Path) -> None:
    errata = yaml.safe_load((pack_copy / "errata.yaml").read_text(encoding="utf-8"))
    errata.append(
        {
            "code": "GL001",
            "location": "nsaid/smerteniveau-0-12-uger/effect",
            "explanation": "An erratum for a problem that is not there.",
        }
    )
    (pack_copy / "errata.yaml").write_text(yaml.safe_dump(errata, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert "stale erratum" in result.stderr


def test_removing_an_erratum_makes_its_finding_new(pack_copy: Path) -> None:
    errata = yaml.safe_load((pack_copy / "errata.yaml").read_text(encoding="utf-8"))
    kept = [e for e in errata if e["location"] != "opioider/overall_certainty"]
    (pack_copy / "errata.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "300"})
    assert result.exit_code == 1
    assert "GL013 opioider/overall_certainty" in result.stderr
