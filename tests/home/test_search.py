"""Site search finds pages by their words, promotes editors' picks, and never breaks on odd input."""

import pytest
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home import views
from tests.home.factories import ContentPageFactory
from tests.home.test_translation import _english
from tests.pages import texts

pytestmark = pytest.mark.django_db


def _body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(home_page):
    digital = ContentPageFactory(
        parent=home_page,
        title="Ledning för att digitalisera",
        slug="ledning",
        intro="Förtroendevaldas roll.",
        body=_body("Material om digitalisering i kommuner och regioner."),
    )
    other = ContentPageFactory(parent=home_page, title="Arbetsgivarfrågor", slug="arbetsgivare", body=_body("Löner."))
    draft = ContentPageFactory(parent=home_page, title="Utkast om digitalisering", slug="utkast", live=False)
    return {"digital": digital, "other": other, "draft": draft}


def test_search_finds_pages_by_words_in_their_body(client, pages):
    html = client.get("/sok/", {"q": "digitalisering"}).content.decode()
    assert "Ledning för att digitalisera" in html
    assert "Arbetsgivarfrågor" not in html
    assert "Utkast om digitalisering" not in html
    assert "Innehållssida" in html  # the type label
    assert "Förtroendevaldas roll." in html  # the excerpt


def test_swedish_stemming_on_postgresql(client, pages):
    html = client.get("/sok/", {"q": "digitaliseringen"}).content.decode()
    if connection.vendor == "postgresql":
        # The Swedish configuration reduces "digitaliseringen" and "digitalisering" to one stem.
        assert "Ledning för att digitalisera" in html
    else:
        # SQLite has no Swedish stemmer; the exact word still works (see the test above).
        assert "Inga sidor matchade" in html


def test_no_hits_get_a_clear_message(client, pages):
    response = client.get("/sok/", {"q": "xyzzyplugh"})
    assert response.status_code == 200
    assert "Inga sidor matchade ”xyzzyplugh”" in response.content.decode()


def test_promoted_result_comes_first(client, pages):
    query = Query.get("digitalisering")
    SearchPromotion.objects.create(query=query, page=pages["other"], sort_order=0, description="")
    html = client.get("/sok/", {"q": "digitalisering"}).content.decode()
    titles = texts(html, ".search-result__title")
    assert titles.index("Arbetsgivarfrågor") < titles.index("Ledning för att digitalisera")
    assert "Rekommenderas" in html


@pytest.mark.parametrize("hidden", ["draft", "private", "unpublished"])
def test_a_promotion_shows_only_a_page_visitors_may_see(client, pages, hidden):
    page = ContentPageFactory(
        parent=pages["digital"].get_parent(),
        title="Internt om digitalisering",
        slug="internt",
        search_description="Löneläget i förhandlingen",
        live=hidden != "draft",
    )
    if hidden == "private":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif hidden == "unpublished":
        page.unpublish()
    SearchPromotion.objects.create(
        query=Query.get("digitalisering"), page=page, sort_order=0, description="Löneläget i förhandlingen"
    )

    html = client.get("/sok/", {"q": "digitalisering"}).content.decode()

    assert "Internt om digitalisering" not in html
    assert "Löneläget" not in html
    assert "Ledning för att digitalisera" in html


def test_results_are_paginated(client, home_page):
    for number in range(12):
        ContentPageFactory(parent=home_page, title=f"Sida {number}", slug=f"sida-{number}", body=_body("välfärd"))
    first = client.get("/sok/", {"q": "välfärd"}).content.decode()
    second = client.get("/sok/", {"q": "välfärd", "sida": 2}).content.decode()
    assert "12 träffar" in first
    assert "Sida 1 av 2" in first
    assert "Sida 2 av 2" in second


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"digitalisering',
        "digitalisering AND OR NOT ( ) * ~ ^",
        "'; DROP TABLE wagtailcore_page; --",
        "a" * 5000,
        "nul\x00byte",
        "\u202e\ufeffkonstigt",
        "<script>alert(1)</script>",
    ],
)
def test_odd_queries_get_a_page_not_an_error(client, pages, query):
    response = client.get("/sok/", {"q": query, "sida": "abc"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_non_utf8_query_string_gets_400_in_swedish(client, pages):
    response = client.get("/sok/?q=%ff%fe%00&sida=%ff")
    assert response.status_code == 400
    assert "ogiltig teckenkodning" in response.content.decode()


def test_on_postgresql_the_search_expression_has_an_index(db):
    """Wagtail's database search filters by `title || body`; without an index on that expression every
    search reads the whole index table (docs/performance.md)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            # SQLite's full-text search uses its own FTS table, which is an index already.
            assert not connection.introspection.get_constraints(cursor, "wagtailsearch_indexentry").get(
                "home_search_title_body_gin"
            )
            return
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'home_search_title_body_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


@pytest.fixture
def five_on_welfare(home_page):
    for number in range(5):
        ContentPageFactory(parent=home_page, title=f"Sida {number}", slug=f"sida-{number}", body=_body("välfärd"))


def test_a_word_on_more_pages_than_are_counted_says_more_than_and_offers_that_many(
    client, five_on_welfare, monkeypatch
):
    monkeypatch.setattr(views, "COUNT_LIMIT", 3)
    html = client.get("/sok/", {"q": "välfärd"}).content.decode()
    assert "Fler än 3 träffar för ”välfärd”." in html
    assert len(texts(html, ".search-result__title")) == 3


def test_a_word_on_exactly_as_many_pages_as_are_counted_gets_its_count(client, five_on_welfare, monkeypatch):
    monkeypatch.setattr(views, "COUNT_LIMIT", 5)
    html = client.get("/sok/", {"q": "välfärd"}).content.decode()
    assert "5 träffar för ”välfärd”." in html
    assert "Fler än" not in html


def test_the_limit_is_written_as_a_swedish_number(client, five_on_welfare, monkeypatch):
    # As if the word were on more than 1,000 pages: the count stops after the limit.
    monkeypatch.setattr(views, "count_at_most", lambda results, limit: limit + 1)
    html = client.get("/sok/", {"q": "välfärd"}).content.decode()
    assert "Fler än 1\xa0000 träffar för ”välfärd”." in html
    assert "Sida 1 av 100." in html


def test_more_than_the_limit_in_english(client, home_page, monkeypatch):
    monkeypatch.setattr(views, "COUNT_LIMIT", 2)
    _english(home_page, {"Startsida": "Home", "home": "home-en"})
    for number in range(3):
        page = ContentPageFactory(parent=home_page, title=f"Omsorg {number}", slug=f"omsorg-{number}")
        _english(page, {f"Omsorg {number}": f"Welfare {number}", f"omsorg-{number}": f"welfare-{number}"})
    html = client.get("/en/sok/", {"q": "welfare"}).content.decode()
    assert "More than 2 results for “welfare”." in html
    monkeypatch.setattr(views, "count_at_most", lambda results, limit: limit + 1)
    monkeypatch.setattr(views, "COUNT_LIMIT", 1000)
    html = client.get("/en/sok/", {"q": "welfare", "sida": 2}).content.decode()
    assert "More than 1,000 results for “welfare”." in html
