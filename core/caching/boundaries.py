"""When pages next change by the clock alone, so that no stored copy outlives that moment.

Each app that shows something time-dependent (a notice's display window, an event going from
upcoming to past, a registration opening or closing) names a function in PAGE_CACHE_TIME_BOUNDARIES
that answers `next_change(now)`: the first moment after `now` at which its pages change, or None.
The cache does not need to know the apps, and the apps do not import the cache.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


def next_change(now):
    """The earliest moment after `now` at which any page changes by the clock, or None."""
    moments = []
    for path in getattr(settings, "PAGE_CACHE_TIME_BOUNDARIES", ()):
        moment = import_string(path)(now)
        if moment is not None:
            moments.append(moment)
    return min(moments, default=None)


def seconds_until_next_change():
    """Seconds from now until next_change (a float, 0 when it is now), or None if nothing is due."""
    now = timezone.now()
    moment = next_change(now)
    return None if moment is None else max(0.0, (moment - now).total_seconds())
