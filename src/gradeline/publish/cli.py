"""Typer commands for ``gradeline export pdf|quickguide``: register them with ``export_app.command(name)``."""

import os
from pathlib import Path
from typing import Annotated

import typer

from gradeline.content.errors import PackError
from gradeline.content.pack import DEFAULT_PACK, load_pack
from gradeline.decide.rules import load_rules
from gradeline.model import Guideline
from gradeline.publish.pdf import render_guideline_pdf, render_quickguide_pdf

OutOption = Annotated[Path | None, typer.Option("--out", help="Write the PDF to this file.")]
PackOption = Annotated[Path, typer.Option("--pack", help="Content pack folder.")]


def _load(pack: Path) -> Guideline:
    try:
        return load_pack(pack)
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


def export_pdf(output: OutOption = None, pack: PackOption = DEFAULT_PACK) -> None:
    """The full guideline as PDF: all layers, evidence tables, contents, page numbers, status on each page."""
    guideline = _load(pack)
    _write(render_guideline_pdf(guideline), output or Path("build") / f"{guideline.id}.pdf")


def export_quickguide(output: OutOption = None, pack: PackOption = DEFAULT_PACK) -> None:
    """The quick guide on two A4 pages: the recommendations, then the red flags and where to read more."""
    guideline = _load(pack)
    try:
        red_flags = load_rules(pack).red_flags
    except PackError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    site = os.environ.get("GRADELINE_SITE_URL", "").rstrip("/")
    data = render_quickguide_pdf(guideline, None, red_flags, f"{site}/" if site else None)
    _write(data, output or Path("build") / f"{guideline.id}-hurtigguide.pdf")
