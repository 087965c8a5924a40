"""Double opt-in: nothing but the confirmation is sent until its expiring link is followed."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts.models import Subscription

from .factories import SubscriptionFactory
from .helpers import link_to
from .test_subscribe import subscribe

pytestmark = pytest.mark.django_db


def confirmation_path(visitor, *topics, **kwargs):
    subscribe(visitor, *topics, **kwargs)
    return link_to(mail.outbox[-1], "/bevaka/bekrafta/")


def test_opening_the_link_asks_and_the_button_confirms(visitor, client, digitalisering):
    path = confirmation_path(visitor, digitalisering, frequency="veckovis")

    page = client.get(path)
    assert page.status_code == 200
    assert "Digitalisering" in page.content.decode()
    assert Subscription.objects.get().consented_at is None  # mail scanners open links: no consent yet

    done = client.post(path)
    assert done.status_code == 200
    assert "Bevakningen är bekräftad" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.consented_at is not None
    assert subscription.requested_at is None
    assert subscription.frequency == "veckovis"


def test_a_known_address_gets_its_new_choice_only_when_it_confirms(visitor, client, digitalisering, demokrati):
    subscription = SubscriptionFactory(email="kand@kommun.se", topics=[demokrati])
    consented = subscription.consented_at
    path = confirmation_path(visitor, digitalisering, email="kand@kommun.se")

    client.post(path)

    subscription.refresh_from_db()
    assert list(subscription.topics.all()) == [digitalisering]
    assert subscription.consented_at == consented


def test_the_link_expires(visitor, client, digitalisering, settings):
    path = confirmation_path(visitor, digitalisering)
    with time_machine.travel(timezone.now() + dt.timedelta(hours=settings.ALERTS_CONFIRM_HOURS, minutes=1)):
        response = client.post(path)
    assert response.status_code == 400
    assert "Länken har gått ut" in response.content.decode()
    assert Subscription.objects.get().consented_at is None


def test_a_tampered_link_is_refused(visitor, client, digitalisering):
    path = confirmation_path(visitor, digitalisering)
    response = client.get(path[:-5] + "xxxx/")
    assert response.status_code == 400
    assert "Länken är ogiltig" in response.content.decode()


def test_a_purged_subscription_cannot_be_confirmed(visitor, client, digitalisering):
    path = confirmation_path(visitor, digitalisering)
    Subscription.objects.all().delete()
    response = client.post(path)
    assert response.status_code == 404
    assert "Bevakningen finns inte längre" in response.content.decode()
