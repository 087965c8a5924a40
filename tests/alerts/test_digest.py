"""Weekly digests: one e-mail per "veckovis" subscriber with the week's new pages, grouped by topic."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from alerts.models import AlertEmail, AlertItem, Frequency
from alerts.sending import digest_cutoff, send_weekly_digests
from events.formatting import STOCKHOLM

from .factories import SubscriptionFactory, publish_knowledge

pytestmark = pytest.mark.django_db

# Monday 2 March 2026 is a digest day (ALERTS_DIGEST_WEEKDAY 0, ALERTS_DIGEST_HOUR 7).
WEDNESDAY = dt.datetime(2026, 2, 25, 10, 0, tzinfo=STOCKHOLM)
FRIDAY = dt.datetime(2026, 2, 27, 15, 0, tzinfo=STOCKHOLM)
SUNDAY = dt.datetime(2026, 3, 1, 22, 0, tzinfo=STOCKHOLM)
MONDAY_BEFORE = dt.datetime(2026, 3, 2, 6, 30, tzinfo=STOCKHOLM)
MONDAY_DIGEST = dt.datetime(2026, 3, 2, 7, 5, tzinfo=STOCKHOLM)
MONDAY_LATER = dt.datetime(2026, 3, 2, 9, 0, tzinfo=STOCKHOLM)


def digests():
    return [message for message in mail.outbox if message.subject.startswith("Veckans nyheter")]


def publish_at(moment, knowledge, topics, title):
    with time_machine.travel(moment, tick=False):
        return publish_knowledge(knowledge, topics, title=title)


def test_the_digest_time_is_the_latest_monday_morning():
    assert digest_cutoff(MONDAY_BEFORE) == dt.datetime(2026, 2, 23, 7, 0, tzinfo=STOCKHOLM)
    assert digest_cutoff(MONDAY_DIGEST) == dt.datetime(2026, 3, 2, 7, 0, tzinfo=STOCKHOLM)
    assert digest_cutoff(FRIDAY) == dt.datetime(2026, 2, 23, 7, 0, tzinfo=STOCKHOLM)


def test_weekly_subscribers_get_nothing_at_once_and_one_grouped_digest_on_monday(knowledge, digitalisering, demokrati):
    weekly = SubscriptionFactory(
        email="vecka@kommun.se", frequency=Frequency.WEEKLY, topics=[digitalisering, demokrati]
    )
    SubscriptionFactory(email="direkt@kommun.se", topics=[demokrati])
    publish_at(WEDNESDAY, knowledge, [digitalisering], "Digitalt ledarskap")
    publish_at(FRIDAY, knowledge, [demokrati], "Demokratidagen")
    publish_at(SUNDAY, knowledge, [demokrati, digitalisering], "E-demokrati")
    assert digests() == []
    assert [message.to for message in mail.outbox] == [["direkt@kommun.se"], ["direkt@kommun.se"]]

    with time_machine.travel(MONDAY_BEFORE, tick=False):
        assert send_weekly_digests() == 0
    with time_machine.travel(MONDAY_DIGEST, tick=False):
        assert send_weekly_digests() == 1
    with time_machine.travel(MONDAY_LATER, tick=False):
        assert send_weekly_digests() == 0  # the hourly job does not send it twice

    (digest,) = digests()
    assert digest.to == [weekly.email]
    body = digest.body
    # Topics by name; each page once, under the first of its followed topics by name.
    assert body.index("DEMOKRATI") < body.index("Demokratidagen") < body.index("E-demokrati")
    assert body.index("E-demokrati") < body.index("DIGITALISERING") < body.index("Digitalt ledarskap")
    assert body.count("E-demokrati") == 1
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_page_after_the_digest_time_waits_for_next_week(knowledge, digitalisering):
    SubscriptionFactory(frequency=Frequency.WEEKLY, topics=[digitalisering])
    publish_at(FRIDAY, knowledge, [digitalisering], "Förra veckan")
    publish_at(MONDAY_LATER, knowledge, [digitalisering], "Den här veckan")

    with time_machine.travel(MONDAY_LATER + dt.timedelta(minutes=5), tick=False):
        send_weekly_digests()
    with time_machine.travel(MONDAY_LATER + dt.timedelta(days=7), tick=False):
        send_weekly_digests()

    first, second = digests()
    assert "Förra veckan" in first.body and "Den här veckan" not in first.body
    assert "Den här veckan" in second.body and "Förra veckan" not in second.body
    assert AlertItem.objects.filter(email__isnull=True).count() == 0


def test_a_digest_whose_pages_were_all_unpublished_is_not_sent(knowledge, digitalisering):
    SubscriptionFactory(frequency=Frequency.WEEKLY, topics=[digitalisering])
    page = publish_at(WEDNESDAY, knowledge, [digitalisering], "Snart borta")
    page.unpublish()
    with time_machine.travel(MONDAY_DIGEST, tick=False):
        send_weekly_digests()
    assert digests() == []
    assert AlertEmail.objects.get().state == "dropped"


def test_subscribers_are_kept_apart(knowledge, digitalisering, demokrati):
    SubscriptionFactory(email="a@kommun.se", frequency=Frequency.WEEKLY, topics=[digitalisering])
    SubscriptionFactory(email="b@kommun.se", frequency=Frequency.WEEKLY, topics=[demokrati])
    publish_at(WEDNESDAY, knowledge, [digitalisering], "Om digitalisering")
    publish_at(FRIDAY, knowledge, [demokrati], "Om demokrati")
    with time_machine.travel(MONDAY_DIGEST, tick=False):
        send_weekly_digests()
    bodies = {message.to[0]: message.body for message in digests()}
    assert "Om digitalisering" in bodies["a@kommun.se"] and "Om demokrati" not in bodies["a@kommun.se"]
    assert "Om demokrati" in bodies["b@kommun.se"] and "Om digitalisering" not in bodies["b@kommun.se"]
