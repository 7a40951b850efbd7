"""`gradeline check` validates the whole pack, and says what is wrong in one message naming the file
(issue 14, finding 2)."""

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gradeline.cli import app

runner = CliRunner()


def _check(pack: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(pack)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    return result.exit_code, " ".join(result.stderr.split())


def test_the_bundled_pack_passes(pack_dir: Path) -> None:
    code, _ = _check(pack_dir)
    assert code == 0


@pytest.mark.parametrize(
    ("removed", "named"),
    [
        ("decide/red-flags.yaml", "red-flags.yaml"),
        ("decide/handout.yaml", "handout.yaml"),
        ("evidence/wording.yaml", "wording.yaml"),
        ("valuesets/analgesics.yaml", "analgesics.yaml"),
        ("monitor/indicators.yaml", "indicators.yaml"),
        ("monitor/codes.yaml", "codes.yaml"),
    ],
)
def test_a_missing_part_of_the_pack_fails_the_check(pack_copy: Path, removed: str, named: str) -> None:
    (pack_copy / removed).unlink()
    code, message = _check(pack_copy)
    assert code == 2 and "not valid" in message and named in message


def test_a_broken_decide_rule_is_named(pack_copy: Path) -> None:
    path = pack_copy / "decide" / "red-flags.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("groups:", "grupper:", 1), encoding="utf-8")
    code, message = _check(pack_copy)
    assert code == 2 and "red-flags.yaml" in message


def test_a_translation_that_is_not_a_mapping_is_named(pack_copy: Path) -> None:
    (pack_copy / "translations" / "en.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    code, message = _check(pack_copy)
    assert code == 2 and "en.yaml" in message and "mapping" in message


def test_a_monitoring_indicator_for_an_unknown_recommendation_is_named(pack_copy: Path) -> None:
    path = pack_copy / "monitor" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("recommendation: billeddiagnostik", "recommendation: roentgen", 1), "utf-8")
    code, message = _check(pack_copy)
    assert code == 2 and "indicators.yaml" in message and "'roentgen'" in message


def test_a_non_utf8_byte_is_one_message_with_file_and_line(pack_copy: Path) -> None:
    path = pack_copy / "recommendations" / "12-nsaid.yaml"
    raw = path.read_bytes()
    path.write_bytes(raw.replace("æ".encode(), b"\xe6", 1))
    code, message = _check(pack_copy)
    line = raw[: raw.index("æ".encode())].count(b"\n") + 1
    assert code == 2 and f"12-nsaid.yaml: line {line}: not UTF-8 text (byte 0xe6" in message


def test_an_oversize_field_is_refused(pack_copy: Path) -> None:
    path = pack_copy / "guideline.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nextra_title: " + "x" * 150_000 + "\n", encoding="utf-8")
    code, message = _check(pack_copy)
    assert code == 2 and "guideline.yaml: extra_title: the text has 150,000 characters" in message


def test_an_oversize_file_is_refused(pack_copy: Path) -> None:
    path = pack_copy / "glossary.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(("# " + "y" * 998 + "\n") * 2_100)
    code, message = _check(pack_copy)
    assert code == 2 and "glossary.yaml: the file is" in message and "at most 2,000,000 bytes" in message


def test_a_duplicate_recommendation_is_reported_against_the_file_that_repeats_it(pack_copy: Path) -> None:
    recs = pack_copy / "recommendations"
    shutil.copy(recs / "12-nsaid.yaml", recs / "99-kopi.yaml")
    code, message = _check(pack_copy)
    assert code == 2
    assert "99-kopi.yaml: recommendation id 'nsaid' is already used in" in message
    assert message.endswith("12-nsaid.yaml")


@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        (
            "compute: {kind: dispensing, drug: nsaid}",
            "compute: {kind: dispensed, drug: nsaid}",
            "compute.kind 'dispensed' is not one of",
        ),
        (
            "compute: {kind: dispensing, drug: nsaid}",
            "compute: {kind: dispensing, drug: ibuprofen}",
            "compute names the drug class 'ibuprofen', which codes.yaml does not define",
        ),
        (
            "compute: {kind: dispensing, drug: nsaid}",
            "compute: {kind: dispensing, drugs: nsaid}",
            "wrong arguments for dispensing",
        ),
        (
            "modalities: [MR, RX, CT]",
            "modalities: [MR, PET]",
            "compute names the imaging modality 'PET', which codes.yaml does not define",
        ),
        (
            "referral_type: supervised_exercise}",
            "referral_type: yoga}",
            "compute names the referral type 'yoga', which codes.yaml does not define",
        ),
        ("age_bands: [17, 30, 45, 60, 75]", "age_bands: [17, 45, 30]", "must be strictly increasing"),
        (
            "age_bands: [17, 30, 45, 60, 75]",
            "age_bands: [16, 30]",
            "older than 16; start the first band at 17",
        ),
    ],
)
def test_a_wrong_compute_block_or_age_band_is_named(pack_copy: Path, old: str, new: str, named: str) -> None:
    path = pack_copy / "monitor" / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, message = _check(pack_copy)
    assert code == 2 and "indicators.yaml" in message and named in message
