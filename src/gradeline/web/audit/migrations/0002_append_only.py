from django.db import migrations

from gradeline.web.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("gradeline_audit", "0001_initial")]
    operations = [append_only("gradeline_audit_auditentry")]
