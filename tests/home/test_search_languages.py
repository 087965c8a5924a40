"""Search per language: each page stemmed in its own language on PostgreSQL, each address searching
its own language's pages, and the active locale asked for once per search."""

import pytest
from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from core.search_backend import PerLanguagePostgresSearchBackend
from tests.home.factories import ContentPageFactory
from tests.home.test_translation import _english

pytestmark = pytest.mark.django_db


def _body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(home_page):
    _english(home_page, {"Startsida": "Home", "home": "home-en"})
    swedish = ContentPageFactory(
        parent=home_page,
        title="Samverkan",
        slug="samverkan",
        intro="Om samarbete.",
        body=_body("Kommunerna samarbetar om digitaliseringen. Municipality."),
    )
    english = _english(
        swedish,
        {
            "Samverkan": "Cooperation",
            "samverkan": "cooperation",
            "Om samarbete.": "On cooperation.",
            "Kommunerna samarbetar om digitaliseringen. Municipality.": "Each municipality works with others.",
        },
    )
    return {"sv": swedish, "en": english}


def _titles(client, path, query):
    html = client.get(path, {"q": query}).content.decode()
    return {title for title in ("Samverkan", "Cooperation") if f">{title}<" in html}


def test_the_site_uses_the_per_language_backend_on_postgresql():
    backend = get_search_backend()
    assert isinstance(backend, PerLanguagePostgresSearchBackend) == (connection.vendor == "postgresql")


def test_an_exact_word_finds_the_page_of_the_addresses_language(client, pages):
    assert _titles(client, "/en/sok/", "municipality") == {"Cooperation"}
    assert _titles(client, "/sok/", "municipality") == {"Samverkan"}


def test_english_search_stems_english_words_on_postgresql(client, pages):
    # "municipalities" and "municipality" share the English stem "municip"; the Swedish page says
    # "Municipality" too, but /en/sok/ searches only the English pages.
    found = _titles(client, "/en/sok/", "municipalities")
    # SQLite has no stemmer: only the exact word is found there.
    assert found == ({"Cooperation"} if connection.vendor == "postgresql" else set())


def test_swedish_search_stems_swedish_words_as_before_on_postgresql(client, pages):
    # "kommuner" and "kommunerna" share the Swedish stem "kommun"; SQLite finds only the exact word.
    found = _titles(client, "/sok/", "kommuner")
    assert found == ({"Samverkan"} if connection.vendor == "postgresql" else set())
    assert _titles(client, "/sok/", "kommunerna") == {"Samverkan"}
    assert _titles(client, "/en/sok/", "kommunerna") == set()


def test_on_postgresql_each_page_is_indexed_with_its_languages_configuration(pages):
    if connection.vendor != "postgresql":
        return  # SQLite's full-text table keeps the words as they are
    with connection.cursor() as cursor:
        cursor.execute("SELECT body::text FROM wagtailsearch_indexentry WHERE object_id = %s", [str(pages["en"].pk)])
        (english_body,) = cursor.fetchone()
        cursor.execute("SELECT body::text FROM wagtailsearch_indexentry WHERE object_id = %s", [str(pages["sv"].pk)])
        (swedish_body,) = cursor.fetchone()
    assert "'municip'" in english_body  # the English stem of "municipality"
    assert "'kommun'" in swedish_body  # the Swedish stem of "kommunerna"


def test_the_search_page_asks_for_the_active_locale_once(client, pages, monkeypatch):
    calls = []
    active = Locale.get_active.__func__

    def counted(cls):
        calls.append(cls)
        return active(cls)

    monkeypatch.setattr(Locale, "get_active", classmethod(counted))
    response = client.get("/en/sok/", {"q": "municipality"})
    assert response.status_code == 200
    assert len(calls) == 1
