"""Registration e-mail as background work: stored with the change that causes it, sent by a task,
tried again with growing delays, and marked failed for the editors after EMAIL_MAX_ATTEMPTS."""

import datetime as dt
import logging

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task

from core.mail import delivery_connection

from .models import EmailKind, EmailState, OutgoingEmail, Registration, Status

logger = logging.getLogger(__name__)
ERROR_MAX_LENGTH = 500
FIRST_MESSAGES = {EmailKind.CONFIRMED, EmailKind.WAITLISTED}


def retry_delay(attempts):
    """Seconds before the next try after `attempts` failed ones: 1, 2, 4, ... minutes up to the cap."""
    base, cap = settings.EMAIL_RETRY_BASE_SECONDS, settings.EMAIL_RETRY_MAX_SECONDS
    # The exponent stops growing once the cap is reached, so no number here can grow without bound.
    exponent = min(max(attempts - 1, 0), 32)
    return min(base * 2**exponent, cap)


def claim_lease():
    """How long a worker holds an e-mail it is sending: past the SMTP timeout, with room to spare."""
    return dt.timedelta(seconds=3 * settings.EMAIL_TIMEOUT + 60)


def queue(registration, kind, **extra):
    """Stores an e-mail to send; call inside the transaction that makes the change, then dispatch() it."""
    return OutgoingEmail.objects.create(registration=registration, kind=kind, **extra)


def dispatch(emails):
    """Enqueues a task for each stored e-mail; call after the transaction. A queue that is down loses
    nothing: the e-mail stays pending and send_due() picks it up."""
    for email in emails:
        try:
            deliver_email.enqueue(email.pk)
        except Exception:
            logger.exception("Could not enqueue e-mail %s; the periodic job will send it", email.pk)


@task(backend="background")
def deliver_email(email_id):
    """Sends one stored e-mail, unless another worker has it or it is already sent."""
    return deliver(email_id)


def claim(email_id, now):
    """True if this worker may send the e-mail now: pending, due, and nobody else holding it."""
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    rows = OutgoingEmail.objects.filter(free, pk=email_id, state=EmailState.PENDING, next_attempt_at__lte=now)
    return rows.update(claimed_until=now + claim_lease()) == 1


def still_wanted(email):
    """A reminder goes only to a confirmed registration of an event that is not cancelled."""
    if email.kind != EmailKind.REMINDER:
        return True
    registration = email.registration
    return registration.status == Status.CONFIRMED and not registration.event.specific.is_cancelled


def deliver(email_id):
    """Sends the e-mail and records the outcome; returns its state afterwards (or None if not taken)."""
    from .emails import build_message  # The templates and calendar need the app registry loaded.

    now = timezone.now()
    if not claim(email_id, now):
        return None
    email = OutgoingEmail.objects.select_related("registration__event", "part").get(pk=email_id)
    rows = OutgoingEmail.objects.filter(pk=email_id)
    if not still_wanted(email):
        rows.update(state=EmailState.DROPPED, claimed_until=None)
        return EmailState.DROPPED
    try:
        message = build_message(email)
        message.connection = delivery_connection()
        message.send()
    except Exception as error:  # Any mail server error: recorded, tried again later.
        return record_failure(email, error)
    rows.update(state=EmailState.SENT, sent_at=timezone.now(), claimed_until=None, attempts=email.attempts + 1)
    if email.kind in FIRST_MESSAGES:
        Registration.objects.filter(pk=email.registration_id).update(
            confirmation_sent_at=Coalesce("confirmation_sent_at", timezone.now())
        )
    return EmailState.SENT


def record_failure(email, error):
    attempts = min(email.attempts + 1, settings.EMAIL_MAX_ATTEMPTS)
    failed = attempts >= settings.EMAIL_MAX_ATTEMPTS
    logger.warning("E-mail %s (%s) failed on try %s: %s", email.pk, email.kind, attempts, error)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        attempts=attempts,
        state=EmailState.FAILED if failed else EmailState.PENDING,
        next_attempt_at=timezone.now() + dt.timedelta(seconds=retry_delay(attempts)),
        claimed_until=None,
        last_error=f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH],
    )
    return EmailState.FAILED if failed else EmailState.PENDING


def due(now=None):
    """Pending e-mails whose next try has come and that no worker holds."""
    now = now or timezone.now()
    free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    return OutgoingEmail.objects.filter(free, state=EmailState.PENDING, next_attempt_at__lte=now)


def send_due():
    """The periodic job: tries every due e-mail once (retries, and any whose task was lost)."""
    for email_id in due().order_by("next_attempt_at").values_list("pk", flat=True):
        deliver(email_id)
