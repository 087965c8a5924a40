"""Where a broadcast stands (planned, soon, live, ended, recorded, cancelled) and when that next changes.

A series part and an event with a webcast both describe their broadcast as a `Broadcast`; the page,
the listings, the JSON-LD, the page cache's boundaries (events/clock.py) and the state script
(static/js/broadcasts.js) all read the state from here, so they agree at every moment.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.dates import is_english, minutes_text

from .formatting import clock, clock_span, local, long_date, next_midnight

MINUTE = dt.timedelta(minutes=1)


class BroadcastState(models.TextChoices):
    """The states a broadcast passes through; cancelled stands outside the clock."""

    PLANNED = "planned", _("Kommande")
    SOON = "soon", _("Börjar snart")
    LIVE = "live", _("Sänds nu")
    ENDED = "ended", _("Sändningen är slut, inspelningen kommer")
    RECORDED = "recorded", _("Har sänts")
    CANCELLED = "cancelled", _("Inställd")


def _at():
    # Between a date and its time: "12 mars 2027 kl. 13.15", "12 March 2027, 1.15 pm".
    return ", " if is_english() else " kl. "


def soon_lead():
    """How long before the start a broadcast counts down ("Börjar om 15 minuter")."""
    return dt.timedelta(minutes=getattr(settings, "BROADCAST_SOON_MINUTES", 15))


def default_length():
    """How long a broadcast without an end time is taken to be live."""
    return dt.timedelta(minutes=getattr(settings, "BROADCAST_DEFAULT_MINUTES", 60))


@dataclass
class Broadcast:
    """One broadcast at one moment: `start` None means the time is still to be announced on `date`."""

    date: dt.date
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    join_url: str = ""
    cancelled: bool = False
    recorded: bool = False
    moved_from: dt.datetime | None = None
    now: dt.datetime = field(default_factory=timezone.now)

    @property
    def has_time(self):
        return self.start is not None

    @property
    def live_until(self):
        """The end of the live state: the end time, or a default length after a start without an end."""
        if not self.has_time:
            return next_midnight(self.date)
        return self.end if self.end and self.end > self.start else self.start + default_length()

    @property
    def soon_from(self):
        return self.start - soon_lead() if self.has_time else None

    def state_at(self, now):
        if self.cancelled:
            return BroadcastState.CANCELLED
        if now >= self.live_until:
            return BroadcastState.RECORDED if self.recorded else BroadcastState.ENDED
        if not self.has_time or now < self.soon_from:
            return BroadcastState.PLANNED
        return BroadcastState.SOON if now < self.start else BroadcastState.LIVE

    @property
    def soon_minutes(self):
        return int(soon_lead() / MINUTE)

    @property
    def state(self):
        return self.state_at(self.now)

    @property
    def is_over(self):
        return self.state in (BroadcastState.ENDED, BroadcastState.RECORDED)

    @property
    def minutes_left(self):
        """Whole minutes until the start, rounded up: 15 at exactly a quarter of an hour before."""
        return max(1, math.ceil((self.start - self.now) / MINUTE)) if self.has_time else None

    @property
    def label(self):
        """The words of the state: "Kommande: 9 mars 2027 kl. 09.00–09.45", "Börjar om 12 minuter", "Sänds nu", …"""
        state = self.state
        if state == BroadcastState.SOON:
            return gettext("Börjar om %(minutes)s") % {"minutes": minutes_text(self.minutes_left)}
        if state == BroadcastState.PLANNED:
            if self.has_time:
                return gettext("Kommande: %(when)s") % {"when": self.when_text}
            return gettext("Kommande: %(when)s. Tid meddelas senare") % {"when": self.when_text}
        if state == BroadcastState.RECORDED:
            return gettext("Har sänts %(date)s") % {"date": long_date(self.date)}
        return str(state.label)

    @property
    def script_labels(self):
        """The words static/js/broadcasts.js moves on to, in the active language ({n}: the minutes left)."""
        soon = gettext("Börjar om %(minutes)s")
        return {
            "soon-one": soon % {"minutes": minutes_text(1)},
            # The plural form for any count but one, with the count left for the script to fill in.
            "soon-many": soon % {"minutes": ngettext("%(count)s minut", "%(count)s minuter", 2) % {"count": "{n}"}},
            "live": str(BroadcastState.LIVE.label),
            "ended": str(BroadcastState.ENDED.label),
        }

    @property
    def when_text(self):
        """12 mars 2027 kl. 13.15–14.00 (12 March 2027, 1.15–2 pm), or the date alone when the time is to be
        announced."""
        if not self.has_time:
            return long_date(self.date)
        start = local(self.start)
        times = clock_span(start, local(self.end)) if self.end and self.end > self.start else clock(start)
        return f"{long_date(start.date())}{_at()}{times}"

    @property
    def moved_from_text(self):
        if not self.moved_from:
            return ""
        moved = local(self.moved_from)
        return f"{long_date(moved.date())}{_at()}{clock(moved)}"

    def next_change_after(self, now):
        """The first moment after `now` at which the state or its words change, or None."""
        if self.cancelled:
            return None
        moments = [self.live_until]
        if self.has_time:
            moments += [self.soon_from, self.start]
            if self.soon_from <= now < self.start:
                # The count-down changes its words once a minute.
                left = math.ceil((self.start - now) / MINUTE)
                moments.append(self.start - (left - 1) * MINUTE)
        return min((moment for moment in moments if moment > now), default=None)

    @property
    def next_change(self):
        return self.next_change_after(self.now)
