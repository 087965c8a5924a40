"""The admin's delete of a registration: an erasure that frees the seat and leaves no personal data behind."""

from django.db import transaction
from wagtail.actions import DeleteAction
from wagtail.log_actions import log

from . import services


class EraseRegistrationAction(DeleteAction):
    """Deletes a registration like a cancellation frees its seat: the waitlist moves up and is e-mailed.

    Wagtail's history records who deleted it, but titled by id and event: the default title is the
    registration's name and e-mail address, which an erasure must not keep.
    """

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        registration = self.instance
        event = registration.event.specific
        with transaction.atomic():
            if self.log_action:
                log(
                    instance=registration,
                    action=self.log_action,
                    user=self.user,
                    deleted=True,
                    title=f"Anmälan {registration.pk} till {event.title}",
                )
            promoted = services.erase(registration, event)
        services.send_queued(promoted)
