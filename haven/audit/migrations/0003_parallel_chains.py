"""Parallel audit chains: an entry belongs to a chain and is numbered within
it. Existing entries form chain 1 and keep their hashes. SQLite rebuilds the
table to drop the old unique index, which drops its triggers: they are put
back at the end."""

from django.db import migrations, models

from haven.audit import db_guard


def install_guard(apps, schema_editor):
    db_guard.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [
        migrations.AlterModelOptions(
            name="auditentry",
            options={"ordering": ["created_at", "id"], "verbose_name_plural": "audit entries"},
        ),
        migrations.AddField(
            model_name="auditentry",
            name="chain",
            field=models.PositiveSmallIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="sequence",
            field=models.BigIntegerField(),
        ),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(fields=["created_at"], name="audit_created"),
        ),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.UniqueConstraint(
                fields=("chain", "sequence"), name="audit_chain_sequence"
            ),
        ),
        migrations.RunPython(install_guard, migrations.RunPython.noop),
    ]
