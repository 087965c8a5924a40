"""Site notices appear on every page, but only inside their time window."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import SiteNotice
from tests.core.factories import SiteNoticeFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

STOCKHOLM = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 3, 1, 8, 0, tzinfo=STOCKHOLM)
END = dt.datetime(2026, 3, 10, 17, 0, tzinfo=STOCKHOLM)
MESSAGE = "Så påverkas kurser och konferenser av det nya coronaviruset"


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (START - dt.timedelta(minutes=1), False),
        (START, True),
        (END - dt.timedelta(minutes=1), True),
        (END, False),
    ],
)
def test_notice_shows_only_inside_its_window(client, home_page, moment, shown):
    SiteNoticeFactory(starts_at=START, ends_at=END)
    page = ContentPageFactory(parent=home_page)
    with time_machine.travel(moment, tick=False):
        html = client.get(page.url).content.decode()
    assert (MESSAGE in html) is shown


def test_the_banner_is_read_again_when_a_notice_starts_or_ends(client, home_page, settings):
    # The banner is kept between pages; it must not outlive the moment a notice starts or ends.
    settings.PAGE_CACHE_ENABLED = False
    SiteNoticeFactory(starts_at=START, ends_at=END)
    page = ContentPageFactory(parent=home_page)
    seen = []
    for moment in (START - dt.timedelta(seconds=1), START, END - dt.timedelta(seconds=1), END):
        with time_machine.travel(moment, tick=False):
            seen.append(MESSAGE in client.get(page.url).content.decode())
    assert seen == [False, True, True, False]


def test_the_banner_is_kept_between_pages_until_something_changes(client, home_page, settings):
    settings.PAGE_CACHE_ENABLED = False
    notice = SiteNoticeFactory(starts_at=None, ends_at=None)
    page = ContentPageFactory(parent=home_page)
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert MESSAGE in client.get(page.url).content.decode()
    assert not [query for query in queries if "core_sitenotice" in query["sql"]]
    notice.message = "Nytt meddelande"
    notice.save_revision().publish()
    assert "Nytt meddelande" in client.get(page.url).content.decode()


def test_open_ended_notice_shows_until_removed(client, home_page):
    SiteNoticeFactory(starts_at=None, ends_at=None)
    assert MESSAGE in client.get("/").content.decode()


def test_notice_links_to_its_page_or_address(client, home_page):
    target = ContentPageFactory(parent=home_page, title="Covid-19", slug="covid-19")
    SiteNoticeFactory(link_url="", link_page=target)
    html = client.get("/").content.decode()
    assert f'<a href="{target.url}">{MESSAGE}</a>' in html


def test_a_notice_follows_its_page_to_a_new_address(client, home_page):
    target = ContentPageFactory(parent=home_page, title="Covid-19", slug="covid-19")
    SiteNoticeFactory(link_url="", link_page=target)
    client.get("/")

    target.slug = "coronaviruset"
    target.save_revision().publish()

    assert f'<a href="/coronaviruset/">{MESSAGE}</a>' in client.get("/").content.decode()


def test_notice_with_end_before_start_is_rejected():
    notice = SiteNotice(message="x", starts_at=timezone.now(), ends_at=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        notice.clean()
    assert "Sluttiden måste vara efter starttiden." in str(error.value)
