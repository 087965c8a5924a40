"""The route memo: a page's own address is found in one query after its first visit, and the memo
never answers differently from Wagtail's walk down the tree: unknown addresses, sub-routes,
unpublished, moved and private pages behave exactly as without it."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.events.factories import ConferencePageFactory, EventIndexPageFactory, in_days
from tests.home.factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

PASSWORD = "hemligt-lösenord"


@pytest.fixture
def conference(home_page):
    index = EventIndexPageFactory(parent=home_page, title="Kurser och konferenser", slug="kurser-och-konferenser")
    page = ConferencePageFactory(parent=index, title="Presidiekonferens", slug="presidiekonferens", start=in_days(30))
    for published in (index, page):
        published.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def board(home_page):
    page = ContentPageFactory(parent=home_page, title="Styrelsen", slug="styrelsen")
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def memo_writes(monkeypatch):
    """The values the route memo stores in this test."""
    memo = caches["template_fragments"]
    written = []
    real_set = memo.set

    def record(key, value, *args, **kwargs):
        if key.startswith("route:"):
            written.append(value)
        return real_set(key, value, *args, **kwargs)

    monkeypatch.setattr(memo, "set", record)
    return written


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_a_page_two_levels_down_needs_three_queries_fewer_once_its_address_is_known(client, conference, settings):
    url = "/kurser-och-konferenser/presidiekonferens/"
    client.get(url)  # the template fragments are warm from here on
    settings.PAGE_ROUTE_LOOKUP = ""
    walking = queries_for(client, url)
    settings.PAGE_ROUTE_LOOKUP = "core.caching.routes.route"
    queries_for(client, url)

    assert queries_for(client, url) == walking - 3


def test_without_a_route_lookup_the_start_page_routes_as_wagtail_does(client, conference, settings, memo_writes):
    settings.PAGE_ROUTE_LOOKUP = ""

    for _ in range(2):
        assert "Presidiekonferens" in client.get("/kurser-och-konferenser/presidiekonferens/").content.decode()
    assert memo_writes == []


def test_only_a_pages_own_address_is_remembered(client, conference, memo_writes):
    assert client.get("/finns-inte/").status_code == 404
    assert client.get("/kurser-och-konferenser/finns-inte/").status_code == 404
    assert client.get("/kurser-och-konferenser/presidiekonferens/kalender/")["Content-Type"].startswith("text/calendar")
    assert memo_writes == []

    client.get("/kurser-och-konferenser/presidiekonferens/")

    assert memo_writes == [(conference.pk, conference.content_type_id)]


def test_a_remembered_page_keeps_its_calendar_route(client, conference):
    client.get("/kurser-och-konferenser/presidiekonferens/")
    client.get("/kurser-och-konferenser/presidiekonferens/")

    response = client.get("/kurser-och-konferenser/presidiekonferens/kalender/")

    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content


def test_a_page_taken_offline_without_a_new_generation_is_not_served_from_the_memo(client, board):
    client.get("/styrelsen/")
    # An update that sends no signal: the memo still holds the page under the current generation.
    Page.objects.filter(pk=board.pk).update(live=False)

    assert client.get("/styrelsen/").status_code == 404


def test_a_renamed_page_is_not_found_at_its_remembered_address(client, board):
    client.get("/styrelsen/")
    board.slug = "foreningens-styrelse"
    board.save()  # a plain save moves the address but starts no generation

    assert client.get("/styrelsen/").status_code == 404
    assert client.get("/foreningens-styrelse/").status_code == 200


def test_a_remembered_page_that_became_private_still_asks_for_the_password(client, board):
    client.get("/styrelsen/")
    # bulk_create sends no signal, so the memo and the generation are both unchanged.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=board, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD)]
    )

    response = client.get("/styrelsen/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_pages_render_when_the_memo_cannot_be_read(client, board, monkeypatch):
    memo = caches["template_fragments"]
    real_get = memo.get

    def broken(key, *args, **kwargs):
        if key.startswith("route:"):
            raise ConnectionError("the cache is unreachable")
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(memo, "get", broken)

    assert client.get("/styrelsen/").status_code == 200
