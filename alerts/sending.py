"""From new pages to e-mail: alerts recorded at first publication, sent at once to subscribers who
chose "direkt" and gathered into a weekly digest for those who chose "veckovis"."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import outbox
from .models import AlertEmail, AlertItem, AlertSettings, EmailKind, Frequency, Subscription


def page_topics(page):
    """The page's topics, or None for a page type without topics (its `topic_list`, if it has one)."""
    topics = getattr(page, "topic_list", None)
    return None if topics is None else list(topics)


def record_alerts(page):
    """One waiting alert per confirmed subscriber following one of the page's topics; never a second
    for the same page. Returns how many subscribers follow it."""
    topic_ids = [topic.pk for topic in page_topics(page) or []]
    if not topic_ids:
        return 0
    followers = Subscription.objects.confirmed().filter(topics__in=topic_ids).values_list("pk", flat=True).distinct()
    items = [AlertItem(subscription_id=pk, page_id=page.pk) for pk in followers]
    AlertItem.objects.bulk_create(items, ignore_conflicts=True)
    return len(items)


def attach(items, subscription, kind):
    """Stores one e-mail carrying these waiting items; None if another worker took them first."""
    ids = [item.pk for item in items]
    with transaction.atomic():
        email = AlertEmail.objects.create(subscription=subscription, kind=kind)
        if AlertItem.objects.filter(pk__in=ids, email__isnull=True).update(email=email) != len(ids):
            transaction.set_rollback(True)
            return None
    return email


def waiting(frequency, before=None):
    """Waiting items of confirmed subscribers with this frequency, oldest first."""
    items = AlertItem.objects.filter(
        email__isnull=True, subscription__consented_at__isnull=False, subscription__frequency=frequency
    )
    if before is not None:
        items = items.filter(created_at__lt=before)
    return items.select_related("subscription").order_by("subscription_id", "created_at", "pk")


def send_immediate_alerts():
    """One e-mail per new page and "direkt" subscriber; the periodic job and the task after publishing."""
    if AlertSettings.alerts_paused():
        return 0
    alerts = (attach([item], item.subscription, EmailKind.ALERT) for item in waiting(Frequency.IMMEDIATE))
    emails = [email for email in alerts if email]
    outbox.dispatch(emails)
    return len(emails)


@task(backend="background")
def send_immediate_alerts_task():
    """Sends the alerts recorded by a publication, within a minute or so of it."""
    return send_immediate_alerts()


def digest_cutoff(now=None):
    """The latest digest time not after now: ALERTS_DIGEST_WEEKDAY at ALERTS_DIGEST_HOUR, local time."""
    local = timezone.localtime(now or timezone.now())
    days_back = (local.weekday() - settings.ALERTS_DIGEST_WEEKDAY) % 7
    cutoff = (local - dt.timedelta(days=days_back)).replace(
        hour=settings.ALERTS_DIGEST_HOUR, minute=0, second=0, microsecond=0
    )
    if cutoff > local:
        cutoff -= dt.timedelta(days=7)
    return cutoff


def send_weekly_digests(now=None):
    """The periodic job: each "veckovis" subscriber gets one digest of the pages recorded before the
    latest digest time. Run hourly; a run after the digest was sent finds nothing to send."""
    if AlertSettings.alerts_paused():
        return 0
    groups = {}
    for item in waiting(Frequency.WEEKLY, before=digest_cutoff(now)):
        groups.setdefault(item.subscription_id, (item.subscription, []))[1].append(item)
    digests = (attach(items, subscription, EmailKind.DIGEST) for subscription, items in groups.values())
    emails = [email for email in digests if email]
    outbox.dispatch(emails)
    return len(emails)
