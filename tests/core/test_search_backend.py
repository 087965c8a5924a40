"""The search backend's changes for large sites: a query of any word filtered word by word and a page of it
ranked in the index, with the pages and the order Wagtail's own search gives, and a count that stops
after a limit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends.database.postgres.postgres import PostgresSearchQueryCompiler

from core.search_backend import count_at_most
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="the backend of PostgreSQL")


def _body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(home_page):
    texts = [
        ("Kommunen och välfärden", "Kommunen leder arbetet."),
        ("Skolan", "Kommunen, kommunen och kommunen om skolan och välfärden."),
        ("Vården", "Regionen och kommunen om vården."),
        ("Välfärd i regionen", "Ingenting om det."),
        ("Annat", "Arbetsgivarfrågor."),
    ]
    for number, (title, body) in enumerate(texts):
        ContentPageFactory(parent=home_page, title=title, slug=f"sida-{number}", intro="", body=_body(body))


def _search(query, operator="or"):
    return Page.objects.live().search(query, operator=operator)


@on_postgresql
@pytest.mark.parametrize(
    ("query", "operator"), [("kommunen", "or"), ("välfärden regionen", "or"), ("kommunen", "and"), ("xyzzy", "or")]
)
def test_a_query_of_any_word_finds_what_wagtails_own_filter_finds_in_the_same_order(pages, query, operator):
    results = _search(query, operator)
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    ours = list(compiler.search(config, None, None, backend=results.backend).values_list("title", flat=True))
    wagtails = PostgresSearchQueryCompiler.search(compiler, config, None, None, backend=results.backend)
    assert ours == list(wagtails.values_list("title", flat=True))


@on_postgresql
def test_a_query_of_any_word_tests_title_and_body_apart_and_all_words_is_wagtails_own(pages):
    any_word = str(_search("välfärden regionen").query_compiler.search("swedish", 0, 10).query)
    all_words = _search("välfärden regionen", "and").query_compiler.search("swedish", 0, 10).query
    assert '"title" @@' in any_word and '"body" @@' in any_word
    assert '"title" || "wagtailsearch_indexentry"."body"' in str(all_words)


@pytest.mark.parametrize("operator", ["or", "and"])
def test_the_count_stops_after_the_limit(pages, operator):
    assert count_at_most(_search("kommunen", operator), 10) == 3
    assert count_at_most(_search("kommunen", operator), 3) == 3
    assert count_at_most(_search("kommunen", operator), 2) == 3
    assert count_at_most(_search("kommunen", operator), 1) == 2
    if operator == "or":
        assert count_at_most(_search("välfärden regionen", operator), 10) == 4
    assert count_at_most(_search("xyzzy", operator), 10) == 0


def test_the_count_leaves_out_what_the_pages_asked_for_leave_out(pages, home_page):
    skolan = Page.objects.get(title="Skolan")
    results = Page.objects.live().exclude(pk=skolan.pk).search("kommunen", operator="or")
    assert count_at_most(results, 10) == 2
    skolan.unpublish()
    assert count_at_most(_search("kommunen"), 10) == 2


@on_postgresql
def test_on_postgresql_the_count_ranks_nothing_and_reads_no_further_than_the_limit(pages):
    with CaptureQueriesContext(connection) as captured:
        count_at_most(_search("kommunen"), 1)
    [sql] = [query["sql"] for query in captured.captured_queries]
    assert "LIMIT 2" in sql
    assert "ts_rank" not in sql
    # Pages are asked for by their key (a hash of ids, or a look-up per match for a rare word), not by
    # collecting every page's id as text first.
    assert "EXISTS(" in sql and '("wagtailsearch_indexentry"."object_id")::bigint' in sql


def _wagtails_order(results, start, stop):
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    wagtails = PostgresSearchQueryCompiler.search(compiler, config, start, stop, backend=results.backend)
    return list(wagtails.values_list("title", flat=True))


@on_postgresql
@pytest.mark.parametrize("query", ["kommunen", "välfärden regionen", "regionen"])
def test_each_page_of_results_holds_what_wagtails_own_search_puts_there(pages, query):
    results = _search(query)

    shown = [[page.title for page in results[start : start + 2]] for start in (0, 2, 4)]

    assert shown == [_wagtails_order(results, start, start + 2) for start in (0, 2, 4)]


@on_postgresql
def test_a_page_of_results_carries_wagtails_score(pages):
    scored = _search("kommunen").annotate_score("score")[0:3]
    compiler = scored.query_compiler
    config = compiler.get_config(scored.backend)
    wagtails = PostgresSearchQueryCompiler.search(compiler, config, 0, 3, score_field="score", backend=scored.backend)

    assert [(page.title, page.score) for page in scored] == [(page.title, page.score) for page in wagtails]


@on_postgresql
def test_a_page_of_results_is_ranked_in_the_index_and_then_only_its_own_pages_are_read(pages):
    with CaptureQueriesContext(connection) as captured:
        titles = [page.title for page in _search("kommunen")[1:3]]
    ranking, reading = [query["sql"] for query in captured.captured_queries if "ContentType" not in query["sql"]][-2:]

    # The ids of the page come from the index entries alone, ranked and cut there (the pages asked for
    # are an EXISTS on their key), so PostgreSQL never hashes every matching index row with its vectors.
    assert ranking.startswith('SELECT ("wagtailsearch_indexentry"."object_id")::bigint')
    assert "ts_rank" in ranking and ranking.endswith("LIMIT 2 OFFSET 1")
    assert "JOIN" not in ranking
    assert "wagtailsearch_indexentry" not in reading and "ts_rank" not in reading
    assert titles == _wagtails_order(_search("kommunen"), 1, 3)


def test_autocomplete_is_wagtails_own_and_pages_of_it_work_too(pages):
    # The admin's choosers and listings ask for pages of autocompleted results.
    titles = [page.title for page in Page.objects.live().autocomplete("Skol")[0:10]]

    assert titles == ["Skolan"]
