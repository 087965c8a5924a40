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
"""

from functools import reduce
from operator import or_

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


class PerLanguageQueryCompiler(PostgresSearchQueryCompiler):
    """Matches a query stemmed by each language's configuration (get_config gives them all)."""

    def get_config(self, backend):
        return tuple(dict.fromkeys([backend.config, *backend.language_configs.values()]))

    def build_tsquery(self, query, config=None):
        if isinstance(config, tuple):
            return reduce(or_, (super(PerLanguageQueryCompiler, self).build_tsquery(query, c) for c in config))
        return super().build_tsquery(query, config=config)


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


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    """The per-language backend on PostgreSQL, else the database backend Wagtail would choose."""
    if connection.vendor == "postgresql":
        return PerLanguagePostgresSearchBackend(params)
    return database_backend(params)
