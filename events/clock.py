"""When event pages change by the clock alone: the page cache keeps no copy past that moment.

An event moves from upcoming to under way to past at its start and end, a series part from
"Kommande" to "Har sänts", and registration opens and closes on its dates. Named in the setting
PAGE_CACHE_TIME_BOUNDARIES; listings, the home page and topic pages show these states too, so the
moment holds for the whole site.
"""

import datetime as dt

from django.db.models import Min, Q
from django.utils import timezone

from .formatting import next_midnight
from .models import EVENT_MODELS, SeminarPart


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


def _part_moments(now):
    """The next start and end of series parts (the series' own start and end cover only the first and last)."""
    parts = SeminarPart.objects.filter(page__live=True, date__gte=timezone.localdate(now) - dt.timedelta(days=1))
    return [moment for part in parts.only("date", "start_time", "end_time") for moment in (part.start, part.end)]


def next_state_change(now):
    """The first moment after `now` at which an event, a series part or a registration changes state."""
    moments = [moment for model in EVENT_MODELS for moment in _event_moments(model, now)]
    moments += _part_moments(now)
    return min((moment for moment in moments if moment is not None and moment > now), default=None)
