"""Deletes registrations of events that ended more than REGISTRATION_RETENTION_DAYS days ago; run daily."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from registrations.models import Registration


class Command(BaseCommand):
    help = "Tar bort anmälningar till evenemang som slutade för mer än REGISTRATION_RETENTION_DAYS dagar sedan."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Antal dagar efter evenemanget (standard: inställningen REGISTRATION_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Visa bara hur många anmälningar som berörs.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.REGISTRATION_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("Antalet dagar kan inte vara negativt.")
        expired = Registration.objects.expired(days)
        if dry_run:
            self.stdout.write(
                f"{expired.count()} anmälningar gäller evenemang som slutade för mer än {days} dagar sedan."
            )
            return
        deleted = expired.delete_in_batches()
        self.stdout.write(f"Tog bort {deleted} anmälningar till evenemang som slutade för mer än {days} dagar sedan.")
