"""`gradeline export fhir [--out DIR]` (wired into the main CLI by its owner)."""

from pathlib import Path
from typing import Annotated

import typer

from gradeline.fhir.export import write_fhir

OutOption = Annotated[Path, typer.Option("--out", help="Output folder.")]


def export_fhir(out: OutOption = Path("build/fhir")) -> None:
    """Write the guideline as FHIR bundles: EBM-on-FHIR (R5) and CPG-on-FHIR (R4B)."""
    from gradeline.content.pack import cached_pack

    try:
        paths = write_fhir(cached_pack(), out)
    except OSError as error:
        typer.echo(f"Could not write the FHIR export to {out}: {error.strerror or error}", err=True)
        raise typer.Exit(1) from error
    for path in paths:
        typer.echo(f"wrote {path}")
