"""When event pages change by the clock alone: the page cache keeps no copy past that moment.

An event moves from upcoming to under way to past at its start and end, a broadcast (a series part
or an event with a webcast) from planned to "Börjar om N minuter" (its words change each minute) to
"Sänds nu" to ended, and registration opens and closes on its dates. Named in the setting
PAGE_CACHE_TIME_BOUNDARIES; listings, the home page and topic pages show these states too, so the
moment holds for the whole site.
"""

import datetime as dt

from django.db.models import Min, Q
from django.utils import timezone

from .broadcasts import default_length
from .formatting import next_midnight
from .models import EVENT_MODELS, SeminarPart, SeminarSeriesPage


def _event_moments(model, now):
    """The next start, end, registration opening, closing and deadline after `now` among live events."""
    found = model.objects.live().aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        end=Min("end", filter=Q(end__gt=now)),
        opens=Min("registration_opens", filter=Q(registration_opens__gt=now)),
        closes=Min("registration_closes", filter=Q(registration_closes__gt=now)),
        deadline=Min("registration_deadline", filter=Q(registration_deadline__gte=timezone.localdate(now))),
    )
    deadline = found.pop("deadline")
    # Registration is open through the deadline day and closes at the following midnight.
    return [*found.values(), next_midnight(deadline) if deadline else None]


def _webcast_moments(model, now):
    """The next change of state of an event's own webcast (a series' broadcasts are its parts)."""
    if model is SeminarSeriesPage:
        return []
    # A webcast without an end is live for the default length: look that far back for one under way.
    pages = model.objects.live().exclude(webcast_url="").filter(end__gt=now - default_length())
    pages = pages.only("start", "end", "webcast_url", "status")
    return [page.broadcast.next_change_after(now) for page in pages if page.broadcast]


def _part_moments(now):
    """The next start, end and change of broadcast state of series parts."""
    parts = SeminarPart.objects.filter(page__live=True, date__gte=timezone.localdate(now) - dt.timedelta(days=1))
    parts = parts.select_related("page").only(
        "date",
        "start_time",
        "end_time",
        "cancelled",
        "moved_from",
        "recording_url",
        "recording_video",
        "webcast_url",
        "page__status",
        "page__webcast_url",
    )
    moments = []
    for part in parts:
        moments += [part.start, part.end, part.broadcast.next_change_after(now)]
    return moments


def next_state_change(now):
    """The first moment after `now` at which an event, a broadcast or a registration changes state."""
    moments = []
    for model in EVENT_MODELS:
        moments += _event_moments(model, now)
        moments += _webcast_moments(model, now)
    moments += _part_moments(now)
    return min((moment for moment in moments if moment is not None and moment > now), default=None)
