"""The weekly e-mail to each page owner: new "Nej" comments on their pages, pages due for review, links
to pages that changed and held broadcasts still without a recording or captions, with links into the
admin. Nothing is sent to an owner with nothing new, nor to one who turned the digest off (Konto >
Inställningar).

Run by the worker's scheduler every week (settings.PERIODIC_JOBS, "owner_digests"); each message leaves
through the e-mail queue (core.mail.QueuedEmailBackend), so a mail server that is down loses nothing.
"""

import datetime as dt
import logging
from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.models import LinkAlert
from core.reviews import due_for_review
from events.models import SeminarPart, held_without_recording
from feedback.models import FeedbackResponse

from .models import EditorPreferences
from .recordings import grace_days

logger = logging.getLogger(__name__)
PERIOD = dt.timedelta(days=7)


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def collect_news(now):
    """{owner id: {"comments": [...], "due": [...], "alerts": [...], "recordings": [...]}} in four queries,
    whatever the size."""
    since = now - PERIOD
    today = timezone.localdate(now)
    news = defaultdict(lambda: {"comments": [], "due": [], "alerts": [], "recordings": []})
    comments = (
        FeedbackResponse.objects.new_comments()
        .filter(created_at__gte=since, page__owner__isnull=False)
        .values("page__owner_id", "page_id", "page__title")
        .annotate(count=Count("pk"))
        .order_by("page__title", "page_id")
    )
    for row in comments:
        query = urlencode({"state": "new", "page_title": row["page__title"]})
        news[row["page__owner_id"]]["comments"].append(
            {
                "title": row["page__title"],
                "count": row["count"],
                "url": admin_url(f"{reverse('feedback_comments')}?{query}"),
            }
        )
    for pk, title, due, owner_id, _kind in due_for_review(now=now).order_by("review_due", "pk"):
        if owner_id:
            url = admin_url(reverse("wagtailadmin_pages:edit", args=[pk]))
            news[owner_id]["due"].append({"title": title, "due": due, "overdue": due < today, "url": url})
    alerts = LinkAlert.objects.filter(created_at__gte=since, page__owner__isnull=False).select_related("page")
    for alert in alerts.order_by("created_at", "pk"):
        news[alert.page.owner_id]["alerts"].append(
            {
                "title": alert.page.title,
                "target": alert.target_title,
                "change": alert.get_change_display(),
                "url": admin_url(reverse("wagtailadmin_pages:edit", args=[alert.page_id])),
            }
        )
    parts = (
        SeminarPart.objects.filter(
            held_without_recording(grace_days(), now), page__live=True, page__owner__isnull=False
        )
        .order_by("date", "pk")
        .values("page__owner_id", "page_id", "page__title", "theme", "date", "recording_url", "recording_video")
    )
    for part in parts:
        news[part["page__owner_id"]]["recordings"].append(
            {
                "title": part["page__title"],
                "theme": part["theme"],
                "date": part["date"],
                "missing": "undertexter" if part["recording_url"] or part["recording_video"] else "inspelning",
                "url": admin_url(reverse("wagtailadmin_pages:edit", args=[part["page_id"]])),
            }
        )
    return news


def digest_message(user, items):
    """The digest e-mail for one owner."""
    context = {"user": user, "settings_url": admin_url(reverse("wagtailadmin_account")), **items}
    body = render_to_string("editorial/email/owner_digest.txt", context)
    return EmailMessage("Veckobrev: dina sidor på webbplatsen", body, to=[user.email])


def send_owner_digests(now=None):
    """Sends each owner with news their digest; returns how many were sent."""
    now = now or timezone.now()
    news = collect_news(now)
    opted_out = EditorPreferences.objects.filter(owner_digest=False).values("user_id")
    owners = (
        get_user_model().objects.filter(pk__in=list(news), is_active=True).exclude(email="").exclude(pk__in=opted_out)
    )
    sent = 0
    for user in owners:
        digest_message(user, news[user.pk]).send()
        sent += 1
    logger.info("Sent %s owner digests", sent)
    return sent
