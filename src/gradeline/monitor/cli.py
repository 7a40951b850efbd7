"""``gradeline monitor``: run the adherence indicators on data, or generate synthetic data.

Mount with ``app.add_typer(monitor_app, name="monitor")``. Errors are one sentence on stderr and a
non-zero exit.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:  # the engines (ibis, duckdb, pyarrow) load only when a command runs
    from gradeline.monitor.outputs.tables import Format
    from gradeline.monitor.pipeline import RunOutput

monitor_app = typer.Typer(
    help="Adherence monitoring: a guideline's indicators (its pack's monitor/ folder) from encounter data. "
    "Every result states the guideline's status.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def _print(result: RunOutput, seconds: float, min_age_exclusive: int) -> None:
    from gradeline.monitor.definitions import load_catalogue

    summary = result.result.summary
    out.print(f"[bold yellow]{summary['notice']}[/]", highlight=False)
    for line in result.ingest.lines():
        out.print(line, highlight=False)
    ep = summary["episodes"]
    out.print(
        f"Episodes: {ep['in_population']} in the population of {ep['all_episodes']} "
        f"({ep['age_out_of_scope']} age ≤ {min_age_exclusive}, "
        f"{ep['before_lookback_covered']} without full look-back, "
        f"{ep['followup_incomplete']} without full follow-up); episodes starting "
        f"{summary['measured_start']} to {summary['measured_end']}; "
        f"{summary['suppressed_rows']} small cells suppressed; "
        f"{seconds:.1f} s on {summary['engine']}.",
        highlight=False,
    )
    catalogue = load_catalogue()
    for ind in catalogue.indicators:
        rows = result.result.select(ind.id)
        if not rows:
            why = summary["not_available"].get(ind.id, "not computed")
            out.print(f"  {ind.id:34} not available ({why})", highlight=False)
            continue
        r = rows[0]
        if r["suppressed"]:
            out.print(
                f"  {ind.id:34} hidden (< {summary['min_cell_patients']} patients)",
                highlight=False,
            )
            continue
        share = (
            "–"
            if r["share"] is None
            else f"{100 * r['share']:5.1f} % [{100 * r['ci_low']:.1f}–{100 * r['ci_high']:.1f}]"
        )
        out.print(
            f"  {ind.id:34} {r['numerator']:>9}/{r['denominator']:<9} {share}  ({ind.recommendation})",
            highlight=False,
        )
    for f in result.files:
        out.print(f"wrote {f}", highlight=False)


def _pack(name: str | None) -> Path:
    """The pack named by --pack (slug or folder), else the active one; an unknown name is one sentence."""
    from gradeline.content.packs import UnknownPack, active_pack, resolve_pack

    try:
        return resolve_pack(name) if name else active_pack()
    except UnknownPack as exc:
        _fail(str(exc))


@monitor_app.command("run")
def run_command(
    data: Annotated[
        Path, typer.Argument(help="Folder: internal-schema CSV/Parquet, FHIR Bulk NDJSON or OMOP CDM.")
    ],
    engine: Annotated[str, typer.Option("--engine", help="duckdb (default) or spark.")] = "duckdb",
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write result tables here.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or parquet.")] = "csv",
    measure_report: Annotated[
        Path | None,
        typer.Option("--measure-report", help="Write a FHIR R4B Bundle of Measure + MeasureReport."),
    ] = None,
    spark_remote: Annotated[
        str | None, typer.Option("--spark-remote", help="Spark Connect URL, e.g. sc://host:15002.")
    ] = None,
    pack: Annotated[
        str | None,
        typer.Option("--pack", help="Guideline: a pack's slug in the content directory or its folder."),
    ] = None,
    lookback_days: Annotated[
        int | None,
        typer.Option(
            help="Days without a contact for the condition before a new episode (default: the pack's)."
        ),
    ] = None,
    max_course_days: Annotated[
        int | None,
        typer.Option(help="Drug courses longer than this many days are counted (default: the pack's)."),
    ] = None,
    period: Annotated[str, typer.Option(help="Period stratifier: quarter or year.")] = "quarter",
    start: Annotated[
        str | None,
        typer.Option(help="First day of the extraction period (YYYY-MM-DD); default: DATA/manifest.json."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(help="Last day of the extraction period (YYYY-MM-DD); default: DATA/manifest.json."),
    ] = None,
    max_rejected: Annotated[
        float, typer.Option(help="Fail when a table rejects more than this share of its records.")
    ] = 0.05,
    accept_rejections: Annotated[
        bool, typer.Option("--accept-rejections", help="Compute even when more records are rejected.")
    ] = False,
    min_cell: Annotated[
        int, typer.Option(help="Suppress result cells resting on fewer patients than this (1 = none).")
    ] = 5,
    keep_validated: Annotated[
        bool, typer.Option("--keep-validated", help="Also write the accepted rows to OUT/validated/.")
    ] = False,
    memory_limit: Annotated[
        str | None,
        typer.Option(
            "--memory-limit",
            envvar="GRADELINE_DUCKDB_MEMORY_LIMIT",
            help="DuckDB memory ceiling, e.g. 6GB; above it DuckDB spills to --temp-dir. "
            "Default: 80 % of the machine's memory.",
        ),
    ] = None,
    temp_dir: Annotated[
        Path | None,
        typer.Option(
            "--temp-dir",
            envvar="GRADELINE_DUCKDB_TEMP_DIR",
            help="Folder for the run's DuckDB database file (compressed tables, deleted afterwards) and "
            "its spill files; give it for data larger than memory. Default: tables in memory, spill to .tmp.",
        ),
    ] = None,
) -> None:
    """Validate DATA, compute every indicator of the guideline and print the overall results."""
    from gradeline.content.packs import activated
    from gradeline.monitor.codes import NoMonitorDefinitions, has_monitoring

    folder = _pack(pack)
    if not has_monitoring(folder):
        _fail(f"the guideline '{folder.name}' defines no monitoring indicators (no monitor/indicators.yaml)")
    with activated(folder):
        try:
            _run(
                data,
                engine,
                out_dir,
                fmt,
                measure_report,
                spark_remote,
                lookback_days,
                max_course_days,
                period,
                start,
                end,
                max_rejected,
                accept_rejections,
                min_cell,
                keep_validated,
                memory_limit,
                temp_dir,
            )
        except NoMonitorDefinitions as exc:
            _fail(str(exc))


def _run(
    data: Path,
    engine: str,
    out_dir: Path | None,
    fmt: str,
    measure_report: Path | None,
    spark_remote: str | None,
    lookback_days: int | None,
    max_course_days: int | None,
    period: str,
    start: str | None,
    end: str | None,
    max_rejected: float,
    accept_rejections: bool,
    min_cell: int,
    keep_validated: bool,
    memory_limit: str | None,
    temp_dir: Path | None,
) -> None:
    """The run of the active pack's indicators (see :func:`run_command`)."""
    from gradeline.monitor.config import MonitorConfig
    from gradeline.monitor.definitions import load_catalogue
    from gradeline.monitor.engines import ENGINES, DuckDBLimits, EngineError
    from gradeline.monitor.ingest.period import iso_date
    from gradeline.monitor.ingest.report import InputError
    from gradeline.monitor.pipeline import Strictness, run

    if engine not in ENGINES:
        _fail(f"unknown engine {engine!r}; choose duckdb or spark")
    if fmt not in ("csv", "parquet"):
        _fail(f"unknown format {fmt!r}; choose csv or parquet")
    if period not in ("quarter", "year"):
        _fail(f"unknown period {period!r}; choose quarter or year")
    if not data.exists():
        _fail(f"{data} does not exist")
    if not 0 <= max_rejected < 1:
        _fail("--max-rejected must be a share from 0 to below 1, e.g. 0.05")
    try:
        windows: dict[str, Any] = {"lookback_days": lookback_days, "max_course_days": max_course_days}
        cfg = MonitorConfig(
            **{k: v for k, v in windows.items() if v is not None},
            period=period,  # type: ignore[arg-type]
            observation_start=iso_date(start, "--start") if start else None,
            observation_end=iso_date(end, "--end") if end else None,
            min_cell_patients=min_cell,
        )
    except InputError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(f"invalid option: {exc}")
    strict = Strictness(max_rejected=max_rejected, accept_rejections=accept_rejections)
    try:
        limits = DuckDBLimits(memory_limit, temp_dir)
    except EngineError as exc:
        _fail(str(exc))
    steps = [
        "validate input",
        "episodes",
        *(i.id for i in load_catalogue().indicators),
        "stratify",
        "write outputs",
    ]
    t0 = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("starting", total=len(steps))

        def advance(label: str) -> None:
            bar.update(task, description=label, completed=steps.index(label) if label in steps else None)

        try:
            result = run(
                data,
                engine,
                out_dir,
                fmt_checked(fmt),
                measure_report,
                cfg,
                advance,
                spark_remote,
                strict=strict,
                keep_validated=keep_validated,
                limits=limits,
            )
        except (InputError, EngineError) as exc:
            _fail(str(exc))
        except Exception as exc:  # engine/IO failures: one sentence, never a traceback
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            _fail(f"the monitoring run failed: {first}", code=1)
    _print(result, time.perf_counter() - t0, cfg.min_age_exclusive)


