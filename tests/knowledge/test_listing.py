"""The Kunskap listing: newest first, filters by topic and type, pages, and shrugs off odd parameters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.core.factories import TopicFactory
from tests.pages import card_titles, selected_options

from .factories import KnowledgeIndexPageFactory, KnowledgePageFactory, podcast, web_course, webcast

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return TopicFactory(name="Digitalisering", slug="digitalisering"), TopicFactory(name="Demokrati", slug="demokrati")


@pytest.fixture
def pages(knowledge_index, topics):
    digital, democracy = topics
    made = {
        "kurs": KnowledgePageFactory(
            parent=knowledge_index, title="Kurs", publication_date="2021-01-01", body=[web_course()]
        ),
        "podd": KnowledgePageFactory(
            parent=knowledge_index, title="Podd", publication_date="2021-03-01", body=[podcast()]
        ),
        "film": KnowledgePageFactory(
            parent=knowledge_index, title="Film", publication_date="2021-06-22", body=[webcast(), podcast()]
        ),
    }
    made["kurs"].topics.add(democracy)
    made["film"].topics.add(digital)
    made["podd"].topics.add(digital)
    for page in made.values():
        page.save()
    return made


def test_listing_shows_live_public_pages_newest_first(client, knowledge_index, pages):
    KnowledgePageFactory(parent=knowledge_index, title="Utkast", live=False)
    private = KnowledgePageFactory(parent=knowledge_index, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    response = client.get(knowledge_index.url)
    assert card_titles(response) == ["Film", "Podd", "Kurs"]
    html = response.content.decode()
    assert "Publicerad 22 juni 2021 · Webbsändning, Podd" in html
    assert '<label for="filter-amne">Ämne</label>' in html
    assert f'href="{knowledge_index.url}rss/">Prenumerera' in html
    assert 'rel="alternate" type="application/rss+xml"' in html


def test_listing_filters_by_topic(client, knowledge_index, pages):
    response = client.get(knowledge_index.url, {"amne": "digitalisering"})
    assert card_titles(response) == ["Film", "Podd"]
    assert ("digitalisering", "Digitalisering") in selected_options(response)


@pytest.mark.parametrize(
    ("typ", "expected"),
    [("webbsandning", ["Film"]), ("podd", ["Film", "Podd"]), ("webbkurs", ["Kurs"]), ("webbinarium", [])],
)
def test_listing_filters_by_type_of_content(client, knowledge_index, pages, typ, expected):
    response = client.get(knowledge_index.url, {"typ": typ})
    assert card_titles(response) == expected


def test_topic_and_type_filters_combine(client, knowledge_index, pages):
    assert card_titles(client.get(knowledge_index.url, {"amne": "digitalisering", "typ": "webbsandning"})) == ["Film"]
    response = client.get(knowledge_index.url, {"amne": "demokrati", "typ": "podd"})
    assert card_titles(response) == []
    assert "Det finns inget material som matchar ditt val." in response.content.decode()


def test_listing_offers_only_topics_in_use_below_it(client, knowledge_index, pages):
    TopicFactory(name="Arbetsliv", slug="arbetsliv")
    response = client.get(knowledge_index.url)
    assert [topic.slug for topic in response.context["topics"]] == ["demokrati", "digitalisering"]


def test_listing_paginates_and_keeps_the_filters_in_page_links(client, knowledge_index):
    for day in range(1, 13):
        KnowledgePageFactory(parent=knowledge_index, title=f"Sida {day:02}", publication_date=f"2021-05-{day:02}")
    first = client.get(knowledge_index.url, {"typ": ""})
    assert card_titles(first) == [f"Sida {day:02}" for day in range(12, 2, -1)]
    second = client.get(knowledge_index.url, {"sida": "2"})
    assert card_titles(second) == ["Sida 02", "Sida 01"]
    assert '<span aria-current="page">2</span>' in second.content.decode()
    filtered = client.get(knowledge_index.url, {"amne": "finns-inte", "sida": "1"}).content.decode()
    assert 'href="?sida=2"' in filtered


def test_page_links_carry_the_filters(client, knowledge_index, topics):
    digital = topics[0]
    for day in range(1, 13):
        page = KnowledgePageFactory(parent=knowledge_index, publication_date=f"2021-05-{day:02}")
        page.topics.add(digital)
        page.save()
    html = client.get(knowledge_index.url, {"amne": "digitalisering"}).content.decode()
    assert 'href="?amne=digitalisering&amp;sida=2"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"amne": "<script>alert(1)</script>"},
        {"typ": "\x00"},
        {"amne": "\x00", "typ": "podd\x00"},
        {"sida": "abc"},
        {"sida": "-5"},
        {"sida": "99999"},
        {"sida": "1e9"},
        {"sida": "\x00"},
    ],
)
def test_garbage_parameters_fall_back_to_defaults(client, knowledge_index, pages, query):
    response = client.get(knowledge_index.url, query)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert card_titles(response) == ["Film", "Podd", "Kurs"]


def test_a_page_number_past_the_end_shows_the_last_page(client, knowledge_index):
    for day in range(1, 13):
        KnowledgePageFactory(parent=knowledge_index, publication_date=f"2021-05-{day:02}")
    response = client.get(knowledge_index.url, {"sida": "99999"})
    assert response.context["knowledge_pages"].number == 2
    assert client.get(knowledge_index.url, {"sida": "-5"}).context["knowledge_pages"].number == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)


def test_listing_queries_do_not_grow_with_the_number_of_pages(client, knowledge_index, topics):
    def add_pages(count):
        for _ in range(count):
            page = KnowledgePageFactory(parent=knowledge_index, body=[webcast()])
            page.topics.add(*topics)
            page.save()

    add_pages(2)
    client.get(knowledge_index.url)  # warm the caches of the site root and settings
    with_two = count_queries(client, knowledge_index.url)
    add_pages(8)
    assert count_queries(client, knowledge_index.url) == with_two


def test_another_listing_shows_only_its_own_pages(client, home_page, knowledge_index, pages):
    other = KnowledgeIndexPageFactory(parent=home_page, title="Annat", slug="annat")
    KnowledgePageFactory(parent=other, title="Annan sida")
    assert card_titles(client.get(other.url)) == ["Annan sida"]
