"""schema.org Event data on every event page, safe to embed under a Content-Security-Policy."""

import datetime as dt
import json
import re

import pytest

from tests.events.factories import ConferencePageFactory, SeminarPartFactory, SeminarSeriesPageFactory, in_days

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, page):
    (payload,) = JSON_LD.findall(client.get(page.url).content.decode())
    return json.loads(payload)


def test_a_conference_describes_itself_as_a_scheduled_offline_event(client, event_index):
    page = ConferencePageFactory(parent=event_index, title="Presidiekonferens")
    data = json_ld(client, page)
    assert data["@type"] == "Event"
    assert data["name"] == "Presidiekonferens"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Göteborg"
    assert data["offers"]["url"] == "https://example.se/anmalan"
    assert data["organizer"]["@type"] == "Organization"
    assert data["startDate"] == page.start_local.isoformat()


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("installd", "https://schema.org/EventCancelled"),
        ("flyttad", "https://schema.org/EventRescheduled"),
        ("fullbokad", "https://schema.org/EventScheduled"),
    ],
)
def test_event_status_follows_the_page_status(client, event_index, status, expected):
    page = ConferencePageFactory(parent=event_index, status=status)
    assert json_ld(client, page)["eventStatus"] == expected


def test_a_webinar_series_is_online_with_a_virtual_location(client, event_index):
    series = SeminarSeriesPageFactory(parent=event_index, webcast_url="https://example.se/live")
    series.parts = [SeminarPartFactory.build(date=in_days(10).date())]
    series.save_revision().publish()
    data = json_ld(client, series)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.se/live"}


def test_a_title_cannot_close_the_script_element(client, event_index):
    page = ConferencePageFactory(parent=event_index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(client, page)["name"] == "</script><script>alert(1)</script>"


def test_a_hybrid_event_lists_both_places(client, event_index):
    page = ConferencePageFactory(
        parent=event_index,
        webcast_url="https://example.se/live",
        start=in_days(3),
        end=in_days(3) + dt.timedelta(hours=2),
    )
    data = json_ld(client, page)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
