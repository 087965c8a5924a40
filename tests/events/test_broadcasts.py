"""A broadcast's state at each of its moments: on its page, in the listing, on the home page and in the
JSON-LD, in Swedish time across the spring change to summer time (28 March 2027, 02.00 → 03.00)."""

import datetime as dt
import json
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import Page

from events.broadcasts import Broadcast, BroadcastState
from events.clock import next_state_change
from events.formatting import STOCKHOLM
from tests.events.factories import ConferencePageFactory, SeminarPartFactory, SeminarSeriesPageFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
# The day the clocks go forward; the broadcast is the first afternoon of summer time.
DAY = dt.date(2027, 3, 28)
START = dt.datetime(2027, 3, 28, 13, 15, tzinfo=STOCKHOLM)
END = dt.datetime(2027, 3, 28, 14, 0, tzinfo=STOCKHOLM)


def at(hour, minute, second=0, day=DAY):
    return dt.datetime.combine(day, dt.time(hour, minute, second), tzinfo=STOCKHOLM)


@pytest.fixture
def series(event_index):
    """A published series with one part on the day the clocks change, made the day before."""
    with time_machine.travel(at(12, 0, day=DAY - dt.timedelta(days=1)), tick=False):
        page = SeminarSeriesPageFactory(parent=event_index, title="Svåra beslut", webcast_url="https://example.se/live")
        page.parts = [SeminarPartFactory.build(date=DAY, start_time=dt.time(13, 15), end_time=dt.time(14, 0))]
        page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def sub_event(client, page):
    (payload,) = JSON_LD.findall(visit(client, page.url))
    data = json.loads(payload)
    (part,) = data["subEvent"]
    return part


@pytest.mark.parametrize(
    ("moment", "on_page", "on_card"),
    [
        (at(12, 0, day=DAY - dt.timedelta(days=1)), "Kommande: 28 mars 2027 kl. 13.15–14.00", None),
        (at(12, 59, 59), "Kommande: 28 mars 2027 kl. 13.15–14.00", None),
        (at(13, 0), "Börjar om 15 minuter", "Börjar om 15 minuter"),
        (at(13, 5, 30), "Börjar om 10 minuter", "Börjar om 10 minuter"),
        (at(13, 14, 1), "Börjar om 1 minut", "Börjar om 1 minut"),
        (at(13, 15), "Sänds nu", "Sänds nu"),
        (at(13, 59, 59), "Sänds nu", "Sänds nu"),
        (at(14, 0), "Sändningen är slut, inspelningen kommer", None),
    ],
)
def test_the_page_listing_and_home_page_show_the_state_of_the_moment(
    client, home_page, event_index, series, moment, on_page, on_card
):
    with time_machine.travel(moment, tick=False):
        page = visit(client, series.url)
        assert f'<strong class="broadcast__label" aria-live="polite">{on_page}</strong>' in page
        listing, home = visit(client, event_index.url), visit(client, home_page.url)
        for gathered in (listing, home):
            assert ("Sänds nu" in gathered) == (on_card == "Sänds nu")
            if on_card:
                assert on_card in gathered
            assert "Börjar om" in gathered if on_card and on_card.startswith("Börjar") else "Börjar om" not in gathered


def test_the_join_button_shows_only_while_the_broadcast_is_live(client, series):
    with time_machine.travel(at(13, 10), tick=False):
        assert '<p class="broadcast__join" data-broadcast-join hidden>' in visit(client, series.url)
    with time_machine.travel(at(13, 20), tick=False):
        page = visit(client, series.url)
        assert '<p class="broadcast__join" data-broadcast-join>' in page
        assert 'href="https://example.se/live">Följ sändningen nu' in page


def test_the_state_block_carries_its_moments_for_the_script(client, series):
    with time_machine.travel(at(10, 0), tick=False):
        page = visit(client, series.url)
    assert 'data-start="2027-03-28T13:15:00+02:00"' in page
    assert 'data-live-until="2027-03-28T14:00:00+02:00"' in page
    assert 'data-soon-minutes="15"' in page
    assert '<script type="module" src="/static/js/broadcasts.js">' in page


def test_a_recorded_part_shows_its_recording_with_captions_and_text_version(client, series):
    with time_machine.travel(at(15, 0), tick=False):
        part = series.parts.get()
        part.recording_url = "https://www.youtube.com/watch?v=abcdefghijk"
        part.recording_captions_on_platform = True
        part.recording_transcript = "<p>Välkomna till dagens sändning.</p>"
        part.save()
        page = visit(client, series.url)
        assert "Har sänts 28 mars 2027" in page
        assert 'href="https://www.youtube.com/watch?v=abcdefghijk">Se inspelningen' in page
        assert "(med svenska undertexter)" in page
        assert "<summary>Textversion" in page and "Välkomna till dagens sändning." in page
        data = sub_event(client, series)
        assert data["recordedIn"]["contentUrl"] == "https://www.youtube.com/watch?v=abcdefghijk"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_a_part_without_a_time_says_the_time_comes_later(client, event_index):
    page = SeminarSeriesPageFactory(parent=event_index)
    page.parts = [SeminarPartFactory.build(date=DAY, start_time=None, end_time=None)]
    page.save_revision().publish()
    with time_machine.travel(at(9, 0, day=DAY - dt.timedelta(days=3)), tick=False):
        html = visit(client, page.url)
    assert "Kommande: 28 mars 2027. Tid meddelas senare" in html
    assert "data-start=" not in html  # nothing for the script to count down


