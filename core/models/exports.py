"""Spreadsheet files too large to write during the editor's request: written by the worker, kept privately
for the editor who asked, and removed after EXPORT_KEEP_HOURS."""

import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models


def export_storage():
    """The private storage of export files (STORAGES["exports"]): never served as media."""
    return storages["exports"]


class ExportState(models.TextChoices):
    """Where a background export is, as the editor's page says it."""

    PENDING = "pending", "Förbereds"
    DONE = "done", "Klar"
    FAILED = "failed", "Misslyckades"


class ExportFile(models.Model):
    """One editor's export of an admin listing, with its filters, as a file the worker writes.

    The id is random, so the address of the file cannot be guessed; the file is still served only to the
    editor who asked, while they may see the listing (core/exports/views.py).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="beställd av", on_delete=models.CASCADE, related_name="+"
    )
    # The listing's admin address and query string (its filters, search and order): the worker sets up the
    # listing's own view with them, so the file holds exactly what the editor was looking at.
    source = models.CharField("lista", max_length=300)
    query = models.TextField("filter", blank=True)
    filename = models.CharField("filnamn", max_length=200)
    file = models.FileField("fil", storage=export_storage, upload_to="exports/", blank=True)
    state = models.CharField("status", max_length=10, choices=ExportState.choices, default=ExportState.PENDING)
    rows = models.PositiveIntegerField("rader", null=True, blank=True)
    created_at = models.DateTimeField("beställd", auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        verbose_name = "exportfil"
        verbose_name_plural = "exportfiler"
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename
