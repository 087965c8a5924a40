"""The event page types, listed once, and one database query across all of them."""

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
