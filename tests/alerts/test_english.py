"""Topic alerts in English: a subscription made on an English page keeps its language, and its e-mail,
links and pages are English; Swedish subscribers keep everything Swedish."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from alerts.models import Frequency, Language, Subscription
from alerts.sending import send_weekly_digests
from events.formatting import STOCKHOLM
from tests.core.factories import TopicFactory

from .factories import SubscriptionFactory, publish_knowledge
from .helpers import link_to, unsubscribe_header_path

pytestmark = pytest.mark.django_db

MONDAY_DIGEST = dt.datetime(2026, 3, 2, 7, 5, tzinfo=STOCKHOLM)
WEDNESDAY = dt.datetime(2026, 2, 25, 10, 0, tzinfo=STOCKHOLM)


def subscribe(client, url, topic, email):
    return client.post(url, {"epost": email, "amnen": [topic.pk], "frekvens": "direkt"})


def test_a_subscription_on_an_english_page_is_english_from_the_answer_to_the_confirmation(visitor, digitalisering):
    answer = subscribe(visitor, "/en/bevaka/", digitalisering, "anna@example.org").content.decode()

    assert '<html lang="en">' in answer
    assert "We have sent an e-mail to anna@example.org" in answer and "Vi har skickat" not in answer
    assert Subscription.objects.get().language == Language.ENGLISH
    (message,) = mail.outbox
    assert message.subject == "Confirm your topic alert"
    assert "Follow the link to confirm" in message.body and "Hej!" not in message.body
    confirm = link_to(message, "/bekrafta/")
    assert confirm.startswith("/en/bevaka/bekrafta/")

    page = visitor.get(confirm).content.decode()
    assert "Confirm the topic alert" in page and "How often: At once, one message for each new page." in page
    done = visitor.post(confirm).content.decode()
    assert "The topic alert is confirmed" in done
    assert Subscription.objects.get().is_confirmed


def test_the_swedish_form_still_subscribes_in_swedish(visitor, digitalisering):
    answer = subscribe(visitor, "/bevaka/", digitalisering, "asa@kommun.se").content.decode()
    assert "Vi har skickat ett e-postmeddelande till asa@kommun.se" in answer
    assert Subscription.objects.get().language == Language.SWEDISH
    (message,) = mail.outbox
    assert message.subject == "Bekräfta din bevakning" and "Hej!" in message.body
    assert link_to(message, "/bekrafta/").startswith("/bevaka/bekrafta/")


def test_confirming_on_an_english_page_makes_a_known_swedish_subscriber_english(visitor, digitalisering):
    SubscriptionFactory(email="anna@example.org", topics=[digitalisering])
    subscribe(visitor, "/en/bevaka/", digitalisering, "anna@example.org")
    (message,) = mail.outbox
    assert message.subject == "Confirm your topic alert"
    # Until the link is followed, nothing about the subscription changes.
    assert Subscription.objects.get().language == Language.SWEDISH
    visitor.post(link_to(message, "/bekrafta/"))
    assert Subscription.objects.get().language == Language.ENGLISH


def test_an_english_subscriber_gets_english_alerts_with_english_links(client, knowledge, digitalisering):
    SubscriptionFactory(email="anna@example.org", topics=[digitalisering], language=Language.ENGLISH)
    SubscriptionFactory(email="asa@kommun.se", topics=[digitalisering])

    publish_knowledge(knowledge, [digitalisering], title="Att leda digitalisering")

    english = next(message for message in mail.outbox if message.to == ["anna@example.org"])
    swedish = next(message for message in mail.outbox if message.to == ["asa@kommun.se"])
    assert english.subject == "New on Kommuner och regioner: Att leda digitalisering"
    assert "This is new on a topic you follow (Digitalisering):" in english.body
    assert "You get this message because you follow topics" in english.body
    assert "Published " in english.body and "Publicerad" not in english.body
    assert swedish.subject == "Nytt på Kommuner och regioner: Att leda digitalisering"
    assert "Du får det här meddelandet" in swedish.body

    manage = link_to(english, "/hantera/")
    assert manage.startswith("/en/bevaka/hantera/")
    html = client.get(manage).content.decode()
    assert '<html lang="en">' in html and "Your topic alert" in html and "Save the changes" in html
    unsubscribe = unsubscribe_header_path(english)
    assert unsubscribe.startswith("/en/bevaka/avsluta/")
    assert "Stop the alert" in client.get(unsubscribe).content.decode()
    assert "The alert has been stopped" in client.post(unsubscribe).content.decode()
    assert not Subscription.objects.filter(email="anna@example.org").exists()


def test_an_english_weekly_subscriber_gets_an_english_digest(knowledge, digitalisering):
    SubscriptionFactory(
        email="anna@example.org", topics=[digitalisering], frequency=Frequency.WEEKLY, language=Language.ENGLISH
    )
    with time_machine.travel(WEDNESDAY):
        publish_knowledge(knowledge, [digitalisering], title="Att leda digitalisering")
    with time_machine.travel(MONDAY_DIGEST):
        send_weekly_digests()
    (digest,) = mail.outbox
    assert digest.subject == "This week's news from Kommuner och regioner"
    assert "This was published in the past week on topics you follow." in digest.body
    assert "The links are valid for" in digest.body and "Länkarna" not in digest.body


def test_a_broken_english_link_answers_in_english(client):
    html = client.get("/en/bevaka/hantera/not-a-token/").content.decode()
    assert "The link does not work" in html and "The link is not valid." in html


def test_the_follow_form_on_an_english_page_posts_to_the_english_address_and_joins_topics_in_english(db):
    topics = [TopicFactory(name="Demokrati"), TopicFactory(name="Digitalisering")]
    with translation.override("en"):
        html = render_to_string("alerts/follow.html", {"topics": topics})
    assert 'action="/en/bevaka/"' in html
    assert "on demokrati or digitalisering." in html and "Follow the topic" in html
