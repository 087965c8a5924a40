"""Knowledge pages: where they may live, what a visitor sees, and what an editor gets when saving."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage, HomePage
from knowledge.models import KnowledgeIndexPage, KnowledgePage
from tests.core.factories import PersonFactory, TopicFactory
from tests.pages import element

from .factories import (
    SOUNDCLOUD_URL,
    YOUTUBE_URL,
    KnowledgePageFactory,
    make_embed,
    podcast,
    web_course,
    webcast,
)

pytestmark = pytest.mark.django_db


def test_knowledge_pages_live_only_under_a_knowledge_listing():
    assert KnowledgePage.allowed_parent_page_models() == [KnowledgeIndexPage]
    assert KnowledgeIndexPage.allowed_subpage_models() == [KnowledgePage]
    assert KnowledgeIndexPage.allowed_parent_page_models() == [HomePage]
    assert not KnowledgePage.allowed_subpage_models()
    assert not KnowledgePage.can_exist_under(ContentPage())


def test_page_shows_dates_intro_key_points_topics_and_contacts(client, knowledge_index):
    topic = TopicFactory(name="Digitalisering", slug="digitalisering")
    page = KnowledgePageFactory(
        parent=knowledge_index,
        title="Ledning, styrning och organisation för att digitalisera",
        intro="Material om de förtroendevaldas roll.",
        updated_date="2021-09-01",
        key_points=[{"type": "point", "value": "Sätt mål, tillsätt resurser och följ upp."}],
        contacts=[{"type": "contact", "value": {"heading": "Kontakt", "custom_heading": "Kontakta SKR", "people": []}}],
    )
    page.topics.add(topic)
    page.save()
    html = client.get(page.url).content.decode()
    assert "<h1>Ledning, styrning och organisation för att digitalisera</h1>" in html
    assert 'Publicerad <time datetime="2021-06-22">22 juni 2021</time>' in html
    assert 'Senast uppdaterad <time datetime="2021-09-01">1 september 2021</time>' in html
    assert "<li>Sätt mål, tillsätt resurser och följ upp.</li>" in html
    assert f'href="{knowledge_index.url}?amne=digitalisering">Digitalisering</a>' in html
    assert "Kontakta SKR" in html
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert f'href="{knowledge_index.url}rss/"' in html
    assert "css/knowledge.css" in html
    assert 'type="module" src="/static/js/knowledge.js"' in html


def test_rendering_a_page_makes_no_outgoing_request(client, knowledge_index, no_network, monkeypatch):
    def no_provider_calls(*args, **kwargs):
        raise AssertionError("a provider was asked while a visitor's page rendered")

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", no_provider_calls)
    make_embed(YOUTUBE_URL)
    page = KnowledgePageFactory(
        parent=knowledge_index,
        body=[webcast(), podcast(), webcast("https://vimeo.com/1234"), web_course()],
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert not no_network
    assert "Visa innehåll från YouTube" in html  # stored: consent placeholder
    assert f'href="{SOUNDCLOUD_URL}"' in html  # not stored: the link card
    assert "Visa innehåll från SoundCloud" not in html


def test_stored_embeds_are_read_in_one_query_however_many_players(client, knowledge_index):
    urls = [f"https://www.youtube.com/watch?v=abcdefghij{n}" for n in range(5)]
    for url in urls:
        make_embed(url)
    page = KnowledgePageFactory(parent=knowledge_index, body=[webcast(url) for url in urls])
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()
    assert html.count('<template class="embed__template">') == 5
    assert sum("wagtailembeds_embed" in query["sql"] for query in queries.captured_queries) == 1


def test_the_people_of_every_kind_of_media_block_and_contact_box_are_read_in_one_query(client, knowledge_index):
    webcast_guest, podcast_guest, course_teacher, contact = (
        PersonFactory(name=name) for name in ("Elin Wihlborg", "Kjell Ringer", "Ada Lärare", "Kim Kontakt")
    )

    def with_person(person):
        return {"people": [{"person": person.pk, "name": "", "title": ""}]}

    page = KnowledgePageFactory(
        parent=knowledge_index,
        body=[
            webcast(**with_person(webcast_guest)),
            podcast(**with_person(podcast_guest)),
            web_course(**with_person(course_teacher)),
        ],
        contacts=[{"type": "contact", "value": {"heading": "Kontakt", "people": [contact.pk]}}],
    )
    with CaptureQueriesContext(connection) as queries:
        html = client.get(page.url).content.decode()
    for person in (webcast_guest, podcast_guest, course_teacher, contact):
        assert person.name in html
    assert sum('FROM "core_person"' in query["sql"] for query in queries.captured_queries) == 1


def test_card_meta_names_the_date_and_the_kinds_of_content(knowledge_index):
    page = KnowledgePageFactory(parent=knowledge_index, body=[webcast(), podcast()])
    assert page.card_meta == "Publicerad 22 juni 2021 · Webbsändning, Podd"
    plain = KnowledgePageFactory(parent=knowledge_index, body=[])
    assert plain.card_meta == "Publicerad 22 juni 2021"


def test_content_type_flags_include_recordings_inside_webinars(knowledge_index):
    webinar = {
        "type": "webinar",
        "value": {"title": "Webbinarium", "parts": [{"title": "Del 1", "video_url": YOUTUBE_URL}]},
    }
    page = KnowledgePageFactory(parent=knowledge_index, body=[webinar, web_course()])
    assert (page.has_webcast, page.has_podcast, page.has_web_course, page.has_webinar) == (True, False, True, True)


def test_helpers_for_topic_and_latest_give_live_public_pages_newest_first(knowledge_index):
    topic = TopicFactory()
    old = KnowledgePageFactory(parent=knowledge_index, publication_date="2020-01-01")
    new = KnowledgePageFactory(parent=knowledge_index, publication_date="2022-01-01")
    draft = KnowledgePageFactory(parent=knowledge_index, live=False)
    private = KnowledgePageFactory(parent=knowledge_index)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    for page in (old, new, draft, private):
        page.topics.add(topic)
        page.save()
    other = KnowledgePageFactory(parent=knowledge_index, publication_date="2023-01-01")

    assert list(KnowledgePage.for_topic(topic)) == [new, old]
    assert list(KnowledgePage.for_topic(topic, limit=1)) == [new]
    assert list(KnowledgePage.latest(2)) == [other, new]


def test_related_pages_show_as_cards_and_skip_drafts(client, knowledge_index):
    related = KnowledgePageFactory(parent=knowledge_index, title="Läs också detta")
    draft = KnowledgePageFactory(parent=knowledge_index, title="Utkastet", live=False)
    page = KnowledgePageFactory(
        parent=knowledge_index,
        related_pages=[{"type": "page", "value": related.pk}, {"type": "page", "value": draft.pk}],
    )
    html = client.get(page.url).content.decode()
    assert '<h2 id="related-heading">Relaterat</h2>' in html
    assert "Läs också detta" in html
    assert "Utkastet" not in html


# --- The editor in the admin ---------------------------------------------------------------------


def page_form(body):
    return nested_form_data(
        {
            "title": "Ledning och digitalisering",
            "slug": "ledning-och-digitalisering",
            "publication_date": "2021-06-22",
            "intro": "Ingress",
            "key_points": streamfield([]),
            "body": streamfield(body),
            "contacts": streamfield([]),
            "related_pages": streamfield([]),
            "show_site_contact": "on",
            "show_feedback": "on",
            "action-publish": "publish",
        }
    )


def admin_webcast(url, **extra):
    value = {
        "title": "Föreläsning",
        "description": rich_text(""),
        "length": "8",
        "people_heading": "Medverkande",
        "people": {"count": "0"},
        "heading_level": "h2",
        "video_url": url,
        "video_file": "",
        "captions": "",
        "transcript": rich_text(""),
    }
    value.update(extra)
    return ("webcast", value)


def test_editor_can_publish_when_the_provider_is_unreachable_and_the_page_shows_the_link(
    admin_client, client, knowledge_index, no_network
):
    url = f"/admin/pages/add/knowledge/knowledgepage/{knowledge_index.pk}/"
    response = admin_client.post(url, page_form([admin_webcast(YOUTUBE_URL)]), follow=True)
    assert response.status_code == 200
    page = KnowledgePage.objects.get(slug="ledning-och-digitalisering")
    assert page.live
    messages = [str(message) for message in response.context["messages"]]
    assert any("kunde inte hämtas från YouTube" in message for message in messages)
    assert any("saknar undertexter och textversion" in message for message in messages)

    html = client.get(page.url).content.decode()
    assert f'<a class="embed__link" href="{YOUTUBE_URL}">Titta på ”Föreläsning” hos YouTube</a>' in html
    assert "<iframe" not in html


def test_editor_gets_a_swedish_error_for_an_unknown_address(admin_client, knowledge_index, no_network):
    url = f"/admin/pages/add/knowledge/knowledgepage/{knowledge_index.pk}/"
    response = admin_client.post(url, page_form([admin_webcast("https://example.se/film")]))
    assert response.status_code == 200
    assert not KnowledgePage.objects.exists()
    body_error = response.context["form"].errors["body"].as_data()[0]
    message = body_error.block_errors[0].block_errors["video_url"].messages[0]
    assert message.startswith("Adressen känns inte igen som en länk till ett klipp hos YouTube eller Vimeo.")


def test_no_warning_when_captions_are_on_the_platform_and_the_embed_is_stored(admin_client, knowledge_index):
    make_embed(YOUTUBE_URL)
    url = f"/admin/pages/add/knowledge/knowledgepage/{knowledge_index.pk}/"
    body = [admin_webcast(YOUTUBE_URL, captions_on_platform="on")]
    response = admin_client.post(url, page_form(body), follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert KnowledgePage.objects.get().live
    assert not any("saknar" in message or "kunde inte" in message for message in messages)


def test_autosave_requests_get_no_piled_up_warnings(rf, knowledge_index):
    from django.contrib.messages.storage.fallback import FallbackStorage

    from knowledge.wagtail_hooks import warn_editor

    page = KnowledgePageFactory(parent=knowledge_index, body=[webcast()])
    for accept, expected in (("application/json", 0), ("text/html", 2)):
        request = rf.post("/admin/", HTTP_ACCEPT=accept)
        request.session = {}
        request._messages = FallbackStorage(request)
        warn_editor(request, page)
        assert len(list(request._messages)) == expected


def test_knowledge_page_describes_itself_as_a_schema_org_article(client, home_page):
    import json

    from tests.knowledge.factories import KnowledgeIndexPageFactory, KnowledgePageFactory

    index = KnowledgeIndexPageFactory(parent=home_page)
    page = KnowledgePageFactory(parent=index, title="Leda digitalisering", intro="Om ledarskap.")
    html = client.get(page.url).content.decode()
    data = json.loads(element(html, 'script[type="application/ld+json"]').string)
    assert data["@type"] == "Article"
    assert data["headline"] == "Leda digitalisering"
    assert data["datePublished"] == page.publication_date.isoformat()
    assert data["description"] == "Om ledarskap."
    assert '<meta property="og:type" content="article">' in html
