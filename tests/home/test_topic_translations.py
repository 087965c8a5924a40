"""Topics in English: a topic is translated like a snippet, keeps its one slug in both languages,
and English pages name it in English (chips, facts, topic pages, filters, the follow form)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.models import Topic
from core.translation import translate
from events.models import ConferencePage
from knowledge.models import KnowledgePage
from tests.core.factories import TopicFactory
from tests.events.factories import ConferencePageFactory, EventIndexPageFactory
from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_home(home_page):
    return translate(home_page, "en", {"Startsida": "Home", "home": "home-en"})


@pytest.fixture
def topics(db):
    digital = TopicFactory(name="Digitalisering", slug="digitalisering", description="Om digitala tjänster.")
    democracy = TopicFactory(name="Demokrati", slug="demokrati")
    translate(digital, "en", {"Digitalisering": "Digitalisation", "Om digitala tjänster.": "On digital services."})
    return {"digital": digital, "democracy": democracy}


@pytest.fixture
def knowledge(home_page, english_home, topics):
    index = KnowledgeIndexPageFactory(parent=home_page)
    page = KnowledgePageFactory(parent=index, title="Leda digitalisering", slug="leda")
    page.topics.set([topics["digital"], topics["democracy"]])
    page.save_revision().publish()
    index_en = translate(index, "en", {"Kunskap": "Knowledge", "kunskap": "knowledge"})
    page_en = translate(page, "en", {"Leda digitalisering": "Leading digitalisation", "leda": "leading"})
    return {"index": index, "page": page, "index_en": index_en, "page_en": page_en}


def test_a_translated_topic_keeps_its_slug_and_the_swedish_one_stays(topics):
    english = Topic.objects.get(locale__language_code="en")
    assert (english.name, english.slug) == ("Digitalisation", "digitalisering")
    assert english.translation_key == topics["digital"].translation_key
    assert set(Topic.objects.sources().values_list("name", flat=True)) == {"Digitalisering", "Demokrati"}


def test_new_topics_are_swedish(topics):
    assert topics["democracy"].locale == Locale.objects.get(language_code="sv")


def test_the_topic_pages_keep_their_swedish_addresses_and_name_topics_in_english_under_en(client, english_home, topics):
    swedish = client.get("/amnen/").content.decode()
    assert '<a href="/amnen/digitalisering/">Digitalisering</a>' in swedish
    english = client.get("/en/amnen/").content.decode()
    assert '<a href="/en/amnen/digitalisering/">Digitalisation</a>' in english
    # A topic without an English name yet is shown in Swedish, marked as such.
    assert re.search(r'<a lang="sv"\s+href="/en/amnen/demokrati/">Demokrati</a>', english)
    assert "Digitalisering" not in english

    detail = client.get("/en/amnen/digitalisering/").content.decode()
    assert "<h1>Digitalisation</h1>" in detail and "On digital services." in detail
    assert "<h1>Digitalisering</h1>" in client.get("/amnen/digitalisering/").content.decode()


def test_english_pages_name_their_topics_in_english(client, knowledge):
    english = client.get(knowledge["page_en"].url).content.decode()
    assert '?amne=digitalisering">Digitalisation</a>' in english
    assert re.search(r'<a lang="sv"\s+href="[^"]*\?amne=demokrati">Demokrati</a>', english)
    swedish = client.get(knowledge["page"].url).content.decode()
    assert '?amne=digitalisering">Digitalisering</a>' in swedish


def test_the_english_pages_follow_form_offers_the_swedish_topics_under_english_names(client, knowledge):
    english = client.get(knowledge["page_en"].url).content.decode()
    digital = knowledge["page"].topics.get(slug="digitalisering")
    assert f'value="{digital.pk}" checked>' in english
    assert f'<label for="alerts-follow-amne-{digital.pk}">Digitalisation</label>' in english


def test_the_english_listing_filters_by_english_names_and_the_shared_slug(client, knowledge):
    html = client.get(knowledge["index_en"].url, {"amne": "digitalisering"}).content.decode()
    assert ">Digitalisation</option>" in html
    assert "Leading digitalisation" in html


def test_the_english_events_listing_names_topics_in_english(client, home_page, english_home, topics):
    index = EventIndexPageFactory(parent=home_page)
    ConferencePageFactory(parent=index, title="Konferens", topics=[topics["digital"]])
    index_en = translate(index, "en", {index.title: "Events", index.slug: "events"})
    conference_en = translate(ConferencePage.objects.get(), "en", {"Konferens": "Conference"})
    html = client.get(index_en.url, {"amne": "digitalisering"}).content.decode()
    assert ">Digitalisation</option>" in html and "Conference" in html
    assert "<dd>Digitalisation</dd>" in client.get(conference_en.url).content.decode()


def test_editors_tag_pages_with_the_swedish_topics_only(topics):
    for model in (KnowledgePage, ConferencePage):
        form = model.get_edit_handler().get_form_class()(instance=model(), for_user=None)
        choices = form.fields["topics"].queryset
        assert set(choices.values_list("name", flat=True)) == {"Digitalisering", "Demokrati"}


def test_the_admin_lists_and_searches_topics_per_language(admin_client, topics):
    english = admin_client.get("/admin/snippets/core/topic/", {"locale": "en"})
    assert english.status_code == 200 and "Digitalisation" in english.content.decode()
    found = admin_client.get("/admin/snippets/core/topic/", {"locale": "sv", "q": "Digitalisering"})
    assert found.status_code == 200 and "Digitalisering" in found.content.decode()


def test_the_english_feed_names_topics_in_english_in_one_query_for_all_items(client, knowledge):
    feed_url = knowledge["index_en"].url + knowledge["index_en"].reverse_subpage("feed")

    def render():
        with CaptureQueriesContext(connection) as queries:
            xml = client.get(feed_url).content.decode()
        return xml, len(queries)

    xml, one_item = render()
    assert "<category>Digitalisation</category>" in xml
    assert "<category>Demokrati</category>" in xml  # not translated yet: its Swedish name
    for number in range(3):
        page = KnowledgePageFactory(parent=knowledge["index"], title=f"Sida {number}", slug=f"sida-{number}")
        page.topics.set([knowledge["page"].topics.first()])
        page.save_revision().publish()
        translate(page, "en", {f"Sida {number}": f"Page {number}", f"sida-{number}": f"page-{number}"})
    xml, four_items = render()
    assert xml.count("<item>") == 4
    assert four_items <= one_item
