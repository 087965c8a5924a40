"""The event page types, listed once, and one database query across all of them."""

from django.db import connections
from django.db.models.query import EmptyQuerySet

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
    `reverse()` reads the same rows from the other end (core.pagination reads late pages so);
    `backwards` is that order spelled out, as Django does not turn a union's order round itself."""

    ordered = True

    def __init__(self, selects, ordering, backwards):
        self.selects = [select for select in selects if not isinstance(select, EmptyQuerySet)]
        self.ordering = ordering
        self.backwards = backwards

    def _union(self, selects):
        if len(selects) == 1:
            return selects[0]
        return selects[0].union(*selects[1:], all=True)

    def count(self):
        return self._union([select.order_by() for select in self.selects]).count() if self.selects else 0

    def reverse(self):
        return EventRows(self.selects, self.backwards, self.ordering)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        # Nothing to read (an empty listing's page is the slice [0:0], which Django turns into no query).
        if not self.selects or (index.stop is not None and index.stop <= (index.start or 0)):
            return []
        selects = [select.order_by() for select in self.selects]
        # SQLite allows no LIMIT inside a UNION; there the types' rows are ordered together, as before.
        if index.stop is not None and connections[selects[0].db].features.supports_slicing_ordering_in_compound:
            selects = [select.order_by(*self.ordering)[: index.stop] for select in selects]
            if len(selects) == 1:
                return list(selects[0])[index]
        return list(self._union(selects).order_by(*self.ordering)[index])
