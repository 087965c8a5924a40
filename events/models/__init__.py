"""Event pages, the shared event data and the events listing."""

from events.calendar import CalendarEntry

from .choices import EventFormat, EventStatus, RegistrationQuestion, RegistrationState
from .index import EventIndexPage, upcoming
from .mixins import EventMixin
from .pages import ConferencePage, NetworkPage, SeminarPart, SeminarSeriesPage
from .registration import OnsiteRegistrationMixin

__all__ = [
    "CalendarEntry",
    "ConferencePage",
    "EventFormat",
    "EventIndexPage",
    "EventMixin",
    "EventStatus",
    "NetworkPage",
    "OnsiteRegistrationMixin",
    "RegistrationQuestion",
    "RegistrationState",
    "SeminarPart",
    "SeminarSeriesPage",
    "upcoming",
]
