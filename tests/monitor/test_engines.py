"""DuckDB's memory ceiling and spill folder are set as asked (options or environment)."""

from pathlib import Path

import duckdb
import pytest

from gradeline.monitor.engines import DuckDBLimits, EngineError


def test_limits_are_applied_to_the_connection(tmp_path: Path) -> None:
    con = duckdb.connect()
    DuckDBLimits("300MB", tmp_path / "spill").apply(con)
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()
    folder = con.execute("SELECT current_setting('temp_directory')").fetchone()
    assert limit is not None and limit[0] in ("286.1 MiB", "300.0 MB")
    assert folder is not None and Path(folder[0]) == tmp_path / "spill"
    assert (tmp_path / "spill").is_dir()


def test_limits_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GRADELINE_DUCKDB_MEMORY_LIMIT", "2GiB")
    monkeypatch.setenv("GRADELINE_DUCKDB_TEMP_DIR", str(tmp_path))
    assert DuckDBLimits.from_env() == DuckDBLimits("2GiB", tmp_path)
    monkeypatch.setenv("GRADELINE_DUCKDB_MEMORY_LIMIT", "")
    assert DuckDBLimits.from_env().memory_limit is None


def test_bad_limits_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="write it like 6GB"):
        DuckDBLimits("6 gigs")
    (tmp_path / "file").write_text("x")
    with pytest.raises(EngineError, match="is not a folder"):
        DuckDBLimits(None, tmp_path / "file")


def test_a_temp_folder_holds_the_runs_database_and_nothing_is_left(tmp_path: Path) -> None:
    spill = tmp_path / "spill"
    with DuckDBLimits("300MB", spill).connect() as con:
        con.execute("CREATE TABLE t AS SELECT range AS i FROM range(100000)")
        databases = list(spill.glob("gradeline-run-*.duckdb"))
        row = con.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()
        assert len(databases) == 1
        assert row is not None and Path(row[0]) == databases[0]  # tables go to the file, not to memory
    assert list(spill.iterdir()) == []


def test_without_a_temp_folder_the_database_is_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with DuckDBLimits().connect() as con:
        row = con.execute("SELECT current_database()").fetchone()
        assert row == ("memory",)
    assert list(tmp_path.iterdir()) == []
