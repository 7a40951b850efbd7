"""Ibis connections: DuckDB (embedded default) and Spark (local SparkSession or Spark Connect)."""

import contextlib
import itertools
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb
import ibis  # type: ignore[import-untyped]
import ibis.expr.types as ir  # type: ignore[import-untyped]
from ibis.backends import BaseBackend  # type: ignore[import-untyped]

from gradeline.monitor.schema import TABLES

Engine = Literal["duckdb", "spark"]
ENGINES: tuple[str, ...] = ("duckdb", "spark")


class EngineError(Exception):
    """The engine cannot be started (no Java, Spark Connect dependencies missing, server unreachable)."""


def spark_session(remote: str | None = None, cores: int = 2, shuffle_partitions: int = 8) -> Any:
    """A SparkSession for Ibis: local[cores] with UI off and UTC dates, or Spark Connect when ``remote``
    is set."""
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:  # pragma: no cover - pyspark is a project dependency
        raise EngineError("pyspark is not installed") from exc
    if remote:
        try:
            return SparkSession.builder.remote(remote).getOrCreate()
        except ImportError as exc:
            raise EngineError(
                "Spark Connect needs the extra packages of 'pyspark[connect]' (grpcio …)"
            ) from exc
        except Exception as exc:
            raise EngineError(f"cannot reach the Spark Connect server at {remote}") from exc
    if not _java_available():
        raise EngineError("Spark needs Java 17 or newer (set JAVA_HOME or put java on PATH)")
    # pyspark leaves this set once a Spark Connect session was made in the process, and then builds every
    # later session as a Connect one; a local session must be classic.
    os.environ.pop("SPARK_CONNECT_MODE_ENABLED", None)
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("gradeline-monitor")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.driver.memory", os.environ.get("GRADELINE_SPARK_DRIVER_MEMORY", "2g"))
        .getOrCreate()
    )


def _java_available() -> bool:
    import shutil

    home = os.environ.get("JAVA_HOME")
    return bool((home and Path(home, "bin", "java").exists()) or shutil.which("java"))


def connect(
    engine: str = "duckdb", *, spark: Any = None, spark_remote: str | None = None, threads: int | None = None
) -> BaseBackend:
    """An Ibis backend for ``engine``; pass an existing SparkSession as ``spark`` to reuse it."""
    if engine == "duckdb":
        con = ibis.duckdb.connect()
        if threads:
            con.raw_sql(f"SET threads = {int(threads)}")
        return con
    if engine == "spark":
        session = spark or spark_session(spark_remote)
        return ibis.pyspark.connect(session)
    raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


def load_tables(con: BaseBackend, clean_dir: Path, prefix: str = "") -> dict[str, ibis.Table]:
    """Register the internal-schema Parquet files of ``clean_dir`` (absent tables are left out)."""
    tables = {}
    for name in TABLES:
        path = clean_dir / f"{name}.parquet"
        if not path.exists():
            folder = clean_dir / name
            if not (folder.is_dir() and any(folder.glob("*.parquet"))):
                continue
            path = folder
        target = str(path / "*.parquet") if path.is_dir() else str(path)
        tables[name] = con.read_parquet(target, table_name=f"{prefix}{name}")
    return tables


_SIZE = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)
MEMORY_LIMIT_ENV = "GRADELINE_DUCKDB_MEMORY_LIMIT"
TEMP_DIR_ENV = "GRADELINE_DUCKDB_TEMP_DIR"


@dataclass(frozen=True)
class DuckDBLimits:
    """Memory ceiling and spill folder of the DuckDB connection a run validates and computes in.

    Unset, DuckDB takes 80 % of the machine's memory, keeps its tables in memory and spills to ``.tmp`` in
    the working folder. With a ``temp_dir`` the run's tables live in a database file there instead
    (compressed on disk, deleted when the run ends), so data far larger than memory fit in a bounded disk.
    """

    memory_limit: str | None = None
    """A size such as ``6GB`` or ``512MiB``; above it DuckDB spills to ``temp_dir``."""
    temp_dir: Path | None = None
    """Folder for DuckDB's spill files (created when missing)."""

    def __post_init__(self) -> None:
        if self.memory_limit is not None and not _SIZE.fullmatch(self.memory_limit.strip()):
            raise EngineError(
                f"memory limit {self.memory_limit!r} is not a size; write it like 6GB or 512MiB"
            )
        if self.temp_dir is not None and self.temp_dir.exists() and not self.temp_dir.is_dir():
            raise EngineError(f"temp folder {self.temp_dir} exists and is not a folder")

    @classmethod
    def from_env(cls) -> "DuckDBLimits":
        """Limits from GRADELINE_DUCKDB_MEMORY_LIMIT and GRADELINE_DUCKDB_TEMP_DIR (empty = unset)."""
        temp = os.environ.get(TEMP_DIR_ENV) or None
        return cls(os.environ.get(MEMORY_LIMIT_ENV) or None, Path(temp) if temp else None)

    def apply(self, con: Any) -> None:
        """Set the limits on a DuckDB connection (``duckdb.DuckDBPyConnection``)."""
        if self.memory_limit:
            con.execute(f"SET memory_limit = '{self.memory_limit.strip()}'")
        if self.temp_dir:
            self.temp_dir.mkdir(parents=True, exist_ok=True)
            con.execute(f"SET temp_directory = '{self.temp_dir.as_posix().replace(chr(39), chr(39) * 2)}'")

    @contextlib.contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A DuckDB connection with these limits: in memory, or a database file in ``temp_dir`` that is
        removed (with its write-ahead log) when the block ends."""
        if self.temp_dir is None:
            con = duckdb.connect()
            database = None
        else:
            self.temp_dir.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix="gradeline-run-", suffix=".duckdb", dir=self.temp_dir)
            os.close(fd)
            database = Path(name)
            database.unlink()  # DuckDB creates the file itself; an empty one is not a database
            con = duckdb.connect(str(database))
        try:
            con.execute("SET enable_progress_bar = false")
            self.apply(con)
            yield con
        finally:
            con.close()
            if database is not None:
                for path in (database, database.with_name(database.name + ".wal")):
                    path.unlink(missing_ok=True)


_names = itertools.count()


class Materialized:
    """A computed table kept by the engine (a DuckDB table, Spark cached DataFrame) until ``release``.

    On DuckDB it is an ordinary table, so a run with a database file keeps it compressed on disk rather
    than spilling it uncompressed (temporary tables live in memory)."""

    def __init__(self, con: BaseBackend, expr: ir.Table, label: str) -> None:
        self.con = con
        self.name = f"_gradeline_{label}_{next(_names)}"
        self.cached = not is_spark_connect(con)
        if con.name == "duckdb":
            self.table = con.create_table(self.name, expr)
        elif self.cached:
            self.table = expr.cache()
        else:
            # Ibis cannot cache a Spark Connect DataFrame (it asserts `is_cached`); the plan is recomputed
            # where it is used, which costs time but gives the same result.
            self.table = expr

    def release(self) -> None:
        if self.con.name == "duckdb":
            self.con.raw_sql(f'DROP TABLE IF EXISTS "{self.name}"')
        elif self.cached:
            self.table.release()


def is_spark_connect(con: BaseBackend) -> bool:
    """True for an Ibis PySpark backend over a Spark Connect session."""
    session = getattr(con, "_session", None)
    return con.name == "pyspark" and "connect" in type(session).__module__
