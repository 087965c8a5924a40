"""Page owners' side of the dashboard: "Mina sidor" for each editor, and the site-wide review report.

Every list reads with one query, however many pages and answers there are.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Count, Max, Q
from django.utils import timezone

from core.models import LinkAlert
from core.reviews import due_for_review
from feedback.models import FeedbackResponse

from .panels import LIMIT, DashboardPanel, may_edit_pages

# "Fell": the share of Ja in the last RECENT_DAYS against the EARLIER_DAYS before, each with at least
# MIN_ANSWERS answers (fewer say nothing), down by at least DROP_POINTS percentage points.
RECENT_DAYS = 30
EARLIER_DAYS = 90
MIN_ANSWERS = 5
DROP_POINTS = 15
ALERT_DAYS = 30


def my_due_pages(user, now):
    """The user's pages due for review within PAGE_REVIEW_NOTICE_DAYS, or overdue, soonest first."""
    today = timezone.localdate(now)
    rows = due_for_review(owner=user, now=now).order_by("review_due", "pk")[:LIMIT]
    return [
        {"pk": pk, "title": title, "due": due, "overdue": due < today, "kind": kind}
        for pk, title, due, _owner, kind in rows
    ]


def my_commented_pages(user):
    """The user's pages with "Nej" comments nobody has handled yet, newest first."""
    return list(
        FeedbackResponse.objects.new_comments()
        .filter(page__owner=user)
        .values("page_id", "page__title")
        .annotate(count=Count("pk"), latest=Max("created_at"))
        .order_by("-latest", "page_id")[:LIMIT]
    )


def share(yes, total):
    return yes * 100 / total if total else None


def my_falling_pages(user, now):
    """The user's pages whose share of Ja fell: the last 30 days against the 90 days before."""
    recent_from = now - dt.timedelta(days=RECENT_DAYS)
    earlier_from = recent_from - dt.timedelta(days=EARLIER_DAYS)
    recent, earlier = Q(created_at__gte=recent_from), Q(created_at__lt=recent_from)
    rows = (
        FeedbackResponse.objects.counted()
        .filter(page__owner=user, created_at__gte=earlier_from)
        .values("page_id", "page__title")
        .annotate(
            recent_yes=Count("pk", filter=recent & Q(helpful=True)),
            recent_total=Count("pk", filter=recent),
            earlier_yes=Count("pk", filter=earlier & Q(helpful=True)),
            earlier_total=Count("pk", filter=earlier),
        )
        .filter(recent_total__gte=MIN_ANSWERS, earlier_total__gte=MIN_ANSWERS)
    )
    falling = []
    for row in rows:
        row["recent_share"] = share(row["recent_yes"], row["recent_total"])
        row["earlier_share"] = share(row["earlier_yes"], row["earlier_total"])
        if row["earlier_share"] - row["recent_share"] >= DROP_POINTS:
            falling.append(row)
    falling.sort(key=lambda row: (row["recent_share"] - row["earlier_share"], row["page_id"]))
    return falling[:LIMIT]


def my_link_alerts(user, now, since=None):
    """Recent alerts on the user's pages: a page they link to was unpublished, moved or deleted."""
    since = since or now - dt.timedelta(days=ALERT_DAYS)
    return list(LinkAlert.objects.filter(page__owner=user, created_at__gte=since).select_related("page")[:LIMIT])


class MyPagesPanel(DashboardPanel):
    """Mina sidor: the pages the user owns that need a review, have new "Nej" comments, help less than
    before, or link to a page that changed."""

    name = "editorial_my_pages"
    template_name = "editorial/panels/my_pages.html"
    order = 105

    @classmethod
    def is_shown_to(cls, user):
        return may_edit_pages(user)

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        return {
            "due": my_due_pages(self.user, now),
            "commented": my_commented_pages(self.user),
            "falling": my_falling_pages(self.user, now),
            "alerts": my_link_alerts(self.user, now),
            "notice_days": settings.PAGE_REVIEW_NOTICE_DAYS,
            "recent_days": RECENT_DAYS,
            "earlier_days": EARLIER_DAYS,
        }
