"""E-mail never leaves in a request: the site's EMAIL_BACKEND hands each message to the task queue,
and the worker sends it with EMAIL_DELIVERY_BACKEND (SMTP in production, the console in development).

This covers what Wagtail and Django send (workflow notifications, password resets). Registration
and alert e-mail have outboxes with retries (core/outbox.py) and use delivery_connection().
"""

import base64
import email
import email.message
import email.policy
import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

logger = logging.getLogger(__name__)


def delivery_connection():
    """A connection of the backend that really sends: only the worker should open one."""
    return get_connection(settings.EMAIL_DELIVERY_BACKEND)


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueues each message, as the bytes it will be sent as, for the task send_queued_message."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            raw = base64.b64encode(message.message().as_bytes()).decode("ascii")
            try:
                send_queued_message.enqueue(message.from_email, message.recipients(), raw)
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("Could not enqueue an e-mail to %s recipients", len(message.recipients()))
                continue
            queued += 1
        return queued


class ParsedMessage(email.message.EmailMessage):
    """A stored message that the delivery backends can write out again (SMTP asks for CRLF lines)."""

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return super().as_bytes(unixfrom, policy=self.policy.clone(linesep=linesep))


class StoredMessage(EmailMessage):
    """An EmailMessage whose MIME message is the one stored when it was queued."""

    def __init__(self, raw, from_email, recipients):
        super().__init__(from_email=from_email, to=recipients)
        self.raw = raw

    def message(self):
        return email.message_from_bytes(self.raw, _class=ParsedMessage, policy=email.policy.default)


@task(backend="background")
def send_queued_message(from_email, recipients, raw):
    """Sends one queued message with the delivery backend; a failure fails the task (and is logged)."""
    message = StoredMessage(base64.b64decode(raw), from_email, recipients)
    return delivery_connection().send_messages([message])
