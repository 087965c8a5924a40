"""Stored e-mail sent by background tasks: claimed by one worker, tried again with growing delays,
and marked failed after EMAIL_MAX_ATTEMPTS. Each app keeps its own table of e-mails (a QueuedEmail
subclass) and an Outbox subclass that says how to build a message; the sending rules live here."""

import datetime as dt
import logging

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from core.mail import delivery_connection
from core.models import EmailState

logger = logging.getLogger(__name__)
ERROR_MAX_LENGTH = 500


def retry_delay(attempts):
    """Seconds before the next try after `attempts` failed ones: 1, 2, 4, ... minutes up to the cap."""
    base, cap = settings.EMAIL_RETRY_BASE_SECONDS, settings.EMAIL_RETRY_MAX_SECONDS
    # The exponent stops growing once the cap is reached, so no number here can grow without bound.
    exponent = min(max(attempts - 1, 0), 32)
    return min(base * 2**exponent, cap)


def claim_lease():
    """How long a worker holds an e-mail it is sending: past the SMTP timeout, with room to spare."""
    return dt.timedelta(seconds=3 * settings.EMAIL_TIMEOUT + 60)


class Outbox:
    """The sending rules for one table of stored e-mail; subclasses set `model` and build the message."""

    model = None

    def build_message(self, email):
        """The EmailMessage for a stored e-mail."""
        raise NotImplementedError

    def load(self, email_id):
        return self.model.objects.get(pk=email_id)

    def still_wanted(self, email):
        """False drops the e-mail unsent (e.g. a reminder for a cancelled event)."""
        return True

    def after_sent(self, email):
        """Called once the mail server has taken the e-mail."""

    def dispatch(self, emails, deliver_task):
        """Enqueues the task for each stored e-mail; call after the transaction. A queue that is down
        loses nothing: the e-mail stays pending and send_due() picks it up."""
        for email in emails:
            try:
                deliver_task.enqueue(email.pk)
            except Exception:
                logger.exception("Could not enqueue e-mail %s; the periodic job will send it", email.pk)

    def claim(self, email_id, now):
        """True if this worker may send the e-mail now: pending, due, and nobody else holding it."""
        free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        rows = self.model.objects.filter(free, pk=email_id, state=EmailState.PENDING, next_attempt_at__lte=now)
        return rows.update(claimed_until=now + claim_lease()) == 1

    def deliver(self, email_id):
        """Sends the e-mail and records the outcome; returns its state afterwards (or None if not taken)."""
        if not self.claim(email_id, timezone.now()):
            return None
        email = self.load(email_id)
        rows = self.model.objects.filter(pk=email_id)
        if not self.still_wanted(email):
            rows.update(state=EmailState.DROPPED, claimed_until=None)
            return EmailState.DROPPED
        try:
            message = self.build_message(email)
            message.connection = delivery_connection()
            message.send()
        except Exception as error:  # Any mail server error: recorded, tried again later.
            return self.record_failure(email, error)
        rows.update(state=EmailState.SENT, sent_at=timezone.now(), claimed_until=None, attempts=email.attempts + 1)
        self.after_sent(email)
        return EmailState.SENT

    def record_failure(self, email, error):
        attempts = min(email.attempts + 1, settings.EMAIL_MAX_ATTEMPTS)
        failed = attempts >= settings.EMAIL_MAX_ATTEMPTS
        logger.warning("E-mail %s (%s) failed on try %s: %s", email.pk, self.model.__name__, attempts, error)
        self.model.objects.filter(pk=email.pk).update(
            attempts=attempts,
            state=EmailState.FAILED if failed else EmailState.PENDING,
            next_attempt_at=timezone.now() + dt.timedelta(seconds=retry_delay(attempts)),
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:ERROR_MAX_LENGTH],
        )
        return EmailState.FAILED if failed else EmailState.PENDING

    def due(self, now=None):
        """Pending e-mails whose next try has come and that no worker holds."""
        now = now or timezone.now()
        free = Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
        return self.model.objects.filter(free, state=EmailState.PENDING, next_attempt_at__lte=now)

    def send_due(self):
        """The periodic job: tries every due e-mail once (retries, and any whose task was lost)."""
        for email_id in self.due().order_by("next_attempt_at").values_list("pk", flat=True):
            self.deliver(email_id)
