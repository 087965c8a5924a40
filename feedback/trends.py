"""Helpfulness over time for one page: the share of Ja per week or month and per published version, each
with its answer count and a Wilson score interval, so a small number of answers is not read as a trend.

Spam is left out. Each answer is tied to the live revision the visitor saw, so the share per version
shows whether an edit helped. Two or three queries per page, however many answers there are.
"""

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from wagtail.models import PageLogEntry

from .models import FeedbackResponse

Z = 1.96  # 95 % confidence
# Below this many answers a period's or version's share says little; the chart and table say so.
FEW_ANSWERS = 30
UNITS = {"vecka": TruncWeek, "manad": TruncMonth}


def wilson_interval(yes, total, z=Z):
    """The Wilson score interval for a share of yes, in percent, as (low, high); None without answers."""
    if not total:
        return None
    share = yes / total
    denominator = 1 + z * z / total
    centre = (share + z * z / (2 * total)) / denominator
    margin = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - margin) * 100, min(1.0, centre + margin) * 100


@dataclass
class Share:
    """Answers in one period or one version: counts, the share of Ja and its interval, in percent."""

    label: str
    yes: int
    total: int
    start: dt.datetime | None = None
    end: dt.datetime | None = None

    @property
    def share(self):
        return self.yes * 100 / self.total if self.total else None

    @property
    def interval(self):
        return wilson_interval(self.yes, self.total)

    @property
    def few(self):
        return self.total < FEW_ANSWERS


def shares_by_period(page, unit="vecka"):
    """The share of Ja per calendar week or month (Swedish time), oldest first."""
    trunc = UNITS.get(unit, TruncWeek)("created_at", tzinfo=timezone.get_current_timezone())
    rows = (
        FeedbackResponse.objects.counted()
        .filter(page=page)
        .annotate(period=trunc)
        .values("period")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), total=Count("pk"))
        .order_by("period")
    )
    shares = []
    for row in rows:
        start = timezone.localtime(row["period"]) if timezone.is_aware(row["period"]) else row["period"]
        if unit == "manad":
            label = start.strftime("%Y-%m")
            end = (start + dt.timedelta(days=32)).replace(day=1)
        else:
            year, week, _ = start.isocalendar()
            label = f"v. {week} {year}"
            end = start + dt.timedelta(days=7)
        shares.append(Share(label=label, yes=row["yes"], total=row["total"], start=start, end=end))
    return shares


def publications(page):
    """When each version of the page was published, oldest first, as (time, revision id)."""
    return list(
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision_id")
    )


def shares_by_revision(page, published=None):
    """The share of Ja for each published version that got answers, oldest first, with the change from the
    version before in percentage points (`change`)."""
    published = publications(page) if published is None else published
    when = {revision_id: timestamp for timestamp, revision_id in published}
    numbers = {revision_id: number for number, (_timestamp, revision_id) in enumerate(published, start=1)}
    rows = (
        FeedbackResponse.objects.counted()
        .filter(page=page, revision__isnull=False)
        .values("revision_id")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            total=Count("pk"),
            first=Min("created_at"),
            last=Max("created_at"),
        )
    )
    shares = []
    for row in rows:
        published_at = when.get(row["revision_id"]) or row["first"]
        local = timezone.localtime(published_at)
        label = f"Publicerad {local:%Y-%m-%d %H:%M}"
        share = Share(label=label, yes=row["yes"], total=row["total"], start=published_at)
        share.revision_id = row["revision_id"]
        share.number = numbers.get(row["revision_id"])
        shares.append(share)
    shares.sort(key=lambda share: (share.start, share.revision_id))
    previous = None
    for share in shares:
        share.change = share.share - previous.share if previous else None
        previous = share
    return shares
