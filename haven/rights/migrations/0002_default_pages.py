"""The international-minimum rights pages, in every language shipped in
rights/default_pages/. Administrators then edit them or add national ones."""

import json
from pathlib import Path

from django.db import migrations
from django.utils import timezone

PAGES = Path(__file__).resolve().parent.parent / "default_pages"


def load_default_pages(apps, schema_editor):
    RightsPage = apps.get_model("rights", "RightsPage")
    for path in sorted(PAGES.glob("*.json")):
        language = path.stem
        for page in json.loads(path.read_text(encoding="utf-8")):
            RightsPage.objects.update_or_create(
                slug=page["slug"], language=language, jurisdiction="",
                defaults={
                    "position": page["position"], "title": page["title"],
                    "summary": page["summary"], "body": page["body"],
                    "sources": page["sources"], "updated_at": timezone.now(),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("rights", "0001_initial")]

    operations = [migrations.RunPython(load_default_pages, migrations.RunPython.noop)]
