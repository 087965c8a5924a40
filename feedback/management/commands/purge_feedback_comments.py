"""Blanks comments older than the retention period; the yes/no answers stay for the statistics."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from feedback.models import FeedbackResponse


class Command(BaseCommand):
    help = "Tömmer kommentarer som är äldre än FEEDBACK_COMMENT_RETENTION_DAYS dagar (svaren ja/nej sparas)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Antal dagar att spara kommentarer (standard: inställningen FEEDBACK_COMMENT_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Visa bara hur många kommentarer som berörs.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.FEEDBACK_COMMENT_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("Antalet dagar kan inte vara negativt.")
        old = FeedbackResponse.objects.comments_older_than(days)
        if dry_run:
            self.stdout.write(f"{old.count()} kommentarer är äldre än {days} dagar.")
            return
        blanked = old.update(comment="")
        self.stdout.write(f"Tömde {blanked} kommentarer äldre än {days} dagar.")
