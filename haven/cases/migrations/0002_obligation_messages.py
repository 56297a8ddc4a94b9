"""Obligations keep the engine's messages (message id + parameters) so that they
can be shown in the reader's language; existing rows are recomputed."""

from django.db import DatabaseError, migrations, models, transaction


def recompute_existing(apps, schema_editor):
    """Recompute the obligations of every case that has rows without messages.

    The engine is deterministic from the case's facts, so recomputing is the
    faithful way to get the messages (parsing the stored English is not). It
    uses the current code, not the historical models: if a later migration
    makes that impossible, the recompute is skipped and the rows keep showing
    their stored English until the case's facts next change, as any row without
    messages does (cases/obligations.py).
    """
    Obligation = apps.get_model("cases", "Obligation")
    case_ids = list(
        Obligation.objects.filter(messages={}).values_list("case_id", flat=True).distinct()
    )
    if not case_ids:
        return
    from haven.cases.models import Case
    from haven.cases.obligations import obligations_refresh

    try:
        with transaction.atomic():
            for case in Case.objects.filter(pk__in=case_ids).select_related("person"):
                obligations_refresh(case)
    except DatabaseError:
        pass


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="obligation",
            name="messages",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(recompute_existing, migrations.RunPython.noop),
    ]
