"""No stored page outlives the moment its content changes by the clock.

Notices starting and ending are specified in test_page_cache.py; here an event leaving the upcoming
list, a series part being broadcast and registration closing each show on cached pages within a
second of their moment, and a CDN is never told to keep a page past it.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.models import Page

from tests.events.factories import (
    ConferencePageFactory,
    EventIndexPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
)

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Half a minute before a broadcast ends at 14.00.
NOW = dt.datetime(2027, 3, 9, 13, 59, 30, tzinfo=STOCKHOLM)


def _cache_control(response):
    return dict(part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",") if "=" in part)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _published(page):
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def test_an_event_leaves_the_upcoming_list_when_it_ends_although_the_list_was_cached(client, event_index):
    with time_machine.travel(NOW, tick=False):
        ends = NOW + dt.timedelta(seconds=30)
        ConferencePageFactory(
            parent=event_index, title="Presidiedagen i Visby", start=NOW - dt.timedelta(hours=2), end=ends
        )
        first = client.get(event_index.url)
        assert "Presidiedagen i Visby" in first.content.decode()
        assert int(_cache_control(first)["s-maxage"]) <= 30
        assert client.get(event_index.url)["X-Page-Cache"] == "hit"

    with time_machine.travel(NOW + dt.timedelta(seconds=29), tick=False):
        assert client.get(event_index.url)["X-Page-Cache"] == "hit"

    with time_machine.travel(NOW + dt.timedelta(seconds=30, milliseconds=500), tick=False):
        after = client.get(event_index.url)
        assert after["X-Page-Cache"] == "miss"
        assert "Presidiedagen i Visby" not in after.content.decode()


def test_a_series_part_changes_from_upcoming_to_broadcast_on_the_cached_page(client, event_index):
    with time_machine.travel(NOW, tick=False):
        series = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut")
        series.parts = [SeminarPartFactory.build(date=NOW.date(), start_time=dt.time(13, 15), end_time=dt.time(14, 0))]
        series = _published(series)
        before = client.get(series.url)
        assert "Sänds nu" in before.content.decode()
        assert client.get(series.url)["X-Page-Cache"] == "hit"

    with time_machine.travel(NOW + dt.timedelta(seconds=31), tick=False):
        after = client.get(series.url).content.decode()
        assert "Sändningen är slut, inspelningen kommer" in after
        assert "Sänds nu" not in after


def test_a_cached_page_never_shows_an_outdated_broadcast_state(client, event_index):
    """Across the count-down, the start and the end, each copy ends at the next moment of the state block."""
    start = dt.datetime(2027, 3, 28, 13, 15, tzinfo=STOCKHOLM)  # the first afternoon of summer time
    with time_machine.travel(start - dt.timedelta(days=1), tick=False):
        series = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut")
        series.parts = [
            SeminarPartFactory.build(date=start.date(), start_time=dt.time(13, 15), end_time=dt.time(14, 0))
        ]
        series = _published(series)
    steps = [
        (start - dt.timedelta(minutes=15, seconds=1), "Kommande: 28 mars 2027", 1),
        (start - dt.timedelta(minutes=15), "Börjar om 15 minuter", 60),
        (start - dt.timedelta(minutes=14, seconds=30), "Börjar om 15 minuter", 30),
        (start - dt.timedelta(minutes=14), "Börjar om 14 minuter", 60),
        (start - dt.timedelta(seconds=1), "Börjar om 1 minut", 1),
        (start, "Sänds nu", 45 * 60),
        (start + dt.timedelta(minutes=45), "Sändningen är slut, inspelningen kommer", None),
    ]
    for moment, state, lifetime in steps:
        with time_machine.travel(moment, tick=False):
            response = client.get(series.url)
            assert f">{state}" in response.content.decode(), moment
            if lifetime is not None:
                assert int(_cache_control(response)["s-maxage"]) <= lifetime, moment
            # The copy just stored is served until the next step at the latest, never after it.
            assert client.get(series.url)["X-Page-Cache"] == "hit"


def test_registration_closes_on_the_cached_page_at_its_moment(client, event_index):
    closes = NOW + dt.timedelta(seconds=20)
    with time_machine.travel(NOW, tick=False):
        event = ConferencePageFactory(parent=event_index, title="Presidiekonferens", registration_closes=closes)
        open_page = client.get(event.url)
        assert "Anmäl dig" in open_page.content.decode()
        assert int(_cache_control(open_page)["s-maxage"]) <= 20
        assert client.get(event.url)["X-Page-Cache"] == "hit"

    with time_machine.travel(closes + dt.timedelta(milliseconds=500), tick=False):
        closed = client.get(event.url).content.decode()
        assert "Anmäl dig" not in closed
        assert "Anmälan är stängd" in closed


def test_a_registration_deadline_day_ends_at_midnight_on_cached_pages(client, event_index):
    evening = dt.datetime(2027, 3, 9, 23, 59, 50, tzinfo=STOCKHOLM)
    with time_machine.travel(evening, tick=False):
        event = ConferencePageFactory(
            parent=event_index, title="Presidiekonferens", registration_deadline=evening.date()
        )
        assert "Anmäl dig" in client.get(event.url).content.decode()
        assert client.get(event.url)["X-Page-Cache"] == "hit"

    with time_machine.travel(evening + dt.timedelta(seconds=10, milliseconds=500), tick=False):
        assert "Anmäl dig" not in client.get(event.url).content.decode()


def test_a_cdn_may_serve_a_stale_copy_only_until_the_moment(client, event_index, settings):
    settings.PAGE_CACHE_CDN_SECONDS = 60
    settings.PAGE_CACHE_STALE_SECONDS = 30
    with time_machine.travel(NOW, tick=False):
        ConferencePageFactory(parent=event_index, start=NOW + dt.timedelta(seconds=75))
        directives = _cache_control(client.get(event_index.url))

    assert int(directives["s-maxage"]) + int(directives.get("stale-while-revalidate", 0)) <= 75


def test_a_page_is_not_stored_when_its_moment_is_less_than_a_second_away(client, event_index):
    with time_machine.travel(NOW, tick=False):
        ConferencePageFactory(parent=event_index, start=NOW + dt.timedelta(milliseconds=400))
        client.get(event_index.url)
        assert client.get(event_index.url)["X-Page-Cache"] == "miss"
