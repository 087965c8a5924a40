"""Event pages, the shared event data and the events listing."""

from events.calendar import CalendarEntry

from .choices import EventFormat, EventStatus, RegistrationQuestion, RegistrationState
from .conference import ConferencePage
from .index import EventIndexPage, upcoming
from .mixins import EventMixin
from .network import NetworkPage
from .registration import OnsiteRegistrationMixin
from .series import SeminarPart, SeminarSeriesPage

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
