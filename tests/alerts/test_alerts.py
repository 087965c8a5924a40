"""Alerts: one e-mail per new page and subscriber, on the page's first publication only."""

import pytest
from django.core import mail
from django.test import override_settings

from alerts.models import AlertItem, AlertSettings
from alerts.sending import send_immediate_alerts
from tests.servers import SmtpSink

from .factories import SubscriptionFactory, publish_conference, publish_knowledge, unconfirmed
from .helpers import unsubscribe_header_path

pytestmark = pytest.mark.django_db


def alerts():
    return [message for message in mail.outbox if message.subject.startswith("Nytt på")]


def test_no_alert_before_confirmation(knowledge, digitalisering):
    unconfirmed(email="vantar@kommun.se", topics=[digitalisering])
    publish_knowledge(knowledge, [digitalisering])
    assert alerts() == []
    assert not AlertItem.objects.exists()


def test_each_follower_gets_one_alert_per_new_page(knowledge, digitalisering, demokrati):
    both = SubscriptionFactory(email="bada@kommun.se", topics=[digitalisering, demokrati])
    SubscriptionFactory(email="demo@kommun.se", topics=[demokrati])
    SubscriptionFactory(email="annat@kommun.se", topics=[])

    page = publish_knowledge(knowledge, [digitalisering, demokrati], title="Att leda digitalisering")

    assert sorted(message.to[0] for message in alerts()) == ["bada@kommun.se", "demo@kommun.se"]
    message = next(message for message in alerts() if message.to == [both.email])
    assert message.subject == "Nytt på Kommuner och regioner: Att leda digitalisering"
    assert "Att leda digitalisering" in message.body
    assert page.intro in message.body
    assert page.full_url in message.body
    assert "(Demokrati, Digitalisering)" in message.body or "(Digitalisering, Demokrati)" in message.body


def test_editing_and_republishing_sends_nothing_more(knowledge, digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    page = publish_knowledge(knowledge, [digitalisering])
    page.title = "Ny rubrik"
    page.save_revision().publish()
    page.unpublish()
    page.save_revision().publish()
    assert len(alerts()) == 1


def test_the_alert_sends_again_never_twice_for_one_page(knowledge, digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    publish_knowledge(knowledge, [digitalisering])
    assert send_immediate_alerts() == 0  # the periodic job finds nothing left to send
    assert len(alerts()) == 1


def test_an_event_alert_says_when_and_where(events, digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    conference = publish_conference(events, [digitalisering], title="Digitaliseringskonferens", city="Umeå")
    (message,) = alerts()
    assert conference.card_meta in message.body
    assert "Umeå" in message.body


def test_every_alert_has_one_click_unsubscribe_headers(knowledge, digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    publish_knowledge(knowledge, [digitalisering])
    (message,) = alerts()
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_header_path(message).startswith("/bevaka/avsluta/")
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert "/bevaka/hantera/" in message.body and "/bevaka/avsluta/" in message.body


def test_a_page_without_followed_topics_or_a_private_one_alerts_nobody(knowledge, digitalisering, demokrati):
    from wagtail.models import PageViewRestriction

    SubscriptionFactory(topics=[digitalisering])
    publish_knowledge(knowledge, [demokrati])
    PageViewRestriction.objects.create(page=knowledge, restriction_type="password", password="hemligt")
    publish_knowledge(knowledge, [digitalisering])
    assert alerts() == []


def test_paused_alerts_announce_nothing(knowledge, digitalisering):
    SubscriptionFactory(topics=[digitalisering])
    AlertSettings.objects.update_or_create(pk=AlertSettings.load().pk, defaults={"paused": True})
    publish_knowledge(knowledge, [digitalisering])
    assert alerts() == []
    AlertSettings.objects.update(paused=False)
    send_immediate_alerts()
    assert alerts() == []  # pages published while paused are not announced later


def test_a_mail_server_error_is_tried_again(knowledge, digitalisering, settings):
    from alerts.models import AlertEmail
    from alerts.outbox import send_due

    SubscriptionFactory(topics=[digitalisering])
    with override_settings(EMAIL_DELIVERY_BACKEND="tests.alerts.test_alerts.BrokenBackend"):
        publish_knowledge(knowledge, [digitalisering])
    email = AlertEmail.objects.get(kind="alert")
    assert email.state == "pending" and email.attempts == 1
    AlertEmail.objects.update(next_attempt_at=email.created_at)
    send_due()
    assert AlertEmail.objects.get(pk=email.pk).state == "sent"
    assert len(alerts()) == 1


class BrokenBackend:
    """A delivery backend whose mail server refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_one_alert_per_new_page_and_subscriber_over_real_smtp(knowledge, digitalisering, demokrati):
    SubscriptionFactory(email="ett@kommun.se", topics=[digitalisering])
    SubscriptionFactory(email="tva@kommun.se", topics=[digitalisering, demokrati])
    sink = SmtpSink()
    try:
        with override_settings(
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=sink.port,
        ):
            publish_knowledge(knowledge, [digitalisering, demokrati], title="Första sidan")
            publish_knowledge(knowledge, [demokrati], title="Andra sidan")
            page = knowledge.get_children().live().first().specific
            page.save_revision().publish()  # an edit: no new alert
        sink.wait_for(lambda message: "Andra sidan" in str(message["Subject"]), timeout=10)
        received = sorted((message["To"], str(message["Subject"])) for message in sink.messages)
    finally:
        sink.stop()
    assert received == [
        ("ett@kommun.se", "Nytt på Kommuner och regioner: Första sidan"),
        ("tva@kommun.se", "Nytt på Kommuner och regioner: Andra sidan"),
        ("tva@kommun.se", "Nytt på Kommuner och regioner: Första sidan"),
    ]
    assert all(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" for message in sink.messages)
