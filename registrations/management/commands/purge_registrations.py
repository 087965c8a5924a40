"""Deletes registrations of events that ended more than REGISTRATION_RETENTION_DAYS days ago; run daily."""

from core.management.retention import RetentionCommand
from registrations.models import Registration


class Command(RetentionCommand):
    help = "Tar bort anmälningar till evenemang som slutade för mer än REGISTRATION_RETENTION_DAYS dagar sedan."
    setting = "REGISTRATION_RETENTION_DAYS"
    days_help = "Antal dagar efter evenemanget (standard: inställningen REGISTRATION_RETENTION_DAYS)."
    dry_run_help = "Visa bara hur många anmälningar som berörs."

    def purge(self, days, dry_run):
        expired = Registration.objects.expired(days)
        if dry_run:
            self.stdout.write(
                f"{expired.count()} anmälningar gäller evenemang som slutade för mer än {days} dagar sedan."
            )
            return
        deleted = expired.delete_in_batches()
        self.stdout.write(f"Tog bort {deleted} anmälningar till evenemang som slutade för mer än {days} dagar sedan.")
