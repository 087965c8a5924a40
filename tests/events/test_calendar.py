"""Calendar files: every event and series part as RFC 5545 .ics in Stockholm time, and a feed of upcoming events."""

import datetime as dt

import pytest
import time_machine
from icalendar import Calendar

from events.formatting import STOCKHOLM
from events.models import ConferencePage, EventIndexPage, SeminarSeriesPage, index
from tests.downloads import download_name, parse_ics
from tests.events.factories import (
    ConferencePageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 3, 1, 12, 0, tzinfo=STOCKHOLM)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(cal):
    (event,) = cal.walk("VEVENT")
    return event


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_an_event_ics_has_uid_stamp_timezone_location_and_url(client, event_index):
    page = ConferencePageFactory(
        parent=event_index,
        title="Presidiekonferens",
        start=dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM),
        end=dt.datetime(2027, 3, 12, 16, 0, tzinfo=STOCKHOLM),
    )
    response = client.get(page.ics_url)
    assert 'filename="' in response["Content-Disposition"]
    cal = parse(response)
    event = only_event(cal)
    assert str(event["UID"]).startswith(f"event-{page.pk}@")
    assert event["DTSTAMP"].dt == NOW
    assert str(event["SUMMARY"]) == "Presidiekonferens"
    assert str(event["LOCATION"]) == "Svenska Mässan, Göteborg"
    assert str(event["URL"]).endswith(page.url)
    assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    assert event.decoded("DTSTART") == dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM)


def test_local_times_are_right_on_both_sides_of_the_spring_forward(client, event_index):
    # Sweden moves its clocks forward on 2027-03-28: 10.00 is 09.00 UTC before and 08.00 UTC after.
    before = ConferencePageFactory(
        parent=event_index,
        start=dt.datetime(2027, 3, 27, 10, 0, tzinfo=STOCKHOLM),
        end=dt.datetime(2027, 3, 27, 12, 0, tzinfo=STOCKHOLM),
    )
    after = ConferencePageFactory(
        parent=event_index,
        start=dt.datetime(2027, 3, 29, 10, 0, tzinfo=STOCKHOLM),
        end=dt.datetime(2027, 3, 29, 12, 0, tzinfo=STOCKHOLM),
    )
    event_before = only_event(parse(client.get(before.ics_url)))
    event_after = only_event(parse(client.get(after.ics_url)))
    assert event_before["DTSTART"].to_ical() == b"20270327T100000"
    assert event_after["DTSTART"].to_ical() == b"20270329T100000"
    assert event_before.decoded("DTSTART").astimezone(dt.UTC).hour == 9
    assert event_after.decoded("DTSTART").astimezone(dt.UTC).hour == 8
    assert event_after.decoded("DTEND").astimezone(dt.UTC).hour == 10


def test_a_cancelled_event_is_cancelled_in_the_calendar(client, event_index):
    page = ConferencePageFactory(parent=event_index, status="installd")
    assert str(only_event(parse(client.get(page.ics_url)))["STATUS"]) == "CANCELLED"


def test_an_online_event_gives_its_webcast_as_location(client, event_index):
    page = ConferencePageFactory(parent=event_index, venue="", city="", webcast_url="https://example.se/live")
    assert str(only_event(parse(client.get(page.ics_url)))["LOCATION"]) == "https://example.se/live"


def test_every_series_part_has_its_own_ics(client, event_index):
    series = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut")
    series.parts = [
        SeminarPartFactory.build(date=dt.date(2027, 3, 26), theme="Delaktighet"),
        SeminarPartFactory.build(
            date=dt.date(2027, 3, 30), theme="Hårdare ton", start_time=dt.time(9, 0), end_time=dt.time(9, 45)
        ),
        SeminarPartFactory.build(date=dt.date(2027, 4, 20), theme="Värderingar", start_time=None, end_time=None),
    ]
    series.save_revision().publish()
    series = SeminarSeriesPage.objects.get(pk=series.pk)
    first, second, third = series.ordered_parts
    event = only_event(parse(client.get(first.ics_url)))
    assert str(event["SUMMARY"]) == "Delaktighet (Svåra beslut)"
    assert event.decoded("DTSTART") == dt.datetime(2027, 3, 26, 13, 15, tzinfo=STOCKHOLM)
    assert event.decoded("DTEND") == dt.datetime(2027, 3, 26, 14, 0, tzinfo=STOCKHOLM)
    event = only_event(parse(client.get(second.ics_url)))
    assert event.decoded("DTSTART").astimezone(dt.UTC) == dt.datetime(2027, 3, 30, 7, 0, tzinfo=dt.UTC)
    # A part whose time is still to be announced is an all-day entry.
    event = only_event(parse(client.get(third.ics_url)))
    assert event.decoded("DTSTART") == dt.date(2027, 4, 20)
    # The series file holds all parts; an unknown part is a 404.
    assert len(parse(client.get(series.ics_url)).walk("VEVENT")) == 3
    assert client.get(series.url + "del/999999/kalender/").status_code == 404
    # The series runs from its first part to its last.
    assert series.start == dt.datetime(2027, 3, 26, 13, 15, tzinfo=STOCKHOLM)
    assert series.end_local == dt.datetime(2027, 4, 21, 0, 0, tzinfo=STOCKHOLM)


def test_a_network_without_dates_has_no_calendar_file(client, event_index):
    network = NetworkPageFactory(parent=event_index)
    assert not network.has_calendar
    assert client.get(network.url + "kalender/").status_code == 404
    assert "Lägg till i din kalender" not in client.get(network.url).content.decode()


