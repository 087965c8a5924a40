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
        settings.AUTH_USER_MODEL,
        verbose_name="beställd av",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Den som bad om filen; bara hen kan hämta den.",
    )
    # The listing's admin address and query string (its filters, search and order): the worker sets up the
    # listing's own view with them, so the file holds exactly what the editor was looking at.
    source = models.CharField("lista", max_length=300, help_text="Adminlistan som exporteras.")
    query = models.TextField("filter", blank=True, help_text="Listans filter, sökning och ordning.")
    filename = models.CharField("filnamn", max_length=200, help_text="Namnet filen laddas ner med.")
    file = models.FileField(
        "fil", storage=export_storage, upload_to="exports/", blank=True, help_text="Filen, när den är skriven."
    )
    state = models.CharField(
        "status",
        max_length=10,
        choices=ExportState.choices,
        default=ExportState.PENDING,
        help_text="Om filen förbereds, är klar eller misslyckades.",
    )
    rows = models.PositiveIntegerField("rader", null=True, blank=True, help_text="Antal rader i filen.")
    created_at = models.DateTimeField("beställd", auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField("klar", null=True, blank=True, help_text="När filen blev klar.")

    class Meta:
        verbose_name = "exportfil"
        verbose_name_plural = "exportfiler"
        ordering = ["-created_at"]

    def __str__(self):
        return self.filename
