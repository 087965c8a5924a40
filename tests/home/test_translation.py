"""English pages: translated through wagtail-localize, served under /en/ in English, linked to their
Swedish originals with hreflang and a language switch, searched and listed per language."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page

from core.dates import STOCKHOLM
from core.translation import translate, translation_for
from events.formatting import when
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def _body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def _english(page, strings):
    return translate(page, "en", strings)


@pytest.fixture
def english_home(home_page):
    return _english(home_page, {"Startsida": "Home", "home": "home-en"})


@pytest.fixture
def about(home_page):
    return ContentPageFactory(
        parent=home_page, title="Om oss", slug="om-oss", body=_body("Vi arbetar med digitalisering i kommuner.")
    )


@pytest.fixture
def about_en(english_home, about):
    return _english(
        about,
        {
            "Om oss": "About us",
            "om-oss": "about-us",
            "Vi arbetar med digitalisering i kommuner.": "We work on digitalisation in municipalities.",
        },
    )


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_the_demo_pages_in_english_render_in_english_with_hreflang_both_ways(client, home_page):
    call_command("load_demo_content")
    english = {page.title: page for page in Page.objects.filter(locale__language_code="en").live()}
    assert set(english) == {
        "Home",
        "Courses and conferences",
        "Conference for council chairs, Gothenburg",
        "Knowledge",
        "Leading, governing and organising for digitalisation",
    }
    conference = english["Conference for council chairs, Gothenburg"]
    assert conference.url.startswith("/en/")
    swedish = conference.get_translation(Locale.objects.get(language_code="sv"))

    english_html = client.get(conference.url).content.decode()
    swedish_html = client.get(swedish.url).content.decode()

    assert '<html lang="en">' in english_html
    assert "Did this page help you?" in english_html and "Hjälpte informationen" not in english_html
    assert "About the event" in english_html and "Subject to change." in english_html
    assert re.search(r"\d{1,2} [A-Z][a-z]+ 20\d\d, 9\.30 am–4 pm", english_html)
    assert '<html lang="sv">' in swedish_html and "Hjälpte informationen på sidan dig?" in swedish_html
    for html in (english_html, swedish_html):
        alternates = _alternates(html)
        assert alternates["sv"].endswith(swedish.url) and alternates["x-default"] == alternates["sv"]
        assert alternates["en"].endswith(conference.url)
    knowledge = english["Leading, governing and organising for digitalisation"]
    knowledge_html = client.get(knowledge.url).content.decode()
    assert "Published" in knowledge_html and "22 June 2021" in knowledge_html
    # The rest of the demo is Swedish only.
    assert not Page.objects.filter(locale__language_code="en", title__icontains="nätverk").exists()


def test_the_switch_leads_to_the_translation_not_the_home_page(client, about, about_en):
    swedish_html = client.get(about.url).content.decode()
    english_html = client.get(about_en.url).content.decode()

    assert re.search(rf'<a href="[^"]*{re.escape(about_en.url)}" hreflang="en" lang="en">English</a>', swedish_html)
    assert re.search(rf'<a href="[^"]*{re.escape(about.url)}" hreflang="sv" lang="sv">Svenska</a>', english_html)
    assert about_en.url == "/en/about-us/"


def test_an_untranslated_page_offers_no_switch_and_no_alternates(client, english_home, home_page):
    untranslated = ContentPageFactory(parent=home_page, title="Personuppgifter", slug="personuppgifter")
    html = client.get(untranslated.url).content.decode()
    assert "language-switch" not in html
    assert "hreflang" not in html


def test_search_in_english_finds_the_english_page_and_not_the_swedish(client, about, about_en):
    english = client.get("/en/sok/", {"q": "digitalisation"}).content.decode()
    swedish = client.get("/sok/", {"q": "digitalisering"}).content.decode()
    assert "About us" in english and "Om oss" not in english
    assert "Om oss" in swedish and "About us" not in swedish
    # And a Swedish word finds nothing among the English pages.
    assert "Om oss" not in client.get("/en/sok/", {"q": "digitalisering"}).content.decode()


def test_swedish_addresses_stay_and_english_ones_begin_with_en(client, about, about_en):
    assert about.url == "/om-oss/"
    assert client.get("/om-oss/").status_code == 200
    assert client.get("/en/about-us/").status_code == 200
    assert client.get("/en/om-oss/").status_code == 404


@override_settings(PAGE_CACHE_ENABLED=True)
def test_the_page_cache_keeps_the_languages_apart(client, about, about_en):
    for _ in range(2):
        assert '<html lang="sv">' in client.get("/om-oss/").content.decode()
        assert '<html lang="en">' in client.get("/en/about-us/").content.decode()
    # An English visitor's browser does not turn a Swedish address English.
    assert '<html lang="sv">' in client.get("/om-oss/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_404_page_under_en_is_english(client, english_home):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Sidan hittades inte" in client.get("/finns-inte/").content.decode()


def test_an_outside_translator_works_on_a_po_file(about, english_home):
    exported = translation_for(about, "en").export_po()
    assert {entry.msgid for entry in exported} >= {"Om oss", "Vi arbetar med digitalisering i kommuner."}
    for entry in exported:
        entry.msgstr = {"Om oss": "About us"}.get(entry.msgid, "")
    translation_for(about, "en").import_po(exported)
    translation_for(about, "en").save_target(publish=False)
    english = about.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == "About us"


def test_the_swedish_home_page_lists_no_english_pages(home_page, english_home):
    call_command("load_demo_content")
    assert all(page.locale.language_code == "sv" for page in home_page.specific.latest_knowledge())
    assert all(page.locale.language_code == "sv" for page in home_page.specific.upcoming_events())


def test_dates_and_times_in_english_style():
    start = dt.datetime(2027, 1, 13, 13, 15, tzinfo=STOCKHOLM)
    end = dt.datetime(2027, 1, 13, 14, 0, tzinfo=STOCKHOLM)
    assert when(start, end) == "13 januari 2027 kl. 13.15–14.00"
    with translation.override("en"):
        assert when(start, end) == "13 January 2027, 1.15–2 pm"
        assert when(start.replace(hour=11), end) == "13 January 2027, 11.15 am–2 pm"


def test_the_sitemap_lists_the_pages_of_both_languages(client, about, about_en):
    sitemap = client.get("/sitemap-sidor.xml").content.decode()
    assert "/om-oss/</loc>" in sitemap and "/en/about-us/</loc>" in sitemap
    assert "/en/</loc>" in sitemap


def test_feedback_thanks_come_in_the_answered_pages_language(client, about, about_en):
    answer = client.post(
        "/aterkoppling/",
        {"page": about_en.pk, "svar": "ja"},
        HTTP_ACCEPT="application/json",
        HTTP_ORIGIN="http://testserver",
        HTTP_REFERER="http://testserver/en/about-us/",
    )
    assert answer.json()["message"] == "Thank you for helping us!"


def test_the_english_feeds_are_english(client, home_page):
    call_command("load_demo_content")
    english = {page.title: page for page in Page.objects.filter(locale__language_code="en").live()}
    rss = client.get(english["Knowledge"].url + "rss/").content.decode()
    assert "<language>en</language>" in rss
    assert "Leading, governing and organising for digitalisation" in rss and "Ledning, styrning" not in rss
    calendar = client.get(english["Courses and conferences"].url + "kalender/").content.decode()
    assert "SUMMARY:Conference for council chairs\\, Gothenburg" in calendar.replace("\r\n ", "")
    assert "Fullmäktiges presidiekonferens" not in calendar
