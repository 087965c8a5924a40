"""The fields every stored e-mail shares, whatever app queues it (core/outbox.py sends them)."""

from django.db import models
from django.utils import timezone


class EmailState(models.TextChoices):
    """Where a stored e-mail stands; failed is final and shown to editors."""

    PENDING = "pending", "Väntar på att skickas"
    SENT = "sent", "Skickat"
    FAILED = "failed", "Misslyckades"
    DROPPED = "dropped", "Behövdes inte längre"


class QueuedEmail(models.Model):
    """One e-mail stored with the change that causes it and sent by a background task, with retries."""

    state = models.CharField(
        "status", max_length=20, choices=EmailState.choices, default=EmailState.PENDING, db_index=True
    )
    # Never above EMAIL_MAX_ATTEMPTS: the count stops where the e-mail is marked failed.
    attempts = models.PositiveSmallIntegerField("försök", default=0)
    next_attempt_at = models.DateTimeField("nästa försök", default=timezone.now, db_index=True)
    # A worker that takes the e-mail holds it until then; after a crash another may try again.
    claimed_until = models.DateTimeField("upptaget till", null=True, blank=True)
    last_error = models.CharField("senaste fel", max_length=500, blank=True)
    created_at = models.DateTimeField("skapat", default=timezone.now)
    sent_at = models.DateTimeField("skickat", null=True, blank=True)

    class Meta:
        abstract = True