def test_network_meetings_become_calendar_entries(client, event_index):
    network = NetworkPageFactory(
        parent=event_index,
        meetings=[
            {
                "type": "meeting",
                "value": {
                    "date": "2027-04-01",
                    "start_time": "10:00:00",
                    "end_time": "15:00:00",
                    "place": "Stockholm",
                    "note": "",
                },
            },
            {
                "type": "meeting",
                "value": {"date": "2027-05-01", "start_time": None, "end_time": None, "place": "", "note": "Digitalt"},
            },
        ],
    )
    cal = parse(client.get(network.ics_url))
    first, second = cal.walk("VEVENT")
    assert first.decoded("DTSTART") == dt.datetime(2027, 4, 1, 10, 0, tzinfo=STOCKHOLM)
    assert str(first["LOCATION"]) == "Stockholm"
    assert second.decoded("DTSTART") == dt.date(2027, 5, 1)
    assert second.decoded("DTEND") == dt.date(2027, 5, 2)


def test_the_feed_lists_upcoming_events_and_those_that_ended_in_the_last_30_days(client, event_index):
    ConferencePageFactory(parent=event_index, title="Kommande", start=dt.datetime(2027, 4, 1, 9, 0, tzinfo=STOCKHOLM))
    ConferencePageFactory(parent=event_index, title="Tidigare", start=dt.datetime(2027, 2, 1, 9, 0, tzinfo=STOCKHOLM))
    ConferencePageFactory(parent=event_index, title="I januari", start=dt.datetime(2027, 1, 25, 9, 0, tzinfo=STOCKHOLM))
    response = client.get(event_index.feed_url)
    assert response["Content-Disposition"].startswith("inline")
    cal = parse(response)
    assert [str(event["SUMMARY"]) for event in cal.walk("VEVENT")] == ["Tidigare", "Kommande"]
    assert cal.walk("VTIMEZONE")
    html = client.get(event_index.url).content.decode()
    title = "Kurser och konferenser (kalender)"
    assert f'<link rel="alternate" type="text/calendar" title="{title}" href="{event_index.feed_url}">' in html


def test_the_feed_holds_the_soonest_upcoming_and_the_latest_ended_events_up_to_its_bounds(
    client, event_index, monkeypatch
):
    monkeypatch.setattr(index, "FEED_LIMIT", 2)
    monkeypatch.setattr(index, "FEED_RECENT_LIMIT", 1)
    days = {"Om fyra dagar": 5, "I övermorgon": 3, "Nästa vecka": 9, "I februari": -20, "Nyss": -9}
    for title, day in days.items():
        ConferencePageFactory(parent=event_index, title=title, start=NOW + dt.timedelta(days=day))

    cal = parse(client.get(event_index.feed_url))

    assert [str(event["SUMMARY"]) for event in cal.walk("VEVENT")] == ["Nyss", "I övermorgon", "Om fyra dagar"]


def test_each_feed_entry_links_to_its_page_as_wagtail_writes_the_address(client, event_index):
    conference = ConferencePageFactory(parent=event_index, start=dt.datetime(2027, 4, 1, 9, 0, tzinfo=STOCKHOLM))
    series = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut", slug="svara-beslut")
    series.parts = [SeminarPartFactory.build(date=dt.date(2027, 3, 26), theme="Delaktighet")]
    series.save_revision().publish()
    network = NetworkPageFactory(
        parent=event_index,
        slug="natverket",
        meetings=[{"type": "meeting", "value": {"date": "2027-04-01", "start_time": None, "end_time": None}}],
    )
    network.save_revision().publish()

    links = {str(event["URL"]) for event in parse(client.get(event_index.feed_url)).walk("VEVENT")}

    assert links == {page.get_full_url() for page in (conference, series, network)}


class TestTextThatWouldBreakTheFile:
    """Whatever is stored (values saved before the editors' rule, or by a script), the file stays valid."""

    @pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\x0b", "\x1f", "\u2028"])
    def test_control_characters_in_titles_and_texts_give_a_valid_ics(self, client, event_index, breaker):
        page = ConferencePageFactory(parent=event_index, start=dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM))
        ConferencePage.objects.filter(pk=page.pk).update(
            title=f"Presidie{breaker}konferens",
            intro=f"Första raden{breaker}andra raden",
            venue=f"Svenska{breaker}Mässan",
        )
        page.refresh_from_db()

        cal = parse_ics(client.get(page.ics_url).content)

        event = only_event(cal)
        assert str(cal["X-WR-CALNAME"]) == str(event["SUMMARY"]) == "Presidie konferens"
        assert str(event["LOCATION"]) == "Svenska Mässan, Göteborg"
        assert str(event["DESCRIPTION"]).split("\n") in (["Första raden", "andra raden"], ["Första radenandra raden"])

    def test_the_series_and_the_listing_feed_stay_valid_too(self, client, event_index):
        series = SeminarSeriesPageFactory(parent=event_index)
        series.parts = [SeminarPartFactory.build(date=dt.date(2027, 4, 1), theme="Första delen")]
        series.save_revision().publish()
        SeminarSeriesPage.objects.filter(pk=series.pk).update(title="Serie\rmed\nbrytningar")
        EventIndexPage.objects.filter(pk=event_index.pk).update(title="Kurser\x0boch konferenser")
        series = SeminarSeriesPage.objects.get(pk=series.pk)
        (part,) = series.ordered_parts

        for url in (series.ics_url, part.ics_url, event_index.feed_url):
            parse_ics(client.get(url).content)


@pytest.mark.parametrize("slug", ["göteborg", "åtgärder-för-ökad-tillgänglighet", "łódź"])
def test_a_swedish_slug_gives_the_download_its_name_in_utf8(client, event_index, slug):
    page = ConferencePageFactory(parent=event_index, slug=slug)

    response = client.get(page.ics_url)

    assert download_name(response) == f"{slug}.ics"
    assert response["Content-Disposition"].startswith("attachment;")
