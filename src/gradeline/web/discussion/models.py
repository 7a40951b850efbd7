"""Comments on a recommendation, threaded; every version of every comment is kept."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gradeline.content.packs import DEFAULT_SLUG


class ThreadStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    ANSWERED = "answered", _("Besvaret")
    CLOSED = "closed", _("Lukket")


class GuidelineComments(models.Manager["Comment"]):
    """``Comment.objects.of_active()``: the comments on the guideline active in this request."""

    def of_active(self) -> "models.QuerySet[Comment]":
        from gradeline.web.guidelines.catalogue import active_slug  # the catalogue reads packs, not models

        return self.filter(guideline_slug=active_slug())


class Comment(models.Model):
    guideline_slug = models.CharField(
        max_length=63,
        default=DEFAULT_SLUG,
        db_index=True,
        help_text="The guideline's slug (its pack folder).",
    )
    recommendation_id = models.CharField(max_length=100, db_index=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    body = models.TextField(help_text="The current text (Markdown); earlier versions are in revisions.")
    edited_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=ThreadStatus.choices, default=ThreadStatus.OPEN)
    hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=500, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = GuidelineComments()

    class Meta:
        ordering = (
            "created_at",
            "id",
        )

    def __str__(self) -> str:
        return f"#{self.pk} on {self.recommendation_id} by {self.author_id}"


class CommentRevision(models.Model):
    """One version of a comment's text, as written: the first and every edit."""

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = (
            "created_at",
            "id",
        )
