"""The database itself refuses UPDATE and DELETE on audit entries, and the
chain head starts at the genesis hash."""

from django.db import migrations

from haven.audit import db_guard
from haven.audit.domain.chain import GENESIS_HASH


def install_guard(apps, schema_editor):
    db_guard.install(schema_editor.connection)


def remove_guard(apps, schema_editor):
    db_guard.remove(schema_editor.connection)


def create_head(apps, schema_editor):
    AuditHead = apps.get_model("audit", "AuditHead")
    AuditHead.objects.get_or_create(pk=1, defaults={"last_sequence": 0, "last_hash": GENESIS_HASH})


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [
        migrations.RunPython(create_head, migrations.RunPython.noop),
        migrations.RunPython(install_guard, remove_guard),
    ]
