"""Reminders before an event or each part of a series, to confirmed registrants only, each one once.

A periodic job (settings.PERIODIC_JOBS) looks every minute for occasions whose reminder time has come
and queues one OutgoingEmail per registration and occasion; a unique constraint makes a second run,
or a retried one after a worker crash, queue nothing new (docs/registrations.md).
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from events.models import EVENT_MODELS, EventStatus

from . import outbox
from .models import EmailKind, OutgoingEmail, Registration


def reminder_time(start, hours):
    """`hours` before `start` on the Swedish wall clock: a day before 10.00 is 10.00 the day before,
    also when the clocks change in between (then 23 or 25 real hours)."""
    local = timezone.localtime(start)
    return timezone.make_aware(local.replace(tzinfo=None) - dt.timedelta(hours=hours))


def occasions(event):
    """(key, start, part) of what a registrant is reminded of: each dated part of a series, or the event."""
    parts = list(event.parts.all()) if hasattr(event, "parts") else []
    if parts:
        return [(f"part-{part.pk}", part.start, part) for part in parts if not part.cancelled]
    return [("event", event.start, None)] if event.start else []


def events_with_reminders(now):
    """Live events with on-site registration, reminders switched on, not cancelled and not long over."""
    recent = now - dt.timedelta(days=1)
    for model in EVENT_MODELS:
        yield from (
            model.objects.live()
            .filter(
                Q(end__gte=recent) | Q(start__gte=recent),
                onsite_registration=True,
                reminder_hours__gt=0,
            )
            .exclude(status=EventStatus.CANCELLED)
        )


def recipients(event, part):
    """Confirmed registrations of the event; for a part, those who chose it or the whole series."""
    confirmed = Registration.objects.filter(event_id=event.pk).confirmed()
    if part is not None:
        confirmed = confirmed.filter(Q(parts=part) | Q(parts__isnull=True)).distinct()
    return confirmed


def queue_due_reminders(now=None):
    """The periodic job: queues and dispatches every reminder whose time has come; returns them."""
    now = now or timezone.now()
    queued = []
    for event in events_with_reminders(now):
        for key, start, part in occasions(event):
            if not reminder_time(start, event.reminder_hours) <= now < start:
                continue
            reminded = OutgoingEmail.objects.filter(reminder_for=key, registration__event_id=event.pk)
            for registration in recipients(event, part).exclude(pk__in=reminded.values("registration_id")):
                try:
                    with transaction.atomic():
                        queued.append(outbox.queue(registration, EmailKind.REMINDER, reminder_for=key, part=part))
                except IntegrityError:  # Another run queued it a moment ago: once is enough.
                    continue
    outbox.dispatch(queued)
    return queued
