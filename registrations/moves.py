"""When a series part moves, its registrants get the new time and an updated .ics by e-mail."""

from django.db import transaction

from . import outbox
from .models import EmailKind
from .reminders import recipients


def tell_registrants_of_move(sender, part, previous=None, **kwargs):
    """Queues a "Ny tid" e-mail with the part's updated calendar entry to each confirmed registrant of it."""
    event = part.page
    if not event.onsite_registration:
        return []
    with transaction.atomic():
        emails = [outbox.queue(registration, EmailKind.MOVED, part=part) for registration in recipients(event, part)]
    outbox.dispatch(emails)
    return emails
