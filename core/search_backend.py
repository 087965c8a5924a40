"""Wagtail's database search, with each page stemmed in its own language on PostgreSQL.

Wagtail's PostgreSQL backend keeps one index row per object in one table and builds every row with
the backend's one text-search configuration (`SEARCH_CONFIG`). Two backend entries, one per
language, would not help: both write the same rows, and the last one to index an object wins.
So this backend, set as the only one, indexes each translatable object with the configuration of
its locale (`LANGUAGE_CONFIGS`, e.g. {"sv": "swedish", "en": "english"}) through Wagtail's own
index, and stems a query with every one of those configurations, so "municipalities" finds an
English page that says "municipality" and "digitaliseringen" a Swedish page that says
"digitalisering". The visitors' search filters by locale, so each language searches only its own
pages; the admin's search finds pages in either language. On other databases Wagtail's own
database backend is used unchanged (docs/translation.md).

Three changes for large sites (docs/performance.md, "Search"): a query that matches any of its words
(the visitors' search) is filtered as `title @@ query OR body @@ query`, which Wagtail's GIN
indexes on title and body serve, instead of `title || body @@ query`, which builds a joined vector
for every row of the index; a page of its results is ranked among the matching index entries alone,
and only that page's objects are then read; and the results can be counted up to a limit
(`count_at_most`), so a common word is not counted to its last match.
"""

from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import BigIntegerField, CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText
from wagtail.search.utils import get_descendants_content_types_pks

# Primary keys an index row's object id (text) can be cast to and compared with.
INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField"}


def has_integer_key(model):
    """Whether the model's primary key is a whole number, which an index row's object id (text) casts to."""
    return model._meta.pk.get_internal_type() in INTEGER_KEYS


class PerLanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Matches a query stemmed by each language's configuration (get_config gives them all)."""

    def get_config(self, backend):
        return tuple(dict.fromkeys([backend.config, *backend.language_configs.values()]))

    def build_tsquery(self, query, config=None):
        if isinstance(config, tuple):
            return reduce(or_, (super(PerLanguageQueryCompiler, self).build_tsquery(query, c) for c in config))
        return super().build_tsquery(query, config=config)

    def matches_any_word(self):
        """A plain query of words that matches a page holding any one of them (operator "or", or one word),
        searched in the index's title and body: the only kind `search` filters by its own rule."""
        query = self.query
        if self.fields is not None or not isinstance(query, PlainText):
            return False
        return query.operator == "or" or len(query.query_string.split()) == 1

    def search(self, config, start, stop, score_field=None, backend=None):
        """Wagtail's search, but a query of any word is filtered word by word in title and body.

        Wagtail filters by `title || body @@ query`: PostgreSQL joins the two vectors of every index
        row before it can test one (a common word at 10,000 pages: 80 ms of a 120 ms query). For a
        disjunction of words the match is the same tested on each vector, which Wagtail's own GIN
        indexes on title and body serve and a scan tests without joining anything. Ranked and ordered
        as Wagtail does (`build_tsrank`, relevance then newest id); any other query is Wagtail's own.
        tests/core/test_search_backend.py checks that both give the same pages in the same order.
        """
        if not self.matches_any_word():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none()
        vectors = self.get_search_vectors(search_query)
        matches = reduce(or_, (Q(**{vector.name: search_query}) for vector, _weight in vectors))
        queryset = self.queryset.filter(matches)
        ranks = [self.build_tsrank(vector, self.query, config=config) * weight for vector, weight in vectors]
        rank = reduce(add, ranks)
        if self.order_by_relevance:
            queryset = queryset.order_by(rank.desc(), "-pk")
        elif not queryset.query.order_by:
            queryset, rank = queryset.order_by("-pk"), F("pk")
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: rank})
        return queryset[start:stop]

    def matching_entries(self, search_query):
        """The index entries that match, among those of the objects asked for.

        For a whole-number key the objects are asked for with `EXISTS` on their key, which PostgreSQL
        answers with a hash of the ids or, for a rare word, a look-up of each match by primary key:
        a common word at 10,000 pages counts in 3 ms, not 11 (`IN` on the key as text, as Wagtail's own
        join casts it, first collects and hashes every page's id as text: 8 ms even for a rare word).
        """
        objects = self.queryset.order_by()
        if has_integer_key(objects.model):
            wanted = Exists(objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField())))
        else:
            wanted = Q(object_id__in=objects.annotate(text_pk=Cast("pk", CharField(max_length=50))).values("text_pk"))
        return IndexEntry.objects.filter(
            wanted, content_type_id__in=get_descendants_content_types_pks(objects.model)
        ).filter(Q(title=search_query) | Q(body=search_query))

    def ranked_page(self, search_query, start, stop):
        """(object id, rank) of one page of results in Wagtail's order (rank, then newest id), ranked
        among the matching index entries alone, with Wagtail's rank of an index row (`get_index_vectors`
        and `build_tsrank`: title times its norm plus body)."""
        ranks = [
            SearchRank(vector, search_query, weights=self.sql_weights) * weight
            for vector, weight in ((F("title"), F("title_norm")), (F("body"), 1.0))
        ]
        entries = self.matching_entries(search_query).annotate(
            object_pk=Cast("object_id", BigIntegerField()), rank=reduce(add, ranks)
        )
        return entries.order_by(F("rank").desc(), F("object_pk").desc()).values_list("object_pk", "rank")[start:stop]


