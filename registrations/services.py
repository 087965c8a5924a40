"""Signing up and cancelling under the event's lock, so seats are never overbooked (docs/registrations.md)."""

import enum
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.models import Page

from events.models import RegistrationState

from . import outbox
from .models import EmailKind, EmailState, OutgoingEmail, Registration, Status


class Outcome(enum.Enum):
    """The answer a sign-up gets; each has its Swedish heading on the result page."""

    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    FULL = "full"
    NOT_OPEN = "not_open"
    CLOSED = "closed"


@dataclass
class SignupResult:
    """The answer to a sign-up, and the e-mails to dispatch once its transaction has committed."""

    outcome: Outcome
    registration: Registration | None = None
    position: int | None = None
    emails: list = field(default_factory=list)


def lock_event(event):
    """Takes the row lock on the event's page until the transaction ends (a no-op on SQLite, which
    serialises writes anyway). Every sign-up and cancellation of the event queues here."""
    list(Page.objects.select_for_update().filter(pk=event.pk).values_list("pk", flat=True))


def all_parts(event):
    return list(event.parts.all()) if hasattr(event, "parts") else []


def covered_parts(event, parts):
    """The parts a registration takes a seat in: those chosen, or all of the series when none were asked."""
    return list(parts) if parts else all_parts(event)


def has_room(event, parts):
    """True if the event, and every part the registration covers, has a free seat."""
    confirmed = Registration.objects.filter(event_id=event.pk).confirmed()
    if event.seat_limit is not None and confirmed.count() >= event.seat_limit:
        return False
    for part in covered_parts(event, parts):
        if part.seat_limit is None:
            continue
        # A registration without chosen parts covers the whole series, so it takes a seat in every part.
        taking = confirmed.filter(Q(parts=part) | Q(parts__isnull=True)).distinct().count()
        if taking >= part.seat_limit:
            return False
    return True


def seats_left(event):
    """Free seats of the event, or None when it has no limit."""
    if event.seat_limit is None:
        return None
    return max(event.seat_limit - Registration.objects.filter(event_id=event.pk).confirmed().count(), 0)


def find_active(event, email):
    return (
        Registration.objects.filter(event_id=event.pk)
        .active()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=email.lower())
        .first()
    )


def state_outcome(event):
    """The outcome for an event that does not take sign-ups right now, or None when it does."""
    state = event.registration_state
    if state == RegistrationState.OPEN:
        return None
    if state == RegistrationState.NOT_OPEN:
        return Outcome.NOT_OPEN
    if state == RegistrationState.FULL:
        return Outcome.FULL
    return Outcome.CLOSED


def register(event, *, name, email, parts=(), **answers):
    """Stores one sign-up as confirmed or waitlisted, or says why not; its e-mail is queued with it.

    An address that is already registered gets the answer a new one would get, and its owner an
    e-mail saying so, so the form tells nobody who has signed up.
    """
    refused = state_outcome(event)
    if refused:
        return SignupResult(refused)
    with transaction.atomic():
        lock_event(event)
        existing = find_active(event, email)
        if existing:
            return answer_as_new(event, parts, existing)
        if has_room(event, parts):
            status = Status.CONFIRMED
        elif event.waitlist_enabled:
            status = Status.WAITLISTED
        else:
            return SignupResult(Outcome.FULL)
        try:
            with transaction.atomic():
                registration = Registration.objects.create(
                    event_id=event.pk, name=name, email=email, status=status, consent_at=timezone.now(), **answers
                )
        except IntegrityError:
            # The unique constraint on (event, lower(email)) is the last word, whatever the database.
            return answer_as_new(event, parts, find_active(event, email))
        if parts:
            registration.parts.set(parts)
        emails = [outbox.queue(registration, EmailKind(status.value))]
    if status == Status.CONFIRMED:
        return SignupResult(Outcome.CONFIRMED, registration, emails=emails)
    return SignupResult(Outcome.WAITLISTED, registration, registration.waitlist_position, emails=emails)


def answer_as_new(event, parts, existing):
    """The answer a new address would get now, for an address already registered; its owner is told."""
    emails = [outbox.queue(existing, EmailKind.ALREADY_REGISTERED)] if existing else []
    if has_room(event, parts):
        return SignupResult(Outcome.CONFIRMED, emails=emails)
    if event.waitlist_enabled:
        position = Registration.objects.filter(event_id=event.pk).waitlisted().count() + 1
        return SignupResult(Outcome.WAITLISTED, position=position, emails=emails)
    return SignupResult(Outcome.FULL, emails=emails)


def promote_waitlist(event):
    """Moves people from the waitlist, first come first served, while their seats are free, and queues
    their e-mail. Call under the lock."""
    promoted = []
    for registration in Registration.objects.filter(event_id=event.pk).waitlist_order().prefetch_related("parts"):
        if event.seat_limit is not None and seats_left(event) == 0:
            break
        if has_room(event, list(registration.parts.all())):
            registration.status = Status.CONFIRMED
            registration.promoted_at = timezone.now()
            registration.save(update_fields=["status", "promoted_at"])
            outbox.queue(registration, EmailKind.PROMOTED)
            promoted.append(registration)
    return promoted


def cancel(registration, event):
    """Cancels a registration, frees its seat and promotes from the waitlist; returns the promoted ones.

    Returns None if it was already cancelled. The e-mails are queued; send_queued() dispatches them.
    """
    with transaction.atomic():
        lock_event(event)
        current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if current is None or current.status == Status.CANCELLED:
            return None
        freed_seat = current.status == Status.CONFIRMED
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        outbox.queue(current, EmailKind.CANCELLED)
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        return promote_waitlist(event) if freed_seat else []


def erase(registration, event):
    """Deletes a registration (say, on a request to erase it), frees its seat and promotes from the
    waitlist; returns the promoted ones. Nothing is sent to the erased person."""
    with transaction.atomic():
        lock_event(event)
        current = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if current is None:
            return []
        freed_seat = current.status == Status.CONFIRMED
        current.delete()
        return promote_waitlist(event) if freed_seat else []


def send_queued(registrations):
    """Dispatches the pending e-mails of these registrations to the queue; call after the transaction."""
    pending = OutgoingEmail.objects.filter(registration__in=[r.pk for r in registrations], state=EmailState.PENDING)
    outbox.dispatch(list(pending))
