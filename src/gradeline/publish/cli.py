"""Typer commands for ``gradeline export pdf|quickguide``: register them with ``export_app.command(name)``."""

import os
from pathlib import Path
from typing import Annotated

import typer

from gradeline.content.errors import PackError
from gradeline.content.pack import load_pack, pack_language
from gradeline.content.packs import pack_or_active
from gradeline.decide.rules import load_rules
from gradeline.model import Guideline
from gradeline.publish.key_messages import load_quickguide_data
from gradeline.publish.pdf import render_guideline_pdf, render_quickguide_pdf

OutOption = Annotated[Path | None, typer.Option("--out", help="Write the PDF to this file.")]
PackOption = Annotated[
    Path | None, typer.Option("--pack", help="Content pack folder (default: the active pack).")
]


LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="da or en (default: the pack's own language; other: a translation)."),
]


def _load(pack: Path, lang: str) -> Guideline:
    if lang not in ("da", "en"):
        typer.echo(f"error: unknown language {lang!r}; use da or en.", err=True)
        raise typer.Exit(2)
    try:
        return load_pack(pack, lang)
    except PackError as exc:
        typer.echo(f"error: the content pack is not valid:\n{exc}", err=True)
        raise typer.Exit(2) from None


def _write(data: bytes, output: Path) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        typer.echo(f"error: cannot write {output}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"{output} ({len(data) // 1024} KiB)")


def _suffix(guideline: Guideline, lang: str) -> str:
    return "" if lang == guideline.language else f"-{lang}"


def _pack_and_language(pack: Path | None, lang: str | None) -> tuple[Path, str]:
    folder = pack_or_active(pack)
    try:
        return folder, lang or pack_language(folder)
    except PackError as exc:
        typer.echo(f"error: the content pack is not valid:\n{exc}", err=True)
        raise typer.Exit(2) from None


def export_pdf(output: OutOption = None, pack: PackOption = None, lang: LangOption = None) -> None:
    """The full guideline as PDF: all layers, evidence tables, contents, page numbers, status on each page."""
    pack, lang = _pack_and_language(pack, lang)
    guideline = _load(pack, lang)
    default = Path("build") / f"{guideline.id}{_suffix(guideline, lang)}.pdf"
    _write(render_guideline_pdf(guideline, lang="en" if lang == "en" else "da"), output or default)


def export_quickguide(output: OutOption = None, pack: PackOption = None, lang: LangOption = None) -> None:
    """The quick guide on two A4 pages: the recommendations, then the red flags (when the pack has decision
    rules) and where to read more."""
    pack, lang = _pack_and_language(pack, lang)
    guideline = _load(pack, lang)
    red_flags = None
    if (pack / "decide").is_dir():
        try:
            red_flags = load_rules(pack).red_flags
        except PackError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    site = os.environ.get("GRADELINE_SITE_URL", "").rstrip("/")
    name = "quick-guide" if lang == "en" else "hurtigguide"
    default = Path("build") / f"{guideline.id}-{name}{_suffix(guideline, lang)}.pdf"
    data = render_quickguide_pdf(
        guideline,
        None,
        red_flags,
        f"{site}/" if site else None,
        lang="en" if lang == "en" else "da",
        page2=load_quickguide_data(pack),
    )
    _write(data, output or default)