class PerLanguageSearchResults(PostgresSearchResults):
    """Wagtail's results, a page of which is ranked in the index first, and which can be counted up to
    a limit."""

    def matches_any_word(self):
        """Whether this is a query of any word through our compiler (the visitors' search).

        Autocomplete (the admin's choosers and listings) has a compiler of its own: Wagtail's.
        """
        compiler = self.query_compiler
        return isinstance(compiler, PerLanguageQueryCompiler) and compiler.matches_any_word()

    def _do_search(self):
        """A page of results of a query of any word, in Wagtail's order and with its score: its ids
        ranked among the matching index entries, then those objects read by id.

        Wagtail joins every matching page to its index row and ranks the joined rows, so PostgreSQL
        hashes each matching index row with both vectors first: a common word at 10,000 pages took
        44 ms of PostgreSQL CPU that way and takes 30 ms so (`matching_entries`), for one more small
        query. Any other search is Wagtail's own.
        """
        compiler = self.query_compiler
        a_page = self.stop is not None and compiler.order_by_relevance
        if not (self.matches_any_word() and a_page and has_integer_key(compiler.queryset.model)):
            return super()._do_search()
        search_query = compiler.build_tsquery(compiler.query, config=compiler.get_config(self.backend))
        if search_query is None:
            return []
        ranked = list(compiler.ranked_page(search_query, self.start, self.stop))
        found = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=[pk for pk, _rank in ranked]).order_by()}
        results = []
        for pk, rank in ranked:
            if (obj := found.get(pk)) is not None:
                if self._score_field:
                    setattr(obj, self._score_field, rank)
                results.append(obj)
        return results

    def count_at_most(self, limit):
        """The number of results if it is at most `limit`, else `limit + 1`: PostgreSQL stops at the
        match after the limit instead of counting (and testing) every page a common word is on.

        A query of any word is counted from the index entries that match, among those of the pages
        asked for (a semi-join, `matching_entries`): PostgreSQL reads the index rows only until the
        limit, where the join Wagtail's results make hashes every matching index row first.
        """
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        if not self.matches_any_word():
            matches = compiler.search(config, None, None, backend=self.backend)
            return matches.order_by()[: limit + 1].count()
        search_query = compiler.build_tsquery(compiler.query, config=config)
        if search_query is None:
            return 0
        return compiler.matching_entries(search_query)[: limit + 1].count()


class PerLanguageIndex(PostgresIndex):
    """Indexes each object with the configuration of its locale, others with the backend's own."""

    def add_items(self, model, objs):
        configs = self.backend.configs_by_locale_id() if hasattr(model, "locale_id") else {}
        groups = {}
        for obj in objs:
            config = configs.get(getattr(obj, "locale_id", None), self.backend.config)
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            # Wagtail's own index, given a backend with this one configuration.
            PostgresIndex(self.backend.for_config(config)).add_items(model, group)


class PerLanguagePostgresSearchBackend(PostgresSearchBackend):
    """Wagtail's PostgreSQL search with a text-search configuration per content language."""

    query_compiler_class = PerLanguageQueryCompiler
    index_class = PerLanguageIndex
    results_class = PerLanguageSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS", {}))

    def for_config(self, config):
        """Wagtail's plain backend with the same settings and this configuration."""
        return PostgresSearchBackend({**self.params, "SEARCH_CONFIG": config})

    def configs_by_locale_id(self):
        """{locale pk: configuration} for the locales that have one (one query per batch indexed)."""
        return {
            pk: self.language_configs[code]
            for pk, code in Locale.objects.values_list("pk", "language_code")
            if code in self.language_configs
        }


def count_at_most(results, limit):
    """The number of search results if it is at most `limit`, else `limit + 1`; counted in full by
    backends that cannot stop early (SQLite, OpenSearch answer counts from their own index)."""
    if isinstance(results, PerLanguageSearchResults):
        return results.count_at_most(limit)
    return min(results.count(), limit + 1)


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The per-language backend on PostgreSQL, else the database backend Wagtail would choose."""
    if connection.vendor == "postgresql":
        return PerLanguagePostgresSearchBackend(params)
    return database_backend(params)
