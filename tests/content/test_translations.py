"""Translation files: merged from many files, stamped with their Danish source, checked for coverage."""

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from gradeline.cli import app
from gradeline.content.coverage import translation_coverage
from gradeline.content.errors import PackError
from gradeline.content.pack import danish_sources, load_pack
from gradeline.content.translations import load_translations, source_hash

runner = CliRunner()
REC = "vanlig-aktivitet"


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, allow_unicode=True), encoding="utf-8")


def _summary_file(pack: Path, text: str, stamp: str | None) -> Path:
    leaf: object = {"text": text, "source_sha256": stamp} if stamp else text
    (pack / "translations" / "en" / "recommendations" / f"{REC}.yaml").unlink(missing_ok=True)
    path = pack / "translations" / "en" / "recommendations" / f"{REC}-extra.yaml"
    _write(path, {"recommendations": {REC: {"summary": [leaf]}}})
    return path


def test_files_under_the_language_folder_are_merged_into_the_edition(pack_copy: Path) -> None:
    danish = danish_sources(pack_copy)[f"recommendations/{REC}/summary/0"]
    _summary_file(pack_copy, "The evidence base for answering the question.", source_hash(danish))
    rec = load_pack(pack_copy, "en").recommendation(REC)
    assert rec.summary[0] == "The evidence base for answering the question."
    assert load_pack(pack_copy).recommendation(REC).summary[0] == danish


def test_the_same_location_in_two_files_is_an_error_naming_both(pack_copy: Path) -> None:
    path = pack_copy / "translations" / "en" / "again.yaml"
    _write(path, {"recommendations": {REC: {"title": {"text": "Usual activity", "source_sha256": "0" * 16}}}})
    with pytest.raises(PackError) as raised:
        load_translations(pack_copy, "en")
    assert "again.yaml" in str(raised.value) and "en.yaml" in str(raised.value)


def test_a_plain_string_is_unstamped_and_fails_check_until_stamped(pack_copy: Path) -> None:
    path = _summary_file(pack_copy, "The evidence base for answering the question.", None)
    location = f"recommendations/{REC}/summary/0"
    assert location in translation_coverage(pack_copy).unstamped
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert f"unstamped translation {location}" in result.stderr

    stamped = runner.invoke(app, ["stamp", str(path), "--pack", str(pack_copy)])
    assert stamped.exit_code == 0, stamped.stderr
    coverage = translation_coverage(pack_copy)
    assert location not in coverage.unstamped and location not in coverage.missing


def test_a_changed_danish_source_makes_its_translation_stale(pack_copy: Path) -> None:
    rec_file = pack_copy / "recommendations" / "03-vanlig-aktivitet.yaml"
    text = rec_file.read_text(encoding="utf-8")
    danish = "herunder sengeleje."  # the end of the text: its wording still fits the weak-for template
    rec_file.write_text(text.replace(danish, "herunder langvarigt sengeleje.", 1), "utf-8")
    coverage = translation_coverage(pack_copy)
    assert f"recommendations/{REC}/text" in coverage.stale
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert f"stale translation recommendations/{REC}/text" in result.stderr


def test_coverage_counts_every_danish_text_once(pack_dir: Path) -> None:
    coverage = translation_coverage(pack_dir)
    assert coverage.total == len(danish_sources(pack_dir))
    assert (
        coverage.translated + len(coverage.missing) + len(coverage.stale) + len(coverage.unstamped)
        == coverage.total
    )
    assert not coverage.stale and not coverage.unstamped and not coverage.unknown


def test_stamping_a_missing_file_is_one_sentence() -> None:
    result = runner.invoke(app, ["stamp", "no/such/file.yaml"])
    assert result.exit_code != 0
    assert "no such translation file" in result.stderr


@pytest.mark.parametrize(
    "rec_id",
    [
        "vanlig-aktivitet",
        "patientuddannelse",
        "gruppespecifik-intervention",
        "billeddiagnostik",
        "ledmobilisering",
    ],
)
def test_recommendations_3_to_7_are_translated_in_full(pack_dir: Path, rec_id: str) -> None:
    coverage = translation_coverage(pack_dir)
    assert [m for m in coverage.missing if m.startswith(f"recommendations/{rec_id}/")] == []
    english = load_pack(pack_dir, "en").recommendation(rec_id)
    danish = load_pack(pack_dir).recommendation(rec_id)
    assert english.key_info.rationale != danish.key_info.rationale
    assert all(
        o.no_data != d.no_data for o, d in zip(english.outcomes, danish.outcomes, strict=True) if d.no_data
    )


def test_errata_explanations_are_translated(pack_dir: Path) -> None:
    coverage = translation_coverage(pack_dir)
    assert [m for m in coverage.missing if m.startswith("errata/")] == []


def test_a_translation_at_a_location_without_danish_text_is_reported(pack_copy: Path) -> None:
    path = pack_copy / "translations" / "en" / "typo.yaml"
    _write(path, {"recommendations": {REC: {"sumary": [{"text": "x", "source_sha256": "0" * 16}]}}})
    assert f"recommendations/{REC}/sumary/0" in translation_coverage(pack_copy).unknown
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "200"})
    assert result.exit_code == 1 and f"unknown translation recommendations/{REC}/sumary/0" in result.stderr


def test_a_pack_without_an_english_edition_is_not_checked_for_one(pack_copy: Path) -> None:
    shutil.rmtree(pack_copy / "translations")
    result = runner.invoke(app, ["check", str(pack_copy)], env={"COLUMNS": "200"})
    assert "Translation (en)" not in result.stdout
    assert result.exit_code == 0, result.stderr
