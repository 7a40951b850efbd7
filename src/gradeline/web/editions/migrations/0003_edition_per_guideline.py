"""Editions belong to a guideline (its slug); numbers are unique per guideline. Existing editions are the
first guideline's. SQLite rebuilds the table for these changes, which drops its triggers, so the append-only
trigger is installed again (dropped first where it survived, as on PostgreSQL)."""

from typing import Any

from django.db import migrations, models

from gradeline.content.packs import DEFAULT_SLUG
from gradeline.web.append_only import _sql

TABLE = "gradeline_editions_edition"


def _reinstall(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    for statement in [*_sql(vendor, TABLE, drop=True), *_sql(vendor, TABLE, drop=False)]:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("gradeline_editions", "0002_append_only")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _reinstall),  # after undoing the changes below
        migrations.RemoveConstraint(model_name="edition", name="edition_number_unique"),
        migrations.AddField(
            model_name="edition",
            name="guideline_slug",
            field=models.CharField(
                db_index=True,
                default=DEFAULT_SLUG,  # the repository's first guideline (content/default-pack.txt)
                help_text="The guideline's slug (its pack folder).",
                max_length=63,
            ),
        ),
        migrations.AddConstraint(
            model_name="edition",
            constraint=models.UniqueConstraint(
                fields=("guideline_slug", "major", "minor"), name="edition_number_unique_per_guideline"
            ),
        ),
        migrations.RunPython(_reinstall, migrations.RunPython.noop),
    ]
