"""Privacy: only address, topics, frequency and consent; unconfirmed subscriptions go after a few days."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from alerts.models import Subscription
from alerts.services import purge_unconfirmed
from core.scheduler import periodic_jobs

from .factories import SubscriptionFactory, unconfirmed

pytestmark = pytest.mark.django_db


def test_unconfirmed_subscriptions_are_purged_after_the_set_days(digitalisering, settings):
    old = unconfirmed(email="gammal@kommun.se", topics=[digitalisering])
    unconfirmed(email="farsk@kommun.se", topics=[digitalisering])
    SubscriptionFactory(email="bekraftad@kommun.se", topics=[digitalisering])
    Subscription.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - dt.timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS, minutes=1)
    )

    assert purge_unconfirmed() == 1

    assert sorted(Subscription.objects.values_list("email", flat=True)) == ["bekraftad@kommun.se", "farsk@kommun.se"]


def test_a_confirmed_subscription_is_never_purged(digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    with time_machine.travel(timezone.now() + dt.timedelta(days=400)):
        assert purge_unconfirmed() == 0
    assert Subscription.objects.count() == 1


def test_the_worker_runs_the_purge_and_the_sending_jobs():
    jobs = periodic_jobs()
    assert jobs["purge_unconfirmed_alerts"] == (24 * 3600, "alerts.services.purge_unconfirmed")
    assert jobs["send_weekly_digests"][1] == "alerts.sending.send_weekly_digests"
    assert jobs["send_immediate_alerts"][1] == "alerts.sending.send_immediate_alerts"
    assert jobs["send_alert_emails"][1] == "alerts.outbox.send_due"


def test_a_subscription_stores_nothing_beyond_its_purpose():
    stored = {field.name for field in Subscription._meta.concrete_fields} | {"topics"}
    # The language only chooses the words of its e-mail and pages.
    assert stored == {"id", "email", "topics", "frequency", "consented_at", "requested_at", "public_id", "language"}
