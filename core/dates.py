"""Swedish dates, independent of the active locale: 10 september 2027, in Stockholm time."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

STOCKHOLM = ZoneInfo("Europe/Stockholm")

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def local(value):
    """An aware datetime in Stockholm time (None stays None)."""
    return timezone.localtime(value, STOCKHOLM) if value else None


def _day(value):
    # A moment is dated by the Stockholm calendar, as visitors read it.
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return local(value)
    return value


def day_month(value):
    """10 september"""
    value = _day(value)
    return f"{value.day} {MONTHS[value.month - 1]}"


def long_date(value):
    """10 september 2027"""
    value = _day(value)
    return f"{day_month(value)} {value.year}"
