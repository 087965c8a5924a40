"""The event page types, listed once, and one database query across all of them."""

from .conference import ConferencePage
from .network import NetworkPage
from .series import SeminarSeriesPage

EVENT_MODELS = (ConferencePage, SeminarSeriesPage, NetworkPage)


def event_union(select):
    """One UNION query over every event type; `select(model)` gives that type's values_list, unordered."""
    selects = [select(model).order_by() for model in EVENT_MODELS]
    return selects[0].union(*selects[1:])
