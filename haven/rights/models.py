from __future__ import annotations

from django.db import models

from haven.platform.concurrency import Versioned


class RightsPage(Versioned):
    """One page of the portal's "Your rights", in one language for one
    jurisdiction ("" is the default shown everywhere without its own)."""

    slug = models.SlugField(max_length=60)
    language = models.CharField(max_length=8)
    jurisdiction = models.CharField(max_length=2, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    # Paragraph references, e.g. ["IPU-118 op.21", "IPU-145 op.17"].
    sources = models.JSONField(default=list)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "language", "jurisdiction"], name="rights_page_unique"
            )
        ]
        ordering = ["position", "slug"]
