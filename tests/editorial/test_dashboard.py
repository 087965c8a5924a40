"""The admin's home page shows editors what is coming up, what helps least, which notices show and what waits."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateformat import format
from wagtail.models import Workflow

from tests.core.factories import SiteNoticeFactory
from tests.events.factories import (
    ConferencePageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
    in_days,
)
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.pages import part, texts
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def answer(page, yes, no):
    for helpful, count in ((True, yes), (False, no)):
        FeedbackResponseFactory.create_batch(count, page=page, helpful=helpful)


@pytest.fixture
def content(home_page, event_index):
    """A little of everything the panels list."""
    soon = OnsiteConferenceFactory(parent=event_index, title="Konferens om jäv", start=in_days(5, 9, 30))
    RegistrationFactory.create_batch(2, event=soon)
    ConferencePageFactory(parent=event_index, title="Konferens om sex veckor", start=in_days(45))
    ConferencePageFactory(parent=event_index, title="Utkast till konferens", start=in_days(3), live=False)

    unclear = ContentPageFactory(parent=home_page, title="Otydlig sida")
    clear = ContentPageFactory(parent=home_page, title="Tydlig sida")
    answer(unclear, yes=1, no=3)
    answer(clear, yes=4, no=0)
    answer(ContentPageFactory(parent=home_page, title="Sida med få svar"), yes=0, no=2)

    now = timezone.now()
    SiteNoticeFactory(message="Ändrade öppettider i sommar", starts_at=now - dt.timedelta(days=1), ends_at=None)
    SiteNoticeFactory(message="Planerat underhåll", starts_at=now + dt.timedelta(days=3), ends_at=None)
    SiteNoticeFactory(
        message="Gammalt meddelande", starts_at=now - dt.timedelta(days=9), ends_at=now - dt.timedelta(days=2)
    )
    return {"unclear": unclear}


@pytest.fixture
def submitted_page(home_page, communicator):
    page = ContentPageFactory(parent=home_page, title="Sida att granska", live=False)
    page.save_revision(user=communicator)
    Workflow.objects.get(name="Granskning").start(page, communicator)
    return page


def dashboard(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_upcoming_events_panel_lists_live_events_in_the_next_30_days_with_signups(client_for, publisher, content):
    html = dashboard(client_for(publisher))
    panel = part(html, 'section[id^="editorial-upcoming-events"]')
    assert "Evenemang de närmaste 30 dagarna" in html
    assert "Konferens om jäv" in panel
    assert "<td>2</td>" in panel
    assert "Konferens om sex veckor" not in panel
    assert "Utkast till konferens" not in panel


def series_with_parts(event_index, title, *days):
    page = SeminarSeriesPageFactory(parent=event_index, title=title)
    page.parts = [SeminarPartFactory.build(date=in_days(day).date(), theme=f"Del {day}") for day in days]
    page.save_revision().publish()
    return page


def network_with_meetings(event_index, title, *days):
    meetings = [{"type": "meeting", "value": {"date": in_days(day).date(), "title": f"Träff {day}"}} for day in days]
    page = NetworkPageFactory(parent=event_index, title=title, meetings=meetings)
    page.save_revision().publish()
    return page


def test_series_and_networks_count_by_their_next_part_or_meeting(client_for, publisher, event_index):
    series_with_parts(event_index, "Serie med nästa del om 15 dagar", -10, 15)
    series_with_parts(event_index, "Serie som är slut", -20, -10)
    series_with_parts(event_index, "Serie om två månader", 60, 67)
    network_with_meetings(event_index, "Nätverk som träffas om 12 dagar", -30, 12, 90)
    network_with_meetings(event_index, "Nätverk som träffas i vår", 100)
    panel = part(dashboard(client_for(publisher)), 'section[id^="editorial-upcoming-events"]')
    assert texts(panel, "td.title a") == ["Nätverk som träffas om 12 dagar", "Serie med nästa del om 15 dagar"]
    assert format(in_days(15, 13, 15), "j F Y H.i") in panel


def test_the_scheduled_panel_lists_pages_and_notices_that_the_clock_will_change(client_for, publisher, home_page):
    now = timezone.now()
    coming = ContentPageFactory(parent=home_page, title="Sida som publiceras i morgon", live=False)
    coming.go_live_at = now + dt.timedelta(days=1)
    coming.save_revision().publish()
    ContentPageFactory(parent=home_page, title="Sida som avpubliceras", expire_at=now + dt.timedelta(days=2))
    SiteNoticeFactory(message="Underhåll på lördag", starts_at=now + dt.timedelta(days=3), ends_at=None)
    ContentPageFactory(parent=home_page, title="Vanlig sida")
    panel = part(dashboard(client_for(publisher)), 'section[id^="editorial-scheduled"]')
    assert texts(panel, "tbody td:nth-child(2)") == ["Publiceras", "Avpubliceras", "Driftmeddelande visas"]
    titles = ["Sida som publiceras i morgon", "Sida som avpubliceras", "Underhåll på lördag"]
    assert texts(panel, "td.title a") == titles


def test_the_least_helpful_panel_lists_the_lowest_share_of_yes_first(client_for, superuser, content):
    html = dashboard(client_for(superuser))
    panel = part(html, 'section[id^="editorial-least-helpful"]')
    titles = texts(panel, "td.title")
    assert titles.index("Otydlig sida") < titles.index("Tydlig sida")
    assert "25\u00a0%" in panel
    assert "Sida med få svar" not in panel
    assert f"/admin/reports/aterkoppling/{content['unclear'].pk}/" in panel
    assert "/admin/reports/aterkoppling/" in panel


def test_the_least_helpful_panel_is_only_for_those_who_may_read_feedback(client_for, communicator, content):
    assert "Sidor som hjälper minst" not in dashboard(client_for(communicator))


def test_the_notices_panel_lists_active_and_scheduled_notices(client_for, communicator, content):
    html = dashboard(client_for(communicator))
    panel = part(html, 'section[id^="editorial-notices"]')
    assert "Ändrade öppettider i sommar" in panel
    assert "Visas nu" in panel
    assert "Planerat underhåll" in panel
    assert "Planerat från" in panel
    assert "Gammalt meddelande" not in panel


def test_the_moderation_panel_lists_every_page_awaiting_approval(client_for, communicator, submitted_page):
    html = dashboard(client_for(communicator))
    panel = part(html, 'section[id^="editorial-in-moderation"]')
    assert "Sida att granska" in panel
    assert "Godkännande av publicist" in panel
    assert "kommunikator" in panel


def test_a_feedback_reader_sees_only_the_feedback_panel(client_for, feedback_reader, content):
    html = dashboard(client_for(feedback_reader))
    assert "Sidor som hjälper minst" in html
    assert "Driftmeddelanden som visas" not in html
    assert "Planerade ändringar" not in html
    assert "Sidor som väntar på granskning" not in html
    assert "Evenemang de närmaste" not in html


def count_dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        dashboard(client)
    return len(queries)


def test_the_panels_read_a_bounded_number_of_queries(client_for, superuser, content, home_page, event_index):
    client = client_for(superuser)
    dashboard(client)  # warm the caches of content types and sites
    before = count_dashboard_queries(client)
    for number in range(6):
        event = OnsiteConferenceFactory(
            parent=event_index, title=f"Extra konferens {number}", start=in_days(number + 1)
        )
        RegistrationFactory(event=event)
        answer(ContentPageFactory(parent=home_page, title=f"Extra sida {number}"), yes=1, no=3)
        SiteNoticeFactory(message=f"Extra meddelande {number}", starts_at=None, ends_at=None)
    after = count_dashboard_queries(client)
    assert after <= before + 2
