from django.db import migrations

from gradeline.web.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("gradeline_editions", "0001_initial")]
    operations = [append_only("gradeline_editions_edition")]
