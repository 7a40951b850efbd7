"""The ``gradeline`` command: check, show, export (and, as they arrive, serve, plan, monitor)."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from gradeline.content.coverage import Coverage, stamp_file, translation_coverage
from gradeline.content.errors import PackError
from gradeline.content.export import dumps, guideline_json, guideline_schema
from gradeline.content.lint import LintReport, lint_guideline
from gradeline.content.pack import load_pack
from gradeline.content.packs import UnknownPack, activated, default_pack, resolve_pack
from gradeline.content.translations import translation_files
from gradeline.model import Guideline
from gradeline.monitor.cli import monitor_app
from gradeline.publish.terminal import layer_one, layer_two

app = typer.Typer(
    help="gradeline: a GRADE clinical guideline as validated data and software.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Export the guideline.", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(monitor_app, name="monitor")

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="da or en (default: the pack's own language; other: translation)."),
]

out = Console()
err = Console(stderr=True, soft_wrap=True)

PackOption = Annotated[
    str | None,
    typer.Option(
        "--pack",
        help="Content pack: a slug in the content directory (GRADELINE_CONTENT_DIR) or a folder with "
        "guideline.yaml. Default: the default pack.",
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one clear sentence to stderr and exit non-zero."""
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def chosen_pack(name: str | Path | None) -> Iterator[Path]:
    """The pack named on the command line (default: the default pack), active inside the block; a name that
    is no pack ends the command with one sentence listing the packs (exit 2)."""
    try:
        folder = resolve_pack(name) if name is not None else default_pack()
    except UnknownPack as exc:
        fail(str(exc))
    with activated(folder):
        yield folder


def _load(pack: Path) -> Guideline:
    try:
        return load_pack(pack)
    except PackError as exc:
        fail(f"the content pack is not valid:\n{exc}")


def _load_edition(pack: Path, language: str) -> Guideline:
    """The pack in a language's edition; a translation that breaks the pack raises PackError."""
    return load_pack(pack, language)


def _print_report(guideline: Guideline, report: LintReport) -> None:
    recs = guideline.recommendations
    rows = sum(len(r.outcomes) for r in recs)
    estimates = sum(o.has_estimate for r in recs for o in r.outcomes)
    out.print(
        f"{guideline.title} ({guideline.version}): {len(recs)} recommendations, {rows} evidence-profile "
        f"rows ({estimates} with an estimate), {len(guideline.chapters)} chapters, "
        f"{len(guideline.glossary)} glossary terms.",
        highlight=False,
    )
    out.print(f"Status: {guideline.status.label} ({guideline.status.value}).", highlight=False)
    if report.acknowledged:
        out.print(f"\nAcknowledged errata ({len(report.acknowledged)}), kept as published:", highlight=False)
        for finding, erratum in report.acknowledged:
            out.print(f"  {finding}\n      erratum: {erratum.explanation}", highlight=False)
    for finding in report.new:
        err.print(f"[bold red]{finding.code}[/] {finding.location}: {finding.message}", highlight=False)
    for erratum in report.stale:
        err.print(
            f"[bold red]stale erratum[/] {erratum.code} {erratum.location}: the linter no longer finds "
            "this; remove it from errata.yaml or restore the published value.",
            highlight=False,
        )


def _print_coverage(coverage: Coverage, limit: int = 20) -> None:
    out.print(
        f"\nTranslation ({coverage.language}): {coverage.translated} of {coverage.total} Danish texts "
        f"translated and stamped ({coverage.percent:.1f}%).",
        highlight=False,
    )
    problems = [
        ("missing", coverage.missing, "no translation"),
        ("stale", coverage.stale, "the Danish changed since it was translated (hash mismatch)"),
        ("unstamped", coverage.unstamped, "a plain string without source_sha256; review, then stamp it"),
        ("unknown", coverage.unknown, "no Danish text at this location"),
    ]
    for kind, locations, why in problems:
        for location in locations[:limit]:
            err.print(f"[bold red]{kind} translation[/] {location}: {why}", highlight=False)
        if len(locations) > limit:
            err.print(f"… and {len(locations) - limit} more {kind} translation(s)", highlight=False)


