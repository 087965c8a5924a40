"""E-mail to the people who signed up, with an .ics invitation; stored first, sent afterwards, retried by cron."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone

from core.text import single_line
from events import calendar

from .links import manage_path, max_age
from .models import Message, Registration

logger = logging.getLogger(__name__)

SUBJECTS = {
    Message.CONFIRMED: "Du är anmäld till {title}",
    Message.WAITLISTED: "Du står på reservlistan till {title}",
    Message.PROMOTED: "Du har fått en plats på {title}",
    Message.CANCELLED: "Din anmälan till {title} är avbokad",
}
WITH_INVITATION = {Message.CONFIRMED, Message.WAITLISTED, Message.PROMOTED}


def absolute_url(event, path):
    site = event.get_site()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def invitation(event, registration):
    """The event (or the chosen parts of a series) as iCalendar bytes."""
    entries = event.calendar_entries()
    chosen = {part.pk for part in registration.parts.all()}
    if chosen:
        entries = [entry for entry in entries if any(entry.uid.startswith(f"seminar-part-{pk}@") for pk in chosen)]
    return calendar.build_calendar(entries, name=event.title).to_ical()


def build_message(registration, event):
    kind = Message(registration.pending_message)
    context = {
        "kind": kind.value,
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url() or "",
        "manage_url": absolute_url(event, manage_path(registration)),
        "link_days": max_age().days,
        "position": registration.waitlist_position,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMessage(
        # A line break in a header makes Django refuse to send: the title goes on one line.
        subject=SUBJECTS[kind].format(title=single_line(event.title)),
        body=render_to_string("registrations/email/message.txt", context),
        to=[registration.email],
    )
    if kind in WITH_INVITATION and event.has_calendar:
        message.attach(f"{event.slug}.ics", invitation(event, registration), "text/calendar; charset=utf-8")
    return message


def send_pending(registration, event=None):
    """Sends the registration's waiting e-mail; True if sent (or nothing to send). Failures are recorded."""
    kind = registration.pending_message
    if not kind:
        return True
    event = event or registration.event.specific
    try:
        build_message(registration, event).send()
    except Exception:  # Any mail server error: the registration stays and the cron job retries.
        logger.exception("Registration e-mail %s to registration %s failed", kind, registration.pk)
        Registration.objects.filter(pk=registration.pk).update(
            email_failed=True, email_attempts=F("email_attempts") + 1
        )
        registration.email_failed = True
        return False
    now = timezone.now()
    updates = {"last_email_at": now, "email_failed": False, "email_attempts": F("email_attempts") + 1}
    if kind in (Message.CONFIRMED, Message.WAITLISTED):
        updates["confirmation_sent_at"] = Coalesce(F("confirmation_sent_at"), now)
    # Only clear the message that was sent: a cancellation queued meanwhile must still go out.
    Registration.objects.filter(pk=registration.pk, pending_message=kind).update(
        pending_message=Message.NONE, **updates
    )
    Registration.objects.filter(pk=registration.pk).exclude(pending_message=Message.NONE).update(**updates)
    registration.refresh_from_db()
    return True
