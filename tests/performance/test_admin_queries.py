"""The admin's reports and lists read as many queries with six times the content as with a little.

Each test measures a view, adds pages, events, answers (some summed by the daily summary, some
today's, some spam, some with comments) and registrations (confirmed, waitlisted, cancelled), and
measures again. The budgets are today's counts with a little room, so a query per row shows up here.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feedback.models import FeedbackState
from feedback.summary import rebuild
from registrations.models import Status
from tests.events.factories import EventIndexPageFactory
from tests.feedback.factories import FeedbackResponseFactory
from tests.home.factories import ContentPageFactory
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BUDGET = {
    "/admin/": 38,
    "/admin/reports/aterkoppling/": 14,
    "/admin/reports/aterkoppling/?period_from={week_ago}": 14,
    "/admin/reports/aterkoppling/?ordering=-latest_response_at": 14,
    "/admin/reports/kommentarer/": 13,
    "/admin/anmalningar/": 10,
    "/admin/anmalningar/?status=waitlisted": 10,
    "/admin/reports/anmalningar/": 9,
}


@pytest.fixture
def admin(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.se", "lösenord-långt"))
    return client


def grow(home_page, event_index, pages):
    """`pages` answered pages and as many events with sign-ups; then the days before today are summed anew."""
    today = timezone.localdate()
    existing = ContentPageFactory._meta.model.objects.count()
    for number in range(pages):
        page = ContentPageFactory(parent=home_page, title=f"Sida {existing + number}")
        for days_ago, helpful, comment in ((30, True, ""), (3, False, "Saknar datum"), (0, False, "Idag")):
            at = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9)))
            FeedbackResponseFactory(page=page, helpful=helpful, comment=comment, created_at=at)
        FeedbackResponseFactory(page=page, helpful=False, comment="Köp klockor", state=FeedbackState.SPAM)
        event = OnsiteConferenceFactory(parent=event_index, title=f"Konferens {existing + number}")
        for status in (Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED, Status.CANCELLED):
            RegistrationFactory(event=event, status=status)
    rebuild()  # the answers were added with earlier dates, as the demo does


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return [query["sql"][:160] for query in captured.captured_queries]


@pytest.mark.parametrize("view", BUDGET)
def test_an_admin_view_reads_as_many_queries_for_six_times_the_content(admin, home_page, view):
    event_index = EventIndexPageFactory(parent=home_page)
    url = view.format(week_ago=timezone.localdate() - dt.timedelta(days=7))
    grow(home_page, event_index, 2)
    queries(admin, url)  # warms Wagtail's caches of sites and content types
    few = queries(admin, url)
    grow(home_page, event_index, 10)

    many = queries(admin, url)

    assert len(few) <= BUDGET[view], "\n".join(few)
    assert len(many) <= len(few), "\n".join(many)
