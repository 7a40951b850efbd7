"""Drafts of guidelines, stored as the pack's files: one row per document (its text and a version number).

A document's ``text`` is exactly the file a pack holds at ``path`` (YAML or Markdown), so export writes it out
as it is. ``version`` grows by one on every save; a save that names an older version is refused (two editors
never overwrite each other silently).
"""

from django.conf import settings
from django.db import models


class Draft(models.Model):
    """A guideline being written; its slug is the pack's folder name. Visible to editors only."""

    slug = models.SlugField(max_length=63, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_folder = models.CharField(
        max_length=500, blank=True, help_text="The content-directory folder the draft was published to."
    )

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.slug


class DraftDocument(models.Model):
    """One file of a draft pack, e.g. ``guideline.yaml`` or ``recommendations/01-aktivitet.yaml``."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="documents")
    path = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("path",)
        constraints = (models.UniqueConstraint(fields=("draft", "path"), name="draft_document_path_unique"),)

    def __str__(self) -> str:
        return f"{self.draft.slug}/{self.path} v{self.version}"
