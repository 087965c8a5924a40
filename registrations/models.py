"""Who signed up for an event on the site: confirmed, on the waitlist or cancelled."""

import datetime as dt
import uuid

from django.conf import settings
from django.contrib import admin
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.bulk_delete import delete_by_ids
from core.models import EmailState, QueuedEmail

from .event_pages import ended_event_ids

NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
TEXT_MAX_LENGTH = 200
NEEDS_MAX_LENGTH = 500
# Registrations deleted per transaction by a purge (91,778 rows: 2.3 s in batches of 10,000, 3.4 s of 2,000).
DELETE_BATCH = 10_000


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("Bekräftad")
    WAITLISTED = "waitlisted", _("Reservlista")
    CANCELLED = "cancelled", _("Avbokad")


class Role(models.TextChoices):
    ELECTED = "fortroendevald", _("Förtroendevald")
    OFFICIAL = "tjansteperson", _("Tjänsteperson")
    OTHER = "annan", _("Annan")


class EmailKind(models.TextChoices):
    """What an e-mail to a registrant says."""

    CONFIRMED = "confirmed", "Bekräftelse"
    WAITLISTED = "waitlisted", "Plats på reservlistan"
    PROMOTED = "promoted", "Plats från reservlistan"
    CANCELLED = "cancelled", "Avbokning"
    ALREADY_REGISTERED = "already_registered", "Redan anmäld"
    REMINDER = "reminder", "Påminnelse"
    MOVED = "moved", "Ny tid för en del"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Status.WAITLISTED)

    def waitlist_order(self):
        # Ids grow in the order sign-ups were stored under the event's lock, so they are the queue order.
        return self.waitlisted().order_by("pk")

    def delete_in_batches(self, size=None):
        """Deletes these registrations DELETE_BATCH at a time, each batch in a transaction of its own; returns
        how many. A purge of 100,000 rows neither holds every row in memory nor locks them all at once, and
        builds no instances: each batch is a query for its ids and one DELETE per table (core.bulk_delete)."""
        size = size or DELETE_BATCH
        deleted = 0
        while ids := list(self.order_by("pk").values_list("pk", flat=True)[:size]):
            with transaction.atomic():
                deleted += delete_by_ids(Registration, ids)
        return deleted

    def expired(self, days=None, now=None):
        """Registrations of events that ended more than `days` days ago (REGISTRATION_RETENTION_DAYS)."""
        days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
        cutoff = (now or timezone.now()) - dt.timedelta(days=days)
        return self.filter(event_id__in=ended_event_ids(cutoff))


class Registration(models.Model):
    """One person's registration for an event page (and, for a series, for some of its parts)."""

    public_id = models.UUIDField("publik nyckel", default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        "wagtailcore.Page", verbose_name="evenemang", on_delete=models.CASCADE, related_name="registrations"
    )
    parts = models.ManyToManyField("events.SeminarPart", verbose_name="delar", blank=True, related_name="registrations")
    status = models.CharField("status", max_length=20, choices=Status.choices, db_index=True)

    name = models.CharField("namn", max_length=NAME_MAX_LENGTH)
    email = models.EmailField("e-post", max_length=EMAIL_MAX_LENGTH)
    organisation = models.CharField("organisation", max_length=TEXT_MAX_LENGTH, blank=True)
    municipality = models.CharField("kommun eller region", max_length=TEXT_MAX_LENGTH, blank=True)
    role = models.CharField("roll", max_length=20, choices=Role.choices, blank=True)
    needs = models.TextField("specialkost eller tillgänglighet", max_length=NEEDS_MAX_LENGTH, blank=True)
    consent_at = models.DateTimeField("samtycke lämnat")

    created_at = models.DateTimeField("anmäld", default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField("flyttad från reservlistan", null=True, blank=True)
    cancelled_at = models.DateTimeField("avbokad", null=True, blank=True)

    confirmation_sent_at = models.DateTimeField("bekräftelse skickad", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "anmälan"
        verbose_name_plural = "anmälningar"
        ordering = ["event", "pk"]
        indexes = [
            # An event's registrations by status: the per-event counts, the waitlist and its positions.
            models.Index(fields=["event", "status"], name="registration_event_status_idx"),
        ]
        constraints = [
            # One active registration per e-mail address and event, whatever the letter case.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="cancelled"),
                name="registration_unique_active_email_per_event",
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def is_active(self):
        return self.status != Status.CANCELLED

    @property
    def waitlist_position(self):
        """1 for the first in the queue; None unless on the waitlist."""
        if self.status != Status.WAITLISTED:
            return None
        return Registration.objects.filter(event_id=self.event_id).waitlisted().filter(pk__lte=self.pk).count()

    @property
    def status_label(self):
        return self.get_status_display()

    @property
    def role_label(self):
        return self.get_role_display()

    @property
    def parts_display(self):
        return ", ".join(str(part) for part in self.parts.all())

    @property
    @admin.display(description="E-post")
    def email_log(self):
        """Each e-mail to this person and how it went, for the admin's inspect view."""
        lines = []
        for email in self.emails.all():
            line = f"{email.get_kind_display()}: {email.get_state_display()}"
            if email.state in (EmailState.PENDING, EmailState.FAILED) and email.last_error:
                line += f" efter {email.attempts} försök ({email.last_error})"
            lines.append(line)
        return "; ".join(lines) or "Inget"


class OutgoingEmail(QueuedEmail):
    """One e-mail to a registrant, stored with the change that causes it and sent by a background task.

    A failed attempt is tried again later with growing delays (registrations/outbox.py); after
    EMAIL_MAX_ATTEMPTS it is marked failed, which editors see in the registrations list.
    """

    registration = models.ForeignKey(
        Registration, verbose_name="anmälan", on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField("slag", max_length=20, choices=EmailKind.choices)
    # What a reminder is for, "event" or "part-<id>": one reminder per registration and occasion, ever.
    reminder_for = models.CharField("påminnelse om", max_length=30, blank=True)
    part = models.ForeignKey(
        "events.SeminarPart", verbose_name="del", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = "e-postmeddelande"
        verbose_name_plural = "e-postmeddelanden"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "reminder_for"],
                condition=~Q(reminder_for=""),
                name="outgoing_email_one_reminder_per_occasion",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} till anmälan {self.registration_id}"