def test_a_cancelled_part_says_so_everywhere(client, series):
    with time_machine.travel(at(9, 0), tick=False):
        part = series.parts.get()
        part.cancelled = True
        part.save()
        page = visit(client, series.url)
        assert '<strong class="broadcast__label" aria-live="polite">Inställd</strong>' in page
        assert part.ics_url not in page  # the series' own calendar file stays, with the part cancelled in it
        assert sub_event(client, series)["eventStatus"] == "https://schema.org/EventCancelled"
    with time_machine.travel(at(13, 20), tick=False):
        assert "Sänds nu" not in visit(client, series.url)


def test_a_moved_part_shows_its_new_time_and_is_rescheduled_in_the_json_ld(client, event_index, series):
    with time_machine.travel(at(9, 0, day=DAY - dt.timedelta(days=2)), tick=False):
        part = series.parts.get()
        part.date = DAY + dt.timedelta(days=7)
        part.save()
        page = visit(client, series.url)
        assert "Flyttad från 28 mars 2027 kl. 13.15 till 4 april 2027 kl. 13.15–14.00." in page
        assert "Flyttad till 4 april 2027 kl. 13.15–14.00" in visit(client, event_index.url)
        data = sub_event(client, series)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2027-03-28T13:15:00+02:00"
    assert data["startDate"] == "2027-04-04T13:15:00+02:00"


def test_announcing_the_time_of_a_part_is_not_a_move(series):
    part = series.parts.get()
    part.start_time = part.end_time = None
    part.save()
    part.start_time, part.end_time = dt.time(10, 0), dt.time(11, 0)
    part.save()
    assert part.moved_from is None


class TestEventWithWebcast:
    """A conference or network with a webcast has the same states as a series part."""

    def test_a_conference_with_a_webcast_goes_live_at_its_start(self, client, event_index):
        page = ConferencePageFactory(
            parent=event_index, title="Digital dag", start=START, end=END, webcast_url="https://example.se/dag"
        )
        with time_machine.travel(at(13, 1), tick=False):
            assert "Börjar om 14 minuter" in visit(client, page.url)
            assert "Digital dag" in visit(client, event_index.url)
        with time_machine.travel(at(13, 30), tick=False):
            assert "Sänds nu" in visit(client, page.url)
            assert "Sänds nu" in visit(client, event_index.url)

    def test_a_conference_moved_online_says_so_to_search_engines(self, client, event_index):
        page = ConferencePageFactory(parent=event_index, status="digital", webcast_url="https://example.se/dag")
        (payload,) = JSON_LD.findall(visit(client, page.url))
        data = json.loads(payload)
        assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


class TestNextMoment:
    """The moment the page cache keeps a copy to: the next change of any broadcast's state or words."""

    def test_the_day_before_it_is_the_start_of_the_count_down_in_summer_time(self, series):
        # 12.00 the day before to 13.00 on the wall clock, but 24 real hours: the night is an hour short.
        now = at(12, 0, day=DAY - dt.timedelta(days=1))
        moment = next_state_change(now)
        assert moment == at(13, 0)
        assert moment.astimezone(dt.UTC) - now.astimezone(dt.UTC) == dt.timedelta(hours=24)

    @pytest.mark.parametrize(
        ("now", "expected"),
        [
            (at(13, 0), at(13, 1)),
            (at(13, 5, 30), at(13, 6)),
            (at(13, 14, 30), at(13, 15)),
            (at(13, 15), at(14, 0)),
        ],
    )
    def test_during_the_count_down_the_words_change_each_minute(self, series, now, expected):
        assert next_state_change(now) == expected

    def test_a_broadcast_without_an_end_time_is_live_for_the_default_length(self, settings):
        settings.BROADCAST_DEFAULT_MINUTES = 45
        broadcast = Broadcast(date=DAY, start=START, end=START, now=at(13, 50))
        assert broadcast.state == BroadcastState.LIVE
        assert broadcast.next_change == at(14, 0)

    def test_the_lead_time_is_a_setting(self, settings):
        settings.BROADCAST_SOON_MINUTES = 30
        assert Broadcast(date=DAY, start=START, end=END, now=at(12, 50)).label == "Börjar om 25 minuter"


def document(filename):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    made = Document(title=filename, file=ContentFile(b"WEBVTT\n", name=filename))
    made.save()
    return made


def test_an_uploaded_recording_plays_with_its_captions(client, series):
    with time_machine.travel(at(15, 0), tick=False):
        part = series.parts.get()
        part.recording_video = document("del-1.mp4")
        part.recording_captions = document("del-1.vtt")
        part.full_clean()
        part.save()
        page = visit(client, series.url)
    assert f'<source src="{part.recording_video.url}" type="video/mp4">' in page
    assert f'<track kind="captions" srclang="sv" label="Svenska" src="{part.recording_captions.url}" default>' in page


def test_captions_must_be_webvtt_and_a_recording_one_of_link_or_file(series):
    part = series.parts.get()
    part.recording_url = "https://vimeo.com/123456789"
    part.recording_video = document("del-1.mov")
    part.recording_captions = document("del-1.srt")
    with pytest.raises(ValidationError) as error:
        part.full_clean()
    assert error.value.message_dict["recording_captions"] == ["Undertexterna måste vara en WebVTT-fil (.vtt)."]
    assert error.value.message_dict["recording_video"] == ["Inspelningen måste vara en fil av typen .mp4 eller .webm."]
    assert error.value.message_dict["recording_url"] == [
        "Ange antingen en länk till inspelningen eller en uppladdad fil, inte båda."
    ]
