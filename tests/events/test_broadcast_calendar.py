"""A part's calendar entry follows it: same UID, a higher SEQUENCE and a new LAST-MODIFIED when its time or
link changes, STATUS:CANCELLED in the feed when it is cancelled, and always the join link."""

import datetime as dt

import pytest
import time_machine
from icalendar import Calendar

from events.formatting import STOCKHOLM
from events.models import SeminarSeriesPage
from tests.events.factories import (
    ConferencePageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
    publish_part_change,
)

pytestmark = pytest.mark.django_db
MADE = dt.datetime(2027, 3, 1, 12, 0, tzinfo=STOCKHOLM)
MOVED = dt.datetime(2027, 3, 5, 8, 30, tzinfo=STOCKHOLM)


@pytest.fixture
def series(event_index):
    with time_machine.travel(MADE, tick=False):
        page = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut", webcast_url="https://example.se/live")
        page.parts = [
            SeminarPartFactory.build(date=dt.date(2027, 3, 26), theme="Delaktighet"),
            SeminarPartFactory.build(date=dt.date(2027, 4, 9), theme="Hårdare ton"),
        ]
        page.save_revision().publish()
    return SeminarSeriesPage.objects.get(pk=page.pk)


def part_event(client, part):
    response = client.get(part.ics_url)
    assert response.status_code == 200
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    return event


def test_a_new_part_is_version_0_with_its_join_link(client, series):
    event = part_event(client, series.parts.get(theme="Delaktighet"))
    assert event["SEQUENCE"] == 0
    assert "LAST-MODIFIED" not in event
    assert str(event["LOCATION"]) == "https://example.se/live"
    assert "Webbsändning: https://example.se/live" in str(event["DESCRIPTION"])


def test_a_moved_part_keeps_its_uid_and_raises_sequence_and_last_modified(client, series):
    before = part_event(client, series.parts.get(theme="Delaktighet"))
    with time_machine.travel(MOVED, tick=False):
        part = publish_part_change(series, "Delaktighet", date=dt.date(2027, 3, 31), start_time=dt.time(10, 0))
    after = part_event(client, part)
    assert str(after["UID"]) == str(before["UID"])
    assert after["SEQUENCE"] == 1
    assert after.decoded("LAST-MODIFIED") == MOVED.astimezone(dt.UTC)
    assert after.decoded("DTSTART") == dt.datetime(2027, 3, 31, 10, 0, tzinfo=STOCKHOLM)
    assert part.moved_from == dt.datetime(2027, 3, 26, 13, 15, tzinfo=STOCKHOLM)
    # Saving again without a change is not a new version.
    assert part_event(client, publish_part_change(series, "Delaktighet", text="<p>Ny text.</p>"))["SEQUENCE"] == 1


def test_a_new_join_link_is_a_new_version(client, series):
    part = publish_part_change(series, "Hårdare ton", webcast_url="https://example.se/ny-lank")
    event = part_event(client, part)
    assert event["SEQUENCE"] == 1
    assert str(event["LOCATION"]) == "https://example.se/ny-lank"
    assert part.moved_from is None


def test_a_cancelled_part_is_cancelled_in_the_subscribable_feed(client, event_index, series):
    with time_machine.travel(MADE, tick=False):
        publish_part_change(series, "Hårdare ton", cancelled=True)
        feed = Calendar.from_ical(client.get(event_index.feed_url).content)
    events = {str(event["SUMMARY"]): event for event in feed.walk("VEVENT")}
    cancelled = events["Hårdare ton (Svåra beslut)"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled["SEQUENCE"] == 1
    assert str(events["Delaktighet (Svåra beslut)"]["STATUS"]) == "CONFIRMED"


def test_the_feed_shows_a_moved_part_at_its_new_time_under_the_same_uid(client, event_index, series):
    uid = str(part_event(client, series.parts.get(theme="Hårdare ton"))["UID"])
    with time_machine.travel(MOVED, tick=False):
        publish_part_change(series, "Hårdare ton", date=dt.date(2027, 4, 16))
        feed = Calendar.from_ical(client.get(event_index.feed_url).content)
    (event,) = [event for event in feed.walk("VEVENT") if str(event["UID"]) == uid]
    assert event.decoded("DTSTART") == dt.datetime(2027, 4, 16, 13, 15, tzinfo=STOCKHOLM)
    assert event["SEQUENCE"] == 1


def test_a_conference_that_moves_raises_its_sequence(client, event_index):
    with time_machine.travel(MADE, tick=False):
        page = ConferencePageFactory(parent=event_index, start=dt.datetime(2027, 5, 4, 9, 0, tzinfo=STOCKHOLM))
        page.save_revision().publish()
    page.refresh_from_db()
    page.start = dt.datetime(2027, 5, 11, 9, 0, tzinfo=STOCKHOLM)
    page.end = page.start + dt.timedelta(hours=7)
    page.save_revision().publish()
    (event,) = Calendar.from_ical(client.get(page.ics_url).content).walk("VEVENT")
    assert event["SEQUENCE"] == 1
    assert str(event["UID"]) == f"event-{page.pk}@" + str(event["UID"]).split("@", 1)[1]


def test_a_new_series_link_is_a_new_version_of_the_parts_that_use_it(client, series):
    page = SeminarSeriesPage.objects.get(pk=series.pk)
    own = page.parts.get(theme="Hårdare ton")
    own.webcast_url = "https://example.se/egen"
    page.parts = [page.parts.get(theme="Delaktighet"), own]
    page.save_revision().publish()
    page = SeminarSeriesPage.objects.get(pk=series.pk)
    page.webcast_url = "https://example.se/ny-serielank"
    page.save_revision().publish()
    shared = part_event(client, page.parts.get(theme="Delaktighet"))
    assert shared["SEQUENCE"] == 1
    assert str(shared["LOCATION"]) == "https://example.se/ny-serielank"
    assert part_event(client, page.parts.get(theme="Hårdare ton"))["SEQUENCE"] == 1  # only its own change
