"""The RSS feed of a knowledge listing: valid RSS, live public pages only, linked from the pages."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.core.factories import TopicFactory

from .factories import KnowledgePageFactory

pytestmark = pytest.mark.django_db


def test_feed_lists_only_live_public_pages_newest_first(client, knowledge_index):
    topic = TopicFactory(name="Digitalisering", slug="digitalisering")
    newest = KnowledgePageFactory(
        parent=knowledge_index,
        title="Ledning, styrning och organisation för att digitalisera",
        intro="Material om de förtroendevaldas roll.",
        publication_date="2021-06-22",
    )
    newest.topics.add(topic)
    newest.save()
    KnowledgePageFactory(parent=knowledge_index, title="Äldre sida", publication_date="2020-01-01")
    KnowledgePageFactory(parent=knowledge_index, title="Utkast", live=False)
    private = KnowledgePageFactory(parent=knowledge_index, title="Intern sida")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")

    response = client.get(f"{knowledge_index.url}rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Kunskap"
    assert [entry.title for entry in feed.entries] == [
        "Ledning, styrning och organisation för att digitalisera",
        "Äldre sida",
    ]
    first = feed.entries[0]
    assert first.link == newest.full_url
    assert first.summary == "Material om de förtroendevaldas roll."
    assert tuple(first.published_parsed[:3]) == (2021, 6, 21)  # midnight in Stockholm is 22:00 UTC the day before
    assert [tag.term for tag in first.tags] == ["Digitalisering"]


def test_an_empty_listing_has_a_valid_empty_feed(client, knowledge_index):
    feed = feedparser.parse(client.get(f"{knowledge_index.url}rss/").content)
    assert not feed.bozo
    assert feed.entries == []


def test_the_feed_of_an_unpublished_listing_is_not_found(client, knowledge_index):
    knowledge_index.unpublish()
    assert client.get(f"{knowledge_index.url}rss/").status_code == 404
