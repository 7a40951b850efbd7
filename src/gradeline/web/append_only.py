"""Database triggers that make a table append-only, for migrations.

PostgreSQL rejects UPDATE and DELETE (TRUNCATE, used by test flushes, is not a row event); SQLite rejects
UPDATE. Models refuse ``save()`` of a stored row and ``delete()`` in any case.
"""

from typing import Any

from django.db import migrations


def _sql(vendor: str, table: str, drop: bool) -> list[str]:
    name = f"{table}_append_only"
    if vendor == "sqlite":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {name}_u", f"DROP TRIGGER IF EXISTS {name}_d"]
        return [
            f"CREATE TRIGGER {name}_u BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows cannot be changed'); END",
        ]  # DELETE stays possible on SQLite: Django's test flush empties tables with DELETE
    if vendor == "postgresql":
        if drop:
            return [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]
        return [
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"RAISE EXCEPTION '% rows cannot be changed or deleted', TG_TABLE_NAME; END $$",
            f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}()",
        ]
    return []  # other databases: the model's save()/delete() still refuse


def append_only(table: str) -> migrations.RunPython:
    def forward(apps: Any, schema_editor: Any) -> None:
        for statement in _sql(schema_editor.connection.vendor, table, drop=False):
            schema_editor.execute(statement, params=None)

    def backward(apps: Any, schema_editor: Any) -> None:
        for statement in _sql(schema_editor.connection.vendor, table, drop=True):
            schema_editor.execute(statement, params=None)

    return migrations.RunPython(forward, backward)
