"""Typer commands for ``gradeline export pdf|quickguide``: register them with ``export_app.command(name)``."""

import os
from pathlib import Path
from typing import Annotated

import typer

from gradeline.content.errors import PackError
from gradeline.content.pack import DEFAULT_PACK, load_pack
from gradeline.decide.rules import load_rules
from gradeline.model import Guideline
from gradeline.publish.key_messages import load_quickguide_data
from gradeline.publish.pdf import render_guideline_pdf, render_quickguide_pdf

OutOption = Annotated[Path | None, typer.Option("--out", help="Write the PDF to this file.")]
PackOption = Annotated[Path, typer.Option("--pack", help="Content pack folder.")]


LangOption = Annotated[str, typer.Option("--lang", help="da (the original) or en (unofficial translation).")]


def _load(pack: Path, lang: str = "da") -> Guideline:
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


def _suffix(lang: str) -> str:
    return "" if lang == "da" else f"-{lang}"


def export_pdf(output: OutOption = None, pack: PackOption = DEFAULT_PACK, lang: LangOption = "da") -> None:
    """The full guideline as PDF: all layers, evidence tables, contents, page numbers, status on each page."""
    guideline = _load(pack, lang)
    default = Path("build") / f"{guideline.id}{_suffix(lang)}.pdf"
    _write(render_guideline_pdf(guideline, lang="en" if lang == "en" else "da"), output or default)


def export_quickguide(
    output: OutOption = None, pack: PackOption = DEFAULT_PACK, lang: LangOption = "da"
) -> None:
    """The quick guide on two A4 pages: the recommendations, then the red flags and where to read more."""
    guideline = _load(pack, lang)
    try:
        red_flags = load_rules(pack).red_flags
    except PackError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    site = os.environ.get("GRADELINE_SITE_URL", "").rstrip("/")
    name = "quick-guide" if lang == "en" else "hurtigguide"
    default = Path("build") / f"{guideline.id}-{name}{_suffix(lang)}.pdf"
    data = render_quickguide_pdf(
        guideline,
        None,
        red_flags,
        f"{site}/" if site else None,
        lang="en" if lang == "en" else "da",
        page2=load_quickguide_data(pack),
    )
    _write(data, output or default)
