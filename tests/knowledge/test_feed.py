"""The RSS feed of a knowledge listing: valid RSS, live public pages only, linked from the pages."""

import feedparser
import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from core.models import Topic
from knowledge.models import KnowledgeIndexPage, KnowledgePage
from tests.core.factories import TopicFactory
from tests.downloads import parse_rss

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


@pytest.mark.parametrize("breaker", ["\x0b", "\x00", "\x1b", "\r", "\ufffe"])
def test_control_characters_in_stored_texts_leave_the_feed_valid(client, knowledge_index, breaker):
    if breaker == "\x00" and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store a NUL character at all")
    page = KnowledgePageFactory(parent=knowledge_index, title="Ledning", intro="Intro")
    topic = TopicFactory(name="Digitalisering", slug="digitalisering")
    page.topics.add(topic)
    page.save()
    KnowledgePage.objects.filter(pk=page.pk).update(title=f"Led{breaker}ning", intro=f"Första{breaker}raden")
    KnowledgeIndexPage.objects.filter(pk=knowledge_index.pk).update(intro=f"Om{breaker}kunskap")
    Topic.objects.filter(pk=topic.pk).update(name=f"Digital{breaker}isering")

    response = client.get(f"{knowledge_index.url}rss/")

    assert response.status_code == 200
    feed = parse_rss(response.content)
    (entry,) = feed.entries
    assert entry.title in {"Led ning", "Ledning"}
    assert breaker not in entry.summary and breaker not in feed.feed.description
    assert [tag.term for tag in entry.tags] in (["Digital isering"], ["Digitalisering"])
