"""Alert e-mail as background work, on core/outbox.py's rules: stored first, sent by a task, retried."""

from django_tasks import task

from core.outbox import Outbox

from .models import AlertEmail, EmailKind


class AlertOutbox(Outbox):
    """E-mail to subscribers; an alert is dropped if the subscription is unconfirmed or every page it
    carries has been unpublished or made private since."""

    model = AlertEmail

    def load(self, email_id):
        return AlertEmail.objects.select_related("subscription").get(pk=email_id)

    def build_message(self, email):
        from .emails import build_message  # The templates need the app registry loaded.

        return build_message(email)

    def still_wanted(self, email):
        from .emails import live_pages

        if email.kind == EmailKind.CONFIRM:
            return True
        return email.subscription.is_confirmed and bool(live_pages(email))

    def after_sent(self, email):
        # The signed choice is not kept once it has left.
        if email.link_token:
            AlertEmail.objects.filter(pk=email.pk).update(link_token="")


OUTBOX = AlertOutbox()


@task(backend="background")
def deliver_alert_email(email_id):
    """Sends one stored alert e-mail, unless another worker has it or it is already sent."""
    return OUTBOX.deliver(email_id)


def dispatch(emails):
    """Enqueues a task for each stored e-mail; call after the transaction."""
    OUTBOX.dispatch(emails, deliver_alert_email)


def send_due():
    """The periodic job: tries every due alert e-mail once (retries, and any whose task was lost)."""
    OUTBOX.send_due()
