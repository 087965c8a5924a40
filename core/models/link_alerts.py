"""Pages that link to a page which was unpublished, moved or deleted, for their owners to check."""

from django.db import models
from django.utils import timezone


class LinkChange(models.TextChoices):
    UNPUBLISHED = "unpublished", "avpublicerades"
    MOVED = "moved", "flyttades"
    DELETED = "deleted", "raderades"


class LinkAlert(models.Model):
    """A page links (rich text, a link or contact block, a related page) to a page that changed under it;
    found with Wagtail's reference index and shown to the linking page's owner."""

    # Written by the page signals only, never edited in a form: hence editable=False throughout.

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="sida med länken", on_delete=models.CASCADE, related_name="+", editable=False
    )
    # Not a foreign key: the target may be gone.
    target_id = models.PositiveIntegerField("länkad sida (id)", editable=False)
    target_title = models.CharField("länkad sida", max_length=255, editable=False)
    change = models.CharField("vad hände", max_length=20, choices=LinkChange.choices, editable=False)
    created_at = models.DateTimeField("tidpunkt", default=timezone.now, db_index=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["page", "created_at"], name="core_linkalert_page_idx")]
        verbose_name = "ändrad länkad sida"
        verbose_name_plural = "ändrade länkade sidor"

    def __str__(self):
        return f"{self.target_title} {self.get_change_display()}"
