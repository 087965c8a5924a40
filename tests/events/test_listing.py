"""The events listing: upcoming first, an archive, filters, pagination, garbage-proof parameters, few queries."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.formatting import STOCKHOLM
from events.models import upcoming
from tests.core.factories import TopicFactory
from tests.events.factories import (
    ConferencePageFactory,
    NetworkPageFactory,
    SeminarPartFactory,
    SeminarSeriesPageFactory,
    in_days,
)
from tests.pages import card_titles, selected_options

pytestmark = pytest.mark.django_db


def conference(parent, title, days, **fields):
    return ConferencePageFactory(parent=parent, title=title, start=in_days(days), end=in_days(days, 16), **fields)


def test_upcoming_events_come_soonest_first_and_past_ones_go_to_the_archive(client, event_index):
    conference(event_index, "Om tjugo dagar", 20)
    conference(event_index, "Om fem dagar", 5)
    conference(event_index, "För tio dagar sedan", -10)
    conference(event_index, "För trettio dagar sedan", -30)
    NetworkPageFactory(parent=event_index, title="Pågående nätverk")
    assert card_titles(client.get(event_index.url)) == ["Om fem dagar", "Om tjugo dagar", "Pågående nätverk"]
    assert card_titles(client.get(event_index.url + "?arkiv=1")) == ["För tio dagar sedan", "För trettio dagar sedan"]


def test_an_event_in_progress_is_still_upcoming(client, event_index):
    ConferencePageFactory(parent=event_index, title="Pågår", start=in_days(-1), end=in_days(1))
    assert card_titles(client.get(event_index.url)) == ["Pågår"]


def test_a_series_is_listed_until_its_last_part(client, event_index):
    series = SeminarSeriesPageFactory(parent=event_index, title="Serie")
    series.parts = [
        SeminarPartFactory.build(date=in_days(-20).date()),
        SeminarPartFactory.build(date=in_days(15).date()),
    ]
    series.save_revision().publish()
    conference(event_index, "Konferens", 10)
    assert card_titles(client.get(event_index.url)) == ["Serie", "Konferens"]


def test_only_live_public_pages_are_listed(client, event_index):
    conference(event_index, "Publicerad", 5)
    draft = conference(event_index, "Utkast", 6)
    draft.unpublish()
    private = conference(event_index, "Lösenordsskyddad", 7)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    assert card_titles(client.get(event_index.url)) == ["Publicerad"]
    assert [page.title for page in upcoming(10)] == ["Publicerad"]


def test_filter_by_format(client, event_index):
    conference(event_index, "Konferens", 5)
    conference(event_index, "Utbildning", 6, event_format="utbildning")
    assert card_titles(client.get(event_index.url + "?format=utbildning")) == ["Utbildning"]
    html = client.get(event_index.url + "?format=utbildning").content.decode()
    assert ("utbildning", "Utbildning") in selected_options(html)


def test_filter_by_topic(client, event_index):
    democracy = TopicFactory(name="Demokrati", slug="demokrati")
    digital = TopicFactory(name="Digitalisering", slug="digitalisering")
    conference(event_index, "Om demokrati", 5, topics=[democracy])
    conference(event_index, "Om digitalisering", 6, topics=[digital])
    conference(event_index, "Om båda", 7, topics=[democracy, digital])
    assert card_titles(client.get(event_index.url + "?amne=demokrati")) == ["Om demokrati", "Om båda"]
    assert card_titles(client.get(event_index.url + "?amne=digitalisering&format=konferens")) == [
        "Om digitalisering",
        "Om båda",
    ]


def test_pagination_keeps_the_filters(client, event_index):
    for day in range(1, 24):
        conference(event_index, f"Dag {day:02d}", day)
    assert card_titles(client.get(event_index.url)) == [f"Dag {day:02d}" for day in range(1, 11)]
    assert card_titles(client.get(event_index.url + "?sida=3")) == ["Dag 21", "Dag 22", "Dag 23"]
    html = client.get(event_index.url + "?format=konferens&sida=2").content.decode()
    assert 'href="?format=konferens&amp;sida=3" rel="next"' in html
    assert "sida 2 av 3" in html


def test_the_archive_asks_the_database_for_one_page_of_past_events(client, event_index, settings):
    settings.PAGE_CACHE_ENABLED = False  # watch the render's queries
    for day in range(1, 24):
        conference(event_index, f"För {day:02d} dagar sedan", -day)
    series = SeminarSeriesPageFactory(parent=event_index, title="Avslutad serie")
    series.parts = [SeminarPartFactory.build(date=timezone.localdate() - dt.timedelta(days=40))]
    series.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        page = client.get(event_index.url + "?arkiv=1&sida=3")

    assert card_titles(page) == ["För 21 dagar sedan", "För 22 dagar sedan", "För 23 dagar sedan", "Avslutad serie"]
    listing = [query["sql"] for query in queries if "UNION ALL" in query["sql"]]
    assert any(sql.startswith("SELECT COUNT(*)") for sql in listing), listing
    # The last page is read from the far end (oldest first, then turned round): its four rows, no more.
    assert any(re.search(r"ORDER BY 2 ASC, 1 ASC LIMIT 4$", sql) for sql in listing), listing
    assert all(sql.startswith("SELECT COUNT(*)") or re.search(r"LIMIT \d+$", sql) for sql in listing), listing


def test_an_archive_page_in_the_first_half_is_read_from_the_newest_end(client, event_index, settings):
    settings.PAGE_CACHE_ENABLED = False
    for day in range(1, 31):
        conference(event_index, f"För {day:02d} dagar sedan", -day)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(event_index.url + "?arkiv=1&sida=2")

    assert card_titles(page) == [f"För {day:02d} dagar sedan" for day in range(11, 21)]
    listing = [query["sql"] for query in queries if "UNION ALL" in query["sql"] and "COUNT" not in query["sql"]]
    assert len(listing) == 1
    assert re.search(r"ORDER BY 2 DESC, 1 DESC LIMIT 10 OFFSET 10$", listing[0]), listing


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("?format=<script>alert(1)</script>", "Dag 01"),
        ("?amne=%00", "Dag 01"),
        ("?amne=finns-inte", "Dag 01"),
        ("?sida=-1", "Dag 01"),
        ("?sida=abc", "Dag 01"),
        ("?sida=0", "Dag 01"),
        ("?sida=99999", "Dag 11"),
        ("?sida=" + "9" * 400, "Dag 01"),
        ("?arkiv=ja", "Dag 01"),
        ("?format=&amne=&sida=", "Dag 01"),
    ],
)
def test_garbage_parameters_fall_back_to_defaults(client, event_index, query, expected_first):
    for day in range(1, 12):
        conference(event_index, f"Dag {day:02d}", day)
    response = client.get(event_index.url + query)
    assert response.status_code == 200
    assert card_titles(client.get(event_index.url + query))[0] == expected_first
    assert "<script>alert(1)" not in response.content.decode()


def test_an_empty_listing_says_so(client, event_index):
    assert "Det finns inga kommande evenemang." in client.get(event_index.url).content.decode()
    assert "Det finns inga tidigare evenemang." in client.get(event_index.url + "?arkiv=1").content.decode()


def test_upcoming_helper_for_the_home_page(event_index):
    conference(event_index, "Senare", 9)
    conference(event_index, "Först", 2)
    conference(event_index, "Förbi", -2)
    events = upcoming(2)
    assert [event.title for event in events] == ["Först", "Senare"]
    assert events[0].card_meta.endswith("Göteborg · Konferens")


def test_card_meta_reads_date_city_and_format(event_index):
    page = ConferencePageFactory(parent=event_index, start=dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM))
    assert page.card_meta == "12 mars 2027, Göteborg · Konferens"
    page.end = dt.datetime(2027, 3, 13, 16, 0, tzinfo=STOCKHOLM)
    page.status = "flyttad"
    assert page.card_meta == "12–13 mars 2027, Göteborg · Konferens · Flyttad"


def count_queries(client, url):
    client.get(url)  # warm the per-site caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_listing_makes_as_many_queries_for_30_events_as_for_5(
    client, event_index, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_ENABLED = False  # count the render's queries, not a page cache hit
    topic = TopicFactory()
    for day in range(5):
        conference(event_index, f"Konferens {day}", day + 1, topics=[topic])
    few = count_queries(client, event_index.url)
    for day in range(5, 30):
        conference(event_index, f"Konferens {day}", day + 1, topics=[topic])
    series = SeminarSeriesPageFactory(parent=event_index)
    series.parts = [SeminarPartFactory.build()]
    series.save_revision().publish()
    NetworkPageFactory(parent=event_index)
    client.get(event_index.url)
    with django_assert_max_num_queries(few):
        assert client.get(event_index.url).status_code == 200
    with django_assert_max_num_queries(few):
        assert client.get(event_index.url + f"?amne={topic.slug}&sida=2").status_code == 200
