"""The e-mails to people who signed up, with an .ics invitation; built here, sent by registrations/outbox.py."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import single_line
from events import calendar
from events.formatting import when

from .links import manage_path, max_age
from .models import EmailKind

SUBJECTS = {
    EmailKind.CONFIRMED: _("Du är anmäld till {title}"),
    EmailKind.WAITLISTED: _("Du står på reservlistan till {title}"),
    EmailKind.PROMOTED: _("Du har fått en plats på {title}"),
    EmailKind.CANCELLED: _("Din anmälan till {title} är avbokad"),
    EmailKind.ALREADY_REGISTERED: _("Du är redan anmäld till {title}"),
    EmailKind.REMINDER: _("Påminnelse: {title}"),
    EmailKind.MOVED: _("Ny tid: {title}"),
}
WITHOUT_INVITATION = {EmailKind.CANCELLED, EmailKind.ALREADY_REGISTERED}


def absolute_url(event, path):
    site = event.get_site()
    base = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return base.rstrip("/") + path


def invitation(event, registration, part=None):
    """The event (or the chosen parts of a series, or the one part reminded of) as iCalendar bytes."""
    entries = event.calendar_entries()
    chosen = {part.pk} if part else {chosen.pk for chosen in registration.parts.all()}
    if chosen:
        entries = [entry for entry in entries if any(entry.uid.startswith(f"seminar-part-{pk}@") for pk in chosen)]
    return calendar.build_calendar(entries, name=event.title).to_ical()


def occasion(event, part):
    """When and where (or the webcast link) of what a reminder is about: the event or one series part."""
    if part:
        time = f"{part.date_display} {part.time_range}".strip() if part.has_time else part.date_display
        return {"when": time, "webcast_url": part.webcast_url or event.webcast_url, "theme": part.theme}
    return {"when": when(event.start, event.end), "webcast_url": event.webcast_url, "theme": ""}


def message_id(email):
    """The same Message-ID on every try of one e-mail, so a receiver can drop a copy sent twice."""
    domain = calendar.uid_domain().split(":", 1)[0]
    return f"<{email.kind}-{email.pk}-{email.registration.public_id.hex}@{domain}>"


def build_message(email):
    """The EmailMessage for a stored OutgoingEmail, in the language of the event's page."""
    event = email.registration.event.specific
    with translation.override(event.locale.language_code):
        return _build_message(email, event)


def _build_message(email, event):
    registration = email.registration
    kind = EmailKind(email.kind)
    context = {
        "kind": kind.value,
        "registration": registration,
        "event": event,
        "occasion": occasion(event, email.part) if kind in (EmailKind.REMINDER, EmailKind.MOVED) else None,
        "event_url": event.get_full_url() or "",
        "manage_url": absolute_url(event, manage_path(registration)),
        "link_days": max_age().days,
        "position": registration.waitlist_position,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMessage(
        # A line break in a header makes Django refuse to send: the title goes on one line.
        subject=str(SUBJECTS[kind]).format(title=single_line(event.title)),
        body=render_to_string("registrations/email/message.txt", context),
        to=[registration.email],
        headers={"Message-ID": message_id(email)},
    )
    if kind not in WITHOUT_INVITATION and event.has_calendar and registration.is_active:
        message.attach(f"{event.slug}.ics", invitation(event, registration, email.part), "text/calendar; charset=utf-8")
    return message
