"""Registration e-mail as background work: stored with the change that causes it, sent by a task,
tried again with growing delays, and marked failed for the editors after EMAIL_MAX_ATTEMPTS.

The sending rules are core/outbox.py's; this module says what a registration e-mail is."""

from django.db.models.functions import Coalesce
from django.utils import timezone
from django_tasks import task

from core.outbox import Outbox, claim_lease, retry_delay

from .models import EmailKind, OutgoingEmail, Registration, Status

__all__ = ["claim", "claim_lease", "deliver", "dispatch", "due", "queue", "retry_delay", "send_due"]
FIRST_MESSAGES = {EmailKind.CONFIRMED, EmailKind.WAITLISTED}


class RegistrationOutbox(Outbox):
    """E-mail to registrants; a reminder is dropped if the registration or the event no longer holds."""

    model = OutgoingEmail

    def load(self, email_id):
        return OutgoingEmail.objects.select_related("registration__event", "part").get(pk=email_id)

    def build_message(self, email):
        from .emails import build_message  # The templates and calendar need the app registry loaded.

        return build_message(email)

    def still_wanted(self, email):
        """A reminder goes only to a confirmed registration of an event that is not cancelled."""
        if email.kind != EmailKind.REMINDER:
            return True
        registration = email.registration
        return registration.status == Status.CONFIRMED and not registration.event.specific.is_cancelled

    def after_sent(self, email):
        if email.kind in FIRST_MESSAGES:
            Registration.objects.filter(pk=email.registration_id).update(
                confirmation_sent_at=Coalesce("confirmation_sent_at", timezone.now())
            )


OUTBOX = RegistrationOutbox()


def queue(registration, kind, **extra):
    """Stores an e-mail to send; call inside the transaction that makes the change, then dispatch() it."""
    return OutgoingEmail.objects.create(registration=registration, kind=kind, **extra)


def dispatch(emails):
    """Enqueues a task for each stored e-mail; call after the transaction."""
    OUTBOX.dispatch(emails, deliver_email)


@task(backend="background")
def deliver_email(email_id):
    """Sends one stored e-mail, unless another worker has it or it is already sent."""
    return OUTBOX.deliver(email_id)


def claim(email_id, now):
    return OUTBOX.claim(email_id, now)


def deliver(email_id):
    return OUTBOX.deliver(email_id)


def due(now=None):
    return OUTBOX.due(now)


def send_due():
    """The periodic job: tries every due e-mail once (retries, and any whose task was lost)."""
    OUTBOX.send_due()