@app.command()
def check(
    pack_argument: Annotated[
        str | None, typer.Argument(metavar="[PACK]", help="Content pack: slug or folder (as --pack).")
    ] = None,
    pack_option: PackOption = None,
) -> None:
    """Validate every file of a content pack, run the linter and check translation coverage; exit non-zero on
    any problem."""
    if pack_argument and pack_option and pack_argument != pack_option:
        fail(f"two packs are named ({pack_argument!r} and {pack_option!r}); name one.")
    with chosen_pack(pack_argument or pack_option) as pack:
        _check(pack)


def _check(pack: Path) -> None:
    from gradeline.packcheck import check_pack

    guideline, problems = check_pack(pack)
    if guideline is None or problems:
        fail("the content pack is not valid:\n" + "\n".join(problems))
    report = lint_guideline(guideline, pack)
    _print_report(guideline, report)
    coverage = None
    if translation_files(pack, "en"):  # a pack without an English edition has nothing to cover
        try:
            coverage = translation_coverage(pack, "en")
            _load_edition(pack, "en")
        except PackError as exc:
            fail(f"the English translation is not valid:\n{exc}")
        _print_coverage(coverage)
    if not report.clean:
        fail(
            f"{len(report.new)} new finding(s) and {len(report.stale)} stale erratum/errata; "
            "fix the pack or acknowledge each finding in errata.yaml.",
            code=1,
        )
    if coverage is not None and not coverage.complete:
        fail(
            f"the English translation covers {coverage.translated} of {coverage.total} texts: "
            f"{len(coverage.missing)} missing, {len(coverage.stale)} stale, "
            f"{len(coverage.unstamped)} unstamped, {len(coverage.unknown)} at unknown locations.",
            code=1,
        )
    out.print("\n[bold green]check passed[/]: the pack is valid and every finding is acknowledged.")


@app.command()
def show(
    recommendation: Annotated[str | None, typer.Argument(help="Recommendation id or chapter number.")] = None,
    pack: PackOption = None,
) -> None:
    """Layer 1 (all recommendations), or one recommendation with its evidence profile."""
    with chosen_pack(pack) as folder:
        guideline = _load(folder)
    if recommendation is None:
        out.print(layer_one(guideline))
        return
    try:
        rec = guideline.recommendation(recommendation)
    except KeyError:
        known = ", ".join(r.id for r in guideline.recommendations)
        fail(f"there is no recommendation {recommendation!r}; choose one of: {known}.")
    out.print(layer_two(guideline, rec))


@export_app.command("json")
def export_json(
    output: Annotated[
        Path | None, typer.Option("--out", help="Write to this file instead of stdout.")
    ] = None,
    schema: Annotated[bool, typer.Option("--schema", help="Print the JSON Schema instead.")] = False,
    pack: PackOption = None,
) -> None:
    """The whole pack as one JSON document (numbers as decimal strings, exactly as published)."""
    with chosen_pack(pack) as folder:
        text = dumps(guideline_schema() if schema else guideline_json(_load(folder)))
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}.")
    err.print(f"wrote {output}", highlight=False)


@app.command()
def plan(
    context_file: Annotated[Path, typer.Argument(help="Patient context as JSON (see docs/decide.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
    trace: Annotated[bool, typer.Option("--trace", help="Show which answer triggered which rule.")] = False,
    pack: PackOption = None,
) -> None:
    """A patient-specific plan from the guideline, with its reasons (advice; the clinician decides)."""
    from gradeline.decide.render import PlanInputError, plan_from_json_file, plan_to_dict, plan_to_text

    with chosen_pack(pack) as folder:
        if not (folder / "decide").is_dir():
            fail(
                f"this guideline ({folder.name}) has no decision rules (no decide/ folder); it makes no plan."
            )
        try:
            result = plan_from_json_file(context_file)
        except PlanInputError as exc:
            fail(str(exc))
    if as_json:
        sys.stdout.write(dumps(plan_to_dict(result)))
    else:
        sys.stdout.write(plan_to_text(result, trace=trace) + "\n")


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (beyond loopback: production settings).")
    ] = ("127.0.0.1"),
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    threads: Annotated[
        int, typer.Option("--threads", "--workers", help="Worker threads.", min=1, max=64)
    ] = 8,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="e.g. postgres://… (default: SQLite under var/).")
    ] = None,
) -> None:
    """Check the content pack, then start the web app (layers 1 and 2, decision support, APIs)."""
    from gradeline.web.serve import ServeError
    from gradeline.web.serve import serve as serve_app

    try:
        serve_app(host=host, port=port, threads=threads, database_url=database_url)
    except ServeError as exc:
        fail(str(exc))


