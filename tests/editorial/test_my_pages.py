"""Specification: "Mina sidor" shows each editor exactly the pages they own that are due for review, have
new "Nej" comments, help less than before or link to a page that changed; Publicister see every overdue
review per owner; a report lists every page that links to a page visitors cannot reach."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from feedback.models import FeedbackState
from tests.events.factories import ConferencePageFactory, in_days
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.pages import part, table_rows

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 4, 10)
NOON = dt.datetime(2027, 4, 10, 10, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOON, tick=False):
        yield


def days(n):
    return TODAY + dt.timedelta(days=n)


def panel(client):
    html = client.get("/admin/").content.decode()
    return part(html, 'section[id^="editorial-my-pages"]')


@pytest.fixture
def owned(home_page, event_index, communicator, publisher):
    """The communicator's pages in every state, and the publisher's, which must not show."""
    mine = {
        "overdue": ContentPageFactory(
            parent=home_page, title="Min försenade sida", owner=communicator, review_due=days(-3)
        ),
        "soon": ContentPageFactory(parent=home_page, title="Min sida snart", owner=communicator, review_due=days(20)),
        "later": ContentPageFactory(parent=home_page, title="Min sida sedan", owner=communicator, review_due=days(90)),
        "draft": ContentPageFactory(
            parent=home_page, title="Mitt utkast", owner=communicator, review_due=days(-3), live=False
        ),
        "past_event": ConferencePageFactory(
            parent=event_index,
            title="Min förbi konferens",
            owner=communicator,
            review_due=days(-3),
            start=in_days(-20),
            end=None,
        ),
        "event": ConferencePageFactory(
            parent=event_index,
            title="Min kommande konferens",
            owner=communicator,
            review_due=days(-1),
            start=in_days(20),
            end=None,
        ),
    }
    theirs = ContentPageFactory(parent=home_page, title="Publicistens sida", owner=publisher, review_due=days(-30))
    return mine, theirs


def test_the_panel_lists_exactly_the_owners_pages_due_within_30_days(client_for, communicator, owned):
    html = panel(client_for(communicator))
    assert "Min försenade sida" in html and "(försenad)" in html
    assert "Min sida snart" in html
    assert "Min kommande konferens" in html
    for absent in ("Min sida sedan", "Mitt utkast", "Min förbi konferens", "Publicistens sida"):
        assert absent not in html, absent


def test_the_panel_lists_the_owners_pages_with_new_nej_comments(client_for, communicator, owned):
    mine, theirs = owned
    FeedbackResponseFactory(page=mine["later"], helpful=False, comment="Fel datum")
    FeedbackResponseFactory(page=mine["soon"], helpful=False, comment="Klart", state=FeedbackState.HANDLED)
    FeedbackResponseFactory(page=mine["soon"], helpful=False, comment="Reklam", state=FeedbackState.SPAM)
    FeedbackResponseFactory(page=theirs, helpful=False, comment="Otydligt")
    rows = table_rows(panel(client_for(communicator)), "table:nth-of-type(2)")
    assert [row[0] for row in rows] == ["Min sida sedan"]


def test_the_panel_lists_the_owners_pages_whose_share_of_ja_fell(client_for, communicator, owned):
    mine, _ = owned
    now = timezone.now()
    for page, before_yes, after_yes in ((mine["later"], 9, 2), (mine["soon"], 6, 6)):
        for index in range(10):
            FeedbackResponseFactory(page=page, helpful=index < before_yes, created_at=now - dt.timedelta(days=60))
            FeedbackResponseFactory(page=page, helpful=index < after_yes, created_at=now - dt.timedelta(days=5))
    html = panel(client_for(communicator))
    section = html.split("Hjälper mindre än förut")[1].split("Länkar att se över")[0]
    assert "Min sida sedan" in section and "20\xa0% av 10 svar" in section and "90\xa0% av 10 svar" in section
    assert "Min sida snart" not in section


def test_publishers_see_every_overdue_review_per_owner(client_for, publisher, communicator, owned):
    html = client_for(publisher).get("/admin/reports/granskningar/").content.decode()
    rows = table_rows(html)
    titles = [row[1] for row in rows]
    assert set(titles) == {"Min försenade sida", "Min kommande konferens", "Publicistens sida"}
    assert {row[0] for row in rows} == {"kommunikator", "publicist"}


def test_communicators_do_not_get_the_overdue_report(client_for, communicator):
    assert client_for(communicator).get("/admin/reports/granskningar/").status_code == 302


def test_unpublishing_a_page_flags_the_pages_that_link_to_it(client_for, home_page, communicator, publisher):
    target = ContentPageFactory(parent=home_page, title="Gammal sida", slug="gammal")
    linking = ContentPageFactory(
        parent=home_page,
        title="Sida med länk",
        slug="med-lank",
        owner=communicator,
        body=[("paragraph", f'<p>Läs <a linktype="page" id="{target.pk}">här</a>.</p>')],
    )
    linking.save_revision().publish()
    target.unpublish()
    html = panel(client_for(communicator))
    assert "Sida med länk" in html and "”Gammal sida”, som avpublicerades" in html
    report = client_for(publisher).get("/admin/reports/trasiga-lankar/").content.decode()
    assert ["Sida med länk", "kommunikator", "Gammal sida", "Opublicerad"] in table_rows(report)


def test_deleting_or_moving_a_page_flags_the_pages_that_link_to_it(client_for, home_page, communicator):
    target = ContentPageFactory(parent=home_page, title="Flyttas", slug="flyttas")
    other = ContentPageFactory(parent=home_page, title="Raderas", slug="raderas")
    section = ContentPageFactory(parent=home_page, title="Avdelning", slug="avdelning")
    body = [("paragraph", f'<p><a linktype="page" id="{target.pk}">A</a> <a linktype="page" id="{other.pk}">B</a></p>')]
    linking = ContentPageFactory(parent=home_page, title="Länkande sida", owner=communicator, body=body)
    linking.save_revision().publish()
    target.move(section, pos="last-child")
    other.delete()
    html = panel(client_for(communicator))
    assert "”Flyttas”, som flyttades" in html
    assert "”Raderas”, som raderades" in html
    report = client_for(communicator).get("/admin/reports/trasiga-lankar/").content.decode()
    assert ["Länkande sida", "kommunikator", "Raderas", "Raderad"] in table_rows(report)
