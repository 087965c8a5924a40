"""Blanks comments older than the retention period; the yes/no answers stay for the statistics."""

from core.management.retention import RetentionCommand
from feedback.models import FeedbackResponse


class Command(RetentionCommand):
    help = "Tömmer kommentarer som är äldre än FEEDBACK_COMMENT_RETENTION_DAYS dagar (svaren ja/nej sparas)."
    setting = "FEEDBACK_COMMENT_RETENTION_DAYS"
    days_help = "Antal dagar att spara kommentarer (standard: inställningen FEEDBACK_COMMENT_RETENTION_DAYS)."
    dry_run_help = "Visa bara hur många kommentarer som berörs."

    def purge(self, days, dry_run):
        old = FeedbackResponse.objects.comments_older_than(days)
        if dry_run:
            self.stdout.write(f"{old.count()} kommentarer är äldre än {days} dagar.")
            return
        blanked = old.update(comment="")
        self.stdout.write(f"Tömde {blanked} kommentarer äldre än {days} dagar.")