def fmt_checked(fmt: str) -> Format:
    return "parquet" if fmt == "parquet" else "csv"


@monitor_app.command("synth")
def synth_command(
    patients: Annotated[int, typer.Option("--patients", help="Number of patients.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the Parquet files.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same data).")] = 1,
    pack: Annotated[
        str | None,
        typer.Option("--pack", help="Guideline whose monitor/synth.yaml is planted (slug or folder)."),
    ] = None,
) -> None:
    """Generate seeded synthetic Danish-coded data with planted adherence rates (planted.json)."""
    from gradeline.monitor.codes import NoMonitorDefinitions
    from gradeline.monitor.synth import SynthSpec, generate

    folder = _pack(pack)

    if patients < 1:
        _fail("--patients must be at least 1")
    if out_dir.exists() and not out_dir.is_dir():
        _fail(f"{out_dir} exists and is not a folder")
    t0 = time.perf_counter()
    with err.status(f"generating {patients} patients …"):
        try:
            planted = generate(SynthSpec(patients=patients, seed=seed, pack=folder), out_dir)
        except NoMonitorDefinitions as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"cannot write to {out_dir}: {exc.strerror}")
    out.print(
        f"Wrote {planted['patients']} patients, {planted['episodes']} episodes and {planted['encounters']} "
        f"encounters to {out_dir} in {time.perf_counter() - t0:.1f} s (seed {seed}); "
        "true values in planted.json. "
        "Synthetic data; the guideline is not in force (ikke gældende).",
        highlight=False,
    )
