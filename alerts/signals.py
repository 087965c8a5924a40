"""A page's first publication records an alert for everyone who follows one of its topics."""

import logging

from django.db import transaction

from .models import AlertSettings
from .sending import page_topics, record_alerts, send_immediate_alerts_task

logger = logging.getLogger(__name__)


def is_first_publication(page):
    """Wagtail sets first_published_at to the same moment as last_published_at only on the first."""
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def page_first_published(sender, instance, **kwargs):
    """Records the alerts (in the publishing transaction) and asks the queue to send immediate ones.

    Only pages that offer topics (the `topic_list` that event and knowledge pages have), on their first
    publication, public, and while alerts are not paused. Sending happens in the worker.
    """
    if not is_first_publication(instance) or page_topics(instance) is None:
        return
    if AlertSettings.alerts_paused() or instance.get_view_restrictions().exists():
        return
    if record_alerts(instance):
        transaction.on_commit(enqueue_immediate_alerts)


def enqueue_immediate_alerts():
    try:
        send_immediate_alerts_task.enqueue()
    except Exception:  # The queue is down: the periodic job sends them within a minute of its return.
        logger.exception("Could not enqueue immediate alerts; the periodic job will send them")
