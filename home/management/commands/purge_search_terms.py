"""Deletes the daily counts of search terms older than SEARCH_TERM_RETENTION_DAYS, and the terms left
with neither counts nor promoted results; run daily.

Site search keeps only what the promotions report needs: per term and day, how many searched for it
(Wagtail's Query and QueryDailyHits). A term can say who was sought or by whom, so it is personal
data like the rest and is kept no longer than the setting.
"""

import datetime as dt

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from core.management.retention import RetentionCommand


class Command(RetentionCommand):
    help = (
        "Tar bort sökord och antal sökningar som är äldre än SEARCH_TERM_RETENTION_DAYS dagar "
        "(sökord med rekommenderade sidor behålls, utan sina gamla antal)."
    )
    setting = "SEARCH_TERM_RETENTION_DAYS"
    days_help = "Antal dagar att spara sökord (standard: inställningen SEARCH_TERM_RETENTION_DAYS)."
    dry_run_help = "Visa bara hur många som berörs."

    def purge(self, days, dry_run):
        # Wagtail stamps each count with the UTC date of the search.
        expired_counts = QueryDailyHits.objects.filter(date__lt=timezone.now().date() - dt.timedelta(days=days))
        if dry_run:
            self.stdout.write(f"{expired_counts.count()} dagliga antal sökningar är äldre än {days} dagar.")
            return
        counts = expired_counts.delete()[1].get(QueryDailyHits._meta.label, 0)
        # Wagtail's own rule for what is left: a term with neither counts nor promotions goes.
        terms = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()[1]
        self.stdout.write(
            f"Tog bort {counts} dagliga antal sökningar och {terms.get(Query._meta.label, 0)} sökord "
            f"äldre än {days} dagar."
        )