@app.command()
def stamp(
    files: Annotated[list[Path], typer.Argument(help="Translation files you have reviewed.")],
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Stamp only this location (repeatable).")
    ] = None,
    pack: PackOption = None,
) -> None:
    """Stamp reviewed translations with the hash of their original source (`check` then sees it change)."""
    with chosen_pack(pack) as folder:
        for path in files:
            if not path.is_file():
                fail(f"{path}: no such translation file.")
            try:
                count = stamp_file(path, folder, set(only) if only else None)
            except PackError as exc:
                fail(str(exc))
            out.print(f"{path}: stamped {count} translation(s).", highlight=False)


@export_app.command("pdf")
def export_pdf(
    output: Annotated[Path | None, typer.Option("--out", help="PDF file (default: build/<id>.pdf).")] = None,
    pack: PackOption = None,
    lang: LangOption = None,
) -> None:
    """The full guideline as PDF: all layers, evidence tables, contents, status on every page."""
    from gradeline.publish.cli import export_pdf as write

    with chosen_pack(pack) as folder:
        write(output=output, pack=folder, lang=lang)


@export_app.command("quickguide")
def export_quickguide(
    output: Annotated[
        Path | None, typer.Option("--out", help="PDF file (default: build/<id>-hurtigguide.pdf).")
    ] = None,
    pack: PackOption = None,
    lang: LangOption = None,
) -> None:
    """The 1–2 page A4 quick guide: every recommendation with its strength and certainty."""
    from gradeline.publish.cli import export_quickguide as write

    with chosen_pack(pack) as folder:
        write(output=output, pack=folder, lang=lang)


@export_app.command("site")
def export_site(
    output: Annotated[Path, typer.Option("--out", help="Folder for the static copy.")] = Path("build/site"),
    pack: PackOption = None,
) -> None:
    """A static copy of the reading pages in Danish and English, with the PDFs, for any static server."""
    from gradeline.web.reading.export import ExportError
    from gradeline.web.reading.export import export_site as write

    with chosen_pack(pack):
        try:
            counts = write(output)
        except ExportError as exc:
            fail(str(exc))
    typer.echo(f"{output}: {counts['pages']} pages, {counts['pdfs']} PDFs, {counts['static']} static files")


@export_app.command("fhir")
def export_fhir(
    output: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("build/fhir"),
    pack: PackOption = None,
) -> None:
    """The guideline as FHIR: EBM-on-FHIR (R5) and CPG-on-FHIR PlanDefinitions (R4B)."""
    from gradeline.fhir.cli import export_fhir as write

    with chosen_pack(pack):
        write(output)


@app.command()
def new(
    folder: Annotated[
        Path, typer.Argument(help="The new pack's folder; its name is the slug (e.g. my-guideline).")
    ],
    title: Annotated[str | None, typer.Option("--title", help="The guideline's title.")] = None,
    language: Annotated[
        str, typer.Option("--language", help="da or en: the language the pack is written in.")
    ] = "en",
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who publishes the guideline.")] = None,
) -> None:
    """Create a new, valid, empty content pack (draft status, no recommendations yet) to fill in."""
    from gradeline.content.scaffold import new_pack

    try:
        new_pack(folder, title or folder.name.replace("-", " ").capitalize(), language, publisher)
    except PackError as exc:
        fail(str(exc))
    out.print(
        f"created {folder}: write guideline.yaml's scope, then recommendations/NN-slug.yaml "
        f"(docs/content-format.md); `gradeline check {folder}` checks it.",
        highlight=False,
    )


def main() -> None:
    """Entry point: run the app, turning unexpected errors into one sentence."""
    try:
        app()
    except KeyboardInterrupt:
        fail("interrupted.", code=130)


if __name__ == "__main__":
    main()
