"""The shape of every daily purge of personal data: kept for a number of days that a setting gives,
`--days` to override it and `--dry-run` to only count what would go."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class RetentionCommand(BaseCommand):
    """A purge command: a subclass names its setting, its help texts and `purge(days, dry_run)`."""

    setting = ""  # the name of the setting that gives the retention period in days
    days_help = ""
    dry_run_help = ""

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help=self.days_help)
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)

    def handle(self, *args, days=None, dry_run=False, **options):
        days = getattr(settings, self.setting) if days is None else days
        if days < 0:
            raise CommandError("Antalet dagar kan inte vara negativt.")
        self.purge(days, dry_run)

    def purge(self, days, dry_run):
        """Remove (or with `dry_run`, only count) what is older than `days`, and say how much."""
        raise NotImplementedError
