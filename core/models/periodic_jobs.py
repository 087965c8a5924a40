"""When each periodic job last ran and how it went, kept in the database so every worker agrees."""

from django.db import models


class JobOutcome(models.TextChoices):
    """How the last run of a periodic job went, as the admin shows it."""

    NEVER = "", "Har inte körts"
    RUNNING = "running", "Körs"
    SUCCEEDED = "succeeded", "Lyckades"
    FAILED = "failed", "Misslyckades"


class PeriodicJob(models.Model):
    """One job of settings.PERIODIC_JOBS: the next time it is due and the outcome of its last run."""

    name = models.CharField("jobb", max_length=100, unique=True, help_text="Jobbets namn i inställningarna.")
    next_run_at = models.DateTimeField(
        "nästa körning", null=True, blank=True, help_text="När bakgrundsprocessen kör jobbet nästa gång."
    )
    last_started_at = models.DateTimeField(
        "senast startad", null=True, blank=True, help_text="Senaste körningens start."
    )
    last_finished_at = models.DateTimeField("senast klar", null=True, blank=True, help_text="Senaste körningens slut.")
    last_outcome = models.CharField(
        "utfall",
        max_length=20,
        choices=JobOutcome.choices,
        blank=True,
        default=JobOutcome.NEVER,
        help_text="Hur den senaste körningen gick.",
    )
    last_error = models.TextField("senaste fel", blank=True, help_text="Felet från den senaste misslyckade körningen.")
    last_succeeded_at = models.DateTimeField(
        "senast lyckad", null=True, blank=True, help_text="Senaste körningen som gick bra."
    )

    class Meta:
        verbose_name = "schemalagt jobb"
        verbose_name_plural = "schemalagda jobb"
        ordering = ["name"]

    def __str__(self):
        return self.name
