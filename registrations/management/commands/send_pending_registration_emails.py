"""Sends the registration e-mails that could not be sent at once (mail server down); run every few minutes."""

from django.core.management.base import BaseCommand

from registrations.emails import send_pending
from registrations.models import Registration


class Command(BaseCommand):
    help = "Skickar e-post om anmälningar som inte kunde skickas direkt (bekräftelse, reservlista, plats, avbokning)."

    def handle(self, *args, **options):
        sent = failed = 0
        events = {}
        for registration in Registration.objects.unsent().select_related("event").prefetch_related("parts"):
            event = events.get(registration.event_id) or events.setdefault(
                registration.event_id, registration.event.specific
            )
            if send_pending(registration, event):
                sent += 1
            else:
                failed += 1
        self.stdout.write(f"Skickade {sent} e-postmeddelanden, {failed} misslyckades.")
        if failed:
            # A non-zero exit makes cron (or its monitoring) report the failure.
            self.stderr.write(f"{failed} e-postmeddelanden kunde inte skickas; de prövas igen nästa gång.")
            raise SystemExit(1)
