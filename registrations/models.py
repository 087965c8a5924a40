"""Who signed up for an event on the site: confirmed, on the waitlist or cancelled."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from .event_pages import ended_event_ids

NAME_MAX_LENGTH = 200
EMAIL_MAX_LENGTH = 254
TEXT_MAX_LENGTH = 200
NEEDS_MAX_LENGTH = 500


class Status(models.TextChoices):
    CONFIRMED = "confirmed", "Bekräftad"
    WAITLISTED = "waitlisted", "Reservlista"
    CANCELLED = "cancelled", "Avbokad"


class Role(models.TextChoices):
    ELECTED = "fortroendevald", "Förtroendevald"
    OFFICIAL = "tjansteperson", "Tjänsteperson"
    OTHER = "annan", "Annan"


class Message(models.TextChoices):
    """The e-mail a registration is waiting to be sent; empty once it has gone out."""

    NONE = "", "Inget"
    CONFIRMED = "confirmed", "Bekräftelse"
    WAITLISTED = "waitlisted", "Plats på reservlistan"
    PROMOTED = "promoted", "Plats från reservlistan"
    CANCELLED = "cancelled", "Avbokning"


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

    def unsent(self):
        return self.exclude(pending_message=Message.NONE)

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

    # Stored first, sent afterwards: a failing mail server never loses a registration.
    pending_message = models.CharField(
        "e-post att skicka", max_length=20, choices=Message.choices, blank=True, default=Message.NONE
    )
    confirmation_sent_at = models.DateTimeField("bekräftelse skickad", null=True, blank=True)
    last_email_at = models.DateTimeField("senaste e-post skickad", null=True, blank=True)
    email_failed = models.BooleanField("e-post misslyckades", default=False)
    email_attempts = models.PositiveSmallIntegerField("försök att skicka e-post", default=0)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "anmälan"
        verbose_name_plural = "anmälningar"
        ordering = ["event", "pk"]
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
