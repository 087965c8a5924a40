"""Everything a visitor reads on an English page is English: the demo's English pages, their listings,
search, topic pages and error pages are crawled for the site's own Swedish words, outside passages
marked lang="sv" (content not yet translated, such as topic names, is marked so)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone, translation
from django.views.defaults import bad_request, server_error
from wagtail.models import Page

from core.models import Topic
from events.broadcasts import Broadcast
from tests.home.visible_text import visible_text, words_found

pytestmark = pytest.mark.django_db

# Words of the site's own Swedish interface: each once stood on an English page.
SWEDISH_UI_WORDS = [
    "Anmäl",
    "Anmälan",
    "Sök",
    "Sökord",
    "Kommande",
    "Tidigare",
    "Visa",
    "Sida",
    "sida",
    "Foto",
    "Sänds",
    "Bevaka",
    "bevakningen",
    "minuter",
    "minut",
    "Nästa",
    "Föregående",
    "Publicerad",
    "Filtrera",
    "Sidfotslänkar",
    "Sociala medier",
    "Alla",
    "Ämne",
    "Ämnen",
    "Innehållet",
    "Titta",
    "Lyssna",
    "Textversion",
    "Webbsändning",
    "Webbkurs",
    "Webbinarium",
    "Podd",
    "evenemang",
    "Prenumerera",
    "träffar",
    "Kunskapssida",
    "Konferens",
    "Avsnittet",
    "Kursen",
    "Kom ihåg",
    "E-postadress",
    "Hur ofta",
    "Lämna",
    "Något gick fel",
    "Felkod",
    "startsidan",
    "Felaktig",
]


@pytest.fixture
def demo(home_page):
    call_command("load_demo_content")
    return {page.title: page for page in Page.objects.filter(locale__language_code="en").live().specific()}


def _english_paths(demo):
    topic = Topic.objects.order_by("name").first()
    return [
        *(page.url for page in demo.values()),
        "/en/courses-and-conferences/?arkiv=1",
        "/en/courses-and-conferences/?format=konferens&amne=finns-inte",
        "/en/knowledge/?typ=webbkurs",
        "/en/sok/",
        "/en/sok/?q=digitalisation",
        "/en/sok/?q=zzzzzz",
        "/en/amnen/",
        f"/en/amnen/{topic.slug}/",
        "/en/bevaka/",
        "/en/no-such-page/",
    ]


def test_the_crawler_reads_what_a_visitor_reads_and_skips_passages_in_swedish():
    html = '<html lang="en"><head><title>Sök</title></head><body><p>Search</p><p lang="sv">Sök</p>'
    html += '<input type="submit" value="Visa"><button aria-label="Nästa">→</button><script>"Sida"</script></body>'
    assert visible_text(html) == ["Search", "Visa", "Nästa", "→"]
    assert words_found(html, ["Sök", "Visa", "Nästa", "Sida"]) == ["Nästa", "Visa"]


def test_the_english_demo_pages_listings_search_and_topic_pages_have_no_swedish_ui_words(client, demo):
    failures = {}
    for path in _english_paths(demo):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = response.content.decode()
        assert '<html lang="en">' in html, path
        found = words_found(html, SWEDISH_UI_WORDS)
        if found:
            failures[path] = found
    assert not failures, failures


def test_the_english_500_and_400_pages_are_english(db):
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        error = server_error(request).content.decode()
        bad = bad_request(request, exception=None).content.decode()
    assert "Something went wrong" in error and 'href="/en/"' in error
    assert "Bad request" in bad and "Go to the home page" in bad
    for html in (error, bad):
        assert '<html lang="en">' in html
        assert words_found(html, SWEDISH_UI_WORDS) == []
    with translation.override("sv"):
        assert "Något gick fel" in server_error(RequestFactory().get("/")).content.decode()


def _broadcast(minutes_to_start, **fields):
    now = timezone.now()
    start = now + dt.timedelta(minutes=minutes_to_start)
    return Broadcast(date=start.date(), start=start, end=start + dt.timedelta(minutes=45), now=now, **fields)


def test_broadcast_states_and_the_words_for_the_script_are_english_on_english_pages():
    with translation.override("en"):
        assert _broadcast(5).label == "Starts in 5 minutes"
        assert _broadcast(1).label == "Starts in 1 minute"
        assert _broadcast(-5).label == "Live now"
        assert _broadcast(-60).label == "The broadcast has ended; the recording is coming"
        assert _broadcast(120).label.startswith("Upcoming: ")
        assert ", " in _broadcast(120).when_text and " kl. " not in _broadcast(120).when_text
        assert _broadcast(5).script_labels == {
            "soon-one": "Starts in 1 minute",
            "soon-many": "Starts in {n} minutes",
            "live": "Live now",
            "ended": "The broadcast has ended; the recording is coming",
        }
        undated = Broadcast(date=dt.date(2027, 3, 9))
        assert undated.label == "Upcoming: 9 March 2027. Time to be announced"
    with translation.override("sv"):
        assert _broadcast(5).label == "Börjar om 5 minuter"
        assert _broadcast(5).script_labels["soon-many"] == "Börjar om {n} minuter"
        assert " kl. " in _broadcast(120).when_text
