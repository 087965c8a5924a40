"""Event pages, the shared event data and the events listing."""

from .index import EventIndexPage, upcoming
from .mixins import CalendarEntry, EventFormat, EventMixin, EventStatus, RegistrationQuestion, RegistrationState
from .pages import ConferencePage, NetworkPage, SeminarPart, SeminarSeriesPage

__all__ = [
    "CalendarEntry",
    "ConferencePage",
    "EventFormat",
    "EventIndexPage",
    "EventMixin",
    "EventStatus",
    "NetworkPage",
    "RegistrationQuestion",
    "RegistrationState",
    "SeminarPart",
    "SeminarSeriesPage",
    "upcoming",
]
