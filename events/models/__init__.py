"""Event pages, the shared event data and the events listing."""

from events.calendar import CalendarEntry

from .all_events import EVENT_MODELS, event_union
from .broadcast import held_without_recording
from .choices import EventFormat, EventStatus, RegistrationQuestion, RegistrationState
from .conference import ConferencePage
from .index import EventIndexPage, upcoming
from .mixins import EventMixin
from .network import NetworkPage
from .registration import OnsiteRegistrationMixin
from .series import SeminarPart, SeminarSeriesPage

__all__ = [
    "EVENT_MODELS",
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
    "event_union",
    "held_without_recording",
    "upcoming",
]
