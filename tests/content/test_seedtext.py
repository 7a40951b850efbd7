"""A source's PDF artefacts are the pack's (source/artefacts.yaml): ignored when texts are compared."""

from pathlib import Path

from gradeline.content.seedtext import SeedText

SEED = ["Første del af en sætning", "Retningslinje X - Udgiver A", "12 of 80", "WM", "fortsætter her."]


def _seed(folder: Path, artefacts: str | None) -> SeedText:
    (folder / "seed.txt").write_text("\n".join(SEED) + "\n", encoding="utf-8")
    if artefacts is not None:
        (folder / "artefacts.yaml").write_text(artefacts, encoding="utf-8")
    return SeedText.read(folder / "seed.txt")


def test_the_packs_footer_and_watermark_are_skipped(tmp_path: Path) -> None:
    seed = _seed(tmp_path, "patterns: ['^Retningslinje X - Udgiver A$']\nlines: [WM]\n")
    assert seed.contains("Første del af en sætning fortsætter her.")


def test_without_artefacts_only_page_numbers_are_skipped(tmp_path: Path) -> None:
    seed = _seed(tmp_path, None)
    assert not seed.contains("Første del af en sætning fortsætter her.")
    assert seed.contains("Retningslinje X - Udgiver A WM")  # the page number between them is gone


def test_the_first_packs_footer_is_an_artefact(seed: SeedText) -> None:
    footers = [line for line in seed.lines if line in seed.artefacts and " of " not in line]
    assert footers and all(line.strip() in {"IKKE G", "Æ", "LD", "ENDE"} or " - " in line for line in footers)
