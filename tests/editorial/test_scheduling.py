"""Scheduling: pages go live and expire on time when the publish_scheduled job runs; past events stay in the archive."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from events.formatting import STOCKHOLM
from events.models import ConferencePage
from tests.events.factories import ConferencePageFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 1, 8, 0, tzinfo=STOCKHOLM)


def publish_scheduled_at(moment):
    with time_machine.travel(moment, tick=False):
        call_command("publish_scheduled")


def test_a_page_scheduled_to_go_live_is_published_by_the_job_at_that_time(event_index):
    with time_machine.travel(NOW, tick=False):
        page = ConferencePageFactory(parent=event_index, live=False, title="Konferens om jäv")
        page.go_live_at = NOW + dt.timedelta(days=2)
        page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        assert page.scheduled_revision is not None

    publish_scheduled_at(NOW + dt.timedelta(days=1))
    page.refresh_from_db()
    assert not page.live

    publish_scheduled_at(NOW + dt.timedelta(days=2, minutes=1))
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at is not None


def test_a_page_with_an_expiry_time_is_unpublished_by_the_job(event_index):
    with time_machine.travel(NOW, tick=False):
        page = ConferencePageFactory(parent=event_index)
        page.expire_at = NOW + dt.timedelta(days=30)
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.live

    publish_scheduled_at(NOW + dt.timedelta(days=31))
    page.refresh_from_db()
    assert not page.live
    assert page.expired


def test_a_past_event_without_expiry_stays_live_in_the_archive(client, event_index):
    with time_machine.travel(NOW, tick=False):
        start = NOW + dt.timedelta(days=5)
        page = ConferencePageFactory(parent=event_index, title="Konferens i arkivet", start=start, end=start)

    later = NOW + dt.timedelta(days=60)
    publish_scheduled_at(later)
    assert ConferencePage.objects.get(pk=page.pk).live
    with time_machine.travel(later, tick=False):
        upcoming = client.get(event_index.url)
        archive = client.get(event_index.url, {"arkiv": "1"})
    assert "Konferens i arkivet" not in upcoming.content.decode()
    assert "Konferens i arkivet" in archive.content.decode()
