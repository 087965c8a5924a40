"""Leaving: the one-click POST of RFC 8058, the link in the e-mail, and the manage page."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts.models import AlertEmail, AlertItem, Subscription

from .factories import SubscriptionFactory, publish_knowledge
from .helpers import link_to, unsubscribe_header_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(knowledge, digitalisering):
    """The alert a confirmed subscriber got about a new page."""
    SubscriptionFactory(email="lamna@kommun.se", topics=[digitalisering])
    publish_knowledge(knowledge, [digitalisering])
    (message,) = mail.outbox
    return message


def mail_program():
    """A mail provider's server: no cookies, no CSRF token, no Origin."""
    return Client(enforce_csrf_checks=True)


def test_the_headers_one_click_post_deletes_the_address(alert):
    response = mail_program().post(
        unsubscribe_header_path(alert), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="lamna@kommun.se").exists()
    assert not AlertItem.objects.exists() and not AlertEmail.objects.exists()


def test_opening_the_link_only_asks_and_the_button_leaves(alert):
    path = link_to(alert, "/bevaka/avsluta/")
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(path)
    assert page.status_code == 200
    assert "Avsluta bevakningen" in page.content.decode()
    assert Subscription.objects.exists()  # a mail scanner opening the link changes nothing

    done = browser.post(path)
    assert "Bevakningen är avslutad" in done.content.decode()
    assert not Subscription.objects.exists()
    assert browser.post(path).status_code == 200  # twice is the same outcome


def test_the_manage_page_changes_topics_and_frequency(alert, digitalisering, demokrati):
    path = link_to(alert, "/bevaka/hantera/")
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(path)
    assert "lamna@kommun.se" in page.content.decode()

    response = browser.post(path, {"amnen": [demokrati.pk], "frekvens": "veckovis", "spara": ""})

    assert "Dina ändringar är sparade." in response.content.decode()
    subscription = Subscription.objects.get()
    assert list(subscription.topics.all()) == [demokrati]
    assert subscription.frequency == "veckovis"


def test_the_manage_page_refuses_no_topics_in_swedish(alert):
    response = Client().post(link_to(alert, "/bevaka/hantera/"), {"frekvens": "direkt", "spara": ""})
    assert response.status_code == 400
    assert "Välj minst ett ämne." in response.content.decode()


def test_leaving_from_the_manage_page(alert):
    response = Client().post(link_to(alert, "/bevaka/hantera/"), {"avsluta": ""})
    assert "Bevakningen är avslutad" in response.content.decode()
    assert not Subscription.objects.exists()


def test_links_expire_and_tampered_ones_are_refused(alert, settings):
    path = link_to(alert, "/bevaka/avsluta/")
    with time_machine.travel(timezone.now() + dt.timedelta(days=settings.ALERTS_LINK_DAYS + 1)):
        expired = Client().post(path)
    tampered = Client().post(path.replace("/avsluta/", "/avsluta/x"))
    assert expired.status_code == tampered.status_code == 400
    assert "Länken har gått ut" in expired.content.decode()
    assert Subscription.objects.exists()
