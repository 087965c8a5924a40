"""What a visitor's choices do: subscribe (always answered the same way), confirm, change, leave;
and the daily purge of subscriptions nobody confirmed."""

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import Topic

from . import outbox
from .links import make_confirm_token
from .models import AlertEmail, EmailKind, Frequency, Language, Subscription

logger = logging.getLogger(__name__)


def subscribe(email, topics, frequency, language=Language.SWEDISH):
    """Sends a confirmation link for this choice to the address, whether or not it is known.

    A new address gets an unconfirmed subscription; a known one keeps what it has until the link is
    followed, so nobody can change another person's alerts by typing their address. `language` is the
    language of the page used: a new subscription keeps it, and the confirmation is written in it.
    """
    language = Language.of(language)
    topic_ids = [topic.pk for topic in topics]
    with transaction.atomic():
        subscription = Subscription.objects.filter(email__iexact=email).first()
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(
                        email=email, frequency=frequency, requested_at=timezone.now(), language=language
                    )
            except IntegrityError:  # The same address sent twice at once: the other request made it.
                subscription = Subscription.objects.get(email__iexact=email)
            else:
                subscription.topics.set(topic_ids)
        token = make_confirm_token(subscription, topic_ids, frequency, language)
        email_row = AlertEmail.objects.create(subscription=subscription, kind=EmailKind.CONFIRM, link_token=token)
    outbox.dispatch([email_row])


def confirm(public_id, topic_ids, frequency, language=None):
    """Applies the confirmed choice and records consent (and, if given, the language of the confirming
    page, from which later e-mail is written); None if the subscription is gone."""
    subscription = Subscription.objects.filter(public_id=public_id).first()
    if subscription is None:
        return None
    if language and Language.of(language) != subscription.language:
        subscription.language = Language.of(language)
        subscription.save(update_fields=["language"])
    change(subscription, Topic.objects.filter(pk__in=topic_ids), frequency)
    if subscription.consented_at is None:
        Subscription.objects.filter(pk=subscription.pk).update(consented_at=timezone.now(), requested_at=None)
        subscription.refresh_from_db()
    return subscription


def change(subscription, topics, frequency):
    """New topics and frequency for a subscription (from the confirmation or the manage page)."""
    if frequency not in Frequency.values:
        frequency = Frequency.IMMEDIATE
    with transaction.atomic():
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
        subscription.topics.set(list(topics))


def unsubscribe(subscription):
    """Deletes the address and everything about it: its topics, its alerts and their e-mail."""
    Subscription.objects.filter(pk=subscription.pk).delete()


def purge_unconfirmed(now=None):
    """The daily job: deletes subscriptions not confirmed within ALERTS_UNCONFIRMED_DAYS; returns how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS)
    stale = Subscription.objects.unconfirmed().filter(requested_at__lt=cutoff)
    count = stale.count()
    stale.delete()
    logger.info("Deleted %s unconfirmed alert subscriptions", count)
    return count
