"""The archive, the calendar feed, a sitemap section and search at a few pages and at ten times as many:
the same number of queries, so ten years of content cost no more round trips than the first month.

Timings at 10,000 pages are printed by scripts/bench_scale.py (docs/performance.md), not asserted.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.events.factories import ConferencePageFactory, EventIndexPageFactory, in_days
from tests.home.factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

FEW, MANY = 3, 30


def queries(client, url):
    """The queries of a render after a first one has warmed Wagtail's own caches (site root paths)."""
    assert client.get(url).status_code == 200, url
    caches["template_fragments"].clear()  # search results are cached fragments: count the search itself
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured.captured_queries)


def add_conferences(index, first, last):
    """Past and upcoming conferences, numbered first..last-1, one a week either side of today."""
    for number in range(first, last):
        for weeks in (-number - 1, number + 1):
            page = ConferencePageFactory(
                parent=index,
                title=f"Konferens om kommunen {number} ({weeks})",
                slug=f"konferens-{number}-{'fore' if weeks < 0 else 'efter'}",
                start=in_days(7 * weeks),
                end=in_days(7 * weeks, 16),
            )
            page.save_revision().publish()


def add_pages(home_page, first, last):
    for number in range(first, last):
        page = ContentPageFactory(parent=home_page, title=f"Sida om kommunen {number}", slug=f"sida-{number}")
        page.save_revision().publish()


@pytest.fixture
def event_index(home_page):
    index = EventIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.mark.parametrize("query", ["?arkiv=1", "?arkiv=1&sida=3", "kalender/"])
def test_the_archive_its_last_page_and_the_calendar_feed_need_as_many_queries_with_many_events(
    client, event_index, query
):
    url = event_index.url + query
    add_conferences(event_index, 0, FEW)
    few = queries(client, url)
    add_conferences(event_index, FEW, MANY)
    assert queries(client, url) == few


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-sidor.xml", "/sitemap-sidor.xml?p=2"])
def test_the_sitemap_and_its_sections_need_as_many_queries_with_many_pages(client, home_page, monkeypatch, url):
    from home.sitemaps import PageSitemap

    monkeypatch.setattr(PageSitemap, "limit", FEW)
    add_pages(home_page, 0, FEW + 1)
    few = queries(client, url)
    add_pages(home_page, FEW + 1, MANY)
    assert queries(client, url) == few


@pytest.mark.parametrize("url", ["/sok/?q=kommunen", "/sok/?q=kommunen&sida=2", "/sok/?q=ovanligt"])
def test_search_needs_as_many_queries_with_many_matching_pages(client, home_page, url):
    add_pages(home_page, 0, FEW + 10)
    few = queries(client, url)
    add_pages(home_page, FEW + 10, MANY)
    assert queries(client, url) == few


def test_a_search_asked_again_before_the_next_change_is_answered_without_searching(client, home_page):
    add_pages(home_page, 0, FEW)
    with CaptureQueriesContext(connection) as first_queries:
        first = client.get("/sok/?q=kommunen").content.decode()

    with CaptureQueriesContext(connection) as again:
        second = client.get("/sok/?q=kommunen").content.decode()

    assert second == first
    assert "3 träffar" in second
    # No search, no promotions, no count, no result pages: only the editors' statistics count the hit.
    searching = [
        query["sql"]
        for query in again.captured_queries
        if "wagtailsearch_indexentry" in query["sql"] or "wagtailsearchpromotions_searchpromotion" in query["sql"]
    ]
    assert searching == []
    assert len(again.captured_queries) <= len(first_queries.captured_queries) - 5
    add_pages(home_page, FEW, FEW + 1)  # publishing starts a new generation
    assert "4 träffar" in client.get("/sok/?q=kommunen").content.decode()


def test_a_new_promotion_is_shown_at_once_though_results_are_cached(client, home_page):
    add_pages(home_page, 0, FEW)
    other = ContentPageFactory(parent=home_page, title="Arbetsgivarfrågor", slug="arbetsgivare", intro="")
    other.save_revision().publish()
    assert "Arbetsgivarfrågor" not in client.get("/sok/?q=kommunen").content.decode()

    SearchPromotion.objects.create(query=Query.get("kommunen"), page=other, sort_order=0, description="")

    assert "Arbetsgivarfrågor" in client.get("/sok/?q=kommunen").content.decode()
