"""Published editions: numbered, dated, commented snapshots of a guideline's whole pack (numbered per
guideline). Never changed once stored.

Immutability is enforced twice: ``save``/``delete`` refuse, and database triggers (SQLite and PostgreSQL)
reject UPDATE and DELETE on the table, so bulk query updates cannot bypass it either.
"""

from typing import Any

from django.conf import settings
from django.db import models

from gradeline.content.packs import DEFAULT_SLUG
from gradeline.model import Guideline


class EditionImmutable(Exception):
    """A published edition cannot be changed or deleted."""


class GuidelineEditions(models.Manager["Edition"]):
    """``Edition.objects.of_active()``: the editions of the guideline active in this request."""

    def of_active(self) -> "models.QuerySet[Edition]":
        from gradeline.web.guidelines.catalogue import active_slug  # the catalogue reads packs, not models

        return self.filter(guideline_slug=active_slug())


class Edition(models.Model):
    guideline_slug = models.CharField(
        max_length=63,
        default=DEFAULT_SLUG,
        db_index=True,
        help_text="The guideline's slug (its pack folder).",
    )
    major = models.PositiveIntegerField()
    minor = models.PositiveIntegerField()
    comment = models.TextField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    status_value = models.CharField(max_length=20, help_text="in_force | not_in_force | draft")
    status_label = models.CharField(max_length=100)
    status_since = models.DateField(null=True, blank=True)
    status_note = models.TextField()
    snapshot = models.JSONField(help_text="The whole pack, as gradeline export json.")

    objects = GuidelineEditions()

    class Meta:
        ordering = (
            "-major",
            "-minor",
        )
        constraints = (
            models.UniqueConstraint(
                fields=("guideline_slug", "major", "minor"), name="edition_number_unique_per_guideline"
            ),
        )

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        return f"{self.major}.{self.minor}"

    @property
    def in_force(self) -> bool:
        return self.status_value == "in_force"

    def guideline(self) -> Guideline:
        """The pack as it was published."""
        data = {k: v for k, v in self.snapshot.items() if k not in ("$schema", "generator")}
        return Guideline.model_validate(data)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise EditionImmutable(f"edition {self.number} is published and cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise EditionImmutable(f"edition {self.number} is published and cannot be deleted")
