"""The event page types, listed once, and one database query across all of them."""

from django.db import connections

from .conference import ConferencePage
from .network import NetworkPage
from .series import SeminarSeriesPage

EVENT_MODELS = (ConferencePage, SeminarSeriesPage, NetworkPage)


def event_union(select):
    """One UNION ALL query over every event type; `select(model)` gives that type's values_list, unordered.

    ALL: a page is of one type only, so no row repeats, and PostgreSQL need not sort every row to
    find duplicates before it can stop at a page of them."""
    selects = [select(model).order_by() for model in EVENT_MODELS]
    return selects[0].union(*selects[1:], all=True)


class EventRows:
    """Rows of every event type in one order, as a paginator reads them: `count()` is one query, and a
    slice one query that takes from each type, in that type's own index order, no more rows than the
    slice reaches, so PostgreSQL stops early instead of sorting every event of every year.
    `reverse()` reads the same rows from the other end (core.pagination reads late pages so)."""

    ordered = True

    def __init__(self, selects, ordering, backwards=False):
        self.selects = selects
        self.ordering = ordering
        self.backwards = backwards

    def _ordered(self, queryset):
        queryset = queryset.order_by(*self.ordering)
        return queryset.reverse() if self.backwards else queryset

    def _union(self, selects):
        return self._ordered(selects[0].union(*selects[1:], all=True))

    def count(self):
        return self.selects[0].union(*self.selects[1:], all=True).count()

    def reverse(self):
        return EventRows(self.selects, self.ordering, not self.backwards)

    def __iter__(self):
        return iter(self._union(self.selects))

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        selects = self.selects
        # SQLite allows no LIMIT inside a UNION; there the types' rows are ordered together, as before.
        if index.stop is not None and connections[selects[0].db].features.supports_slicing_ordering_in_compound:
            selects = [self._ordered(select)[: index.stop] for select in selects]
        return list(self._union(selects)[index])
