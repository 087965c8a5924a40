"""Dates in Stockholm time, in the active language: 10 september 2027 in Swedish, 10 September 2027 on
English pages (British order, as our partners abroad read it; docs/translation.md)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import ngettext

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
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def is_english():
    """True while an English page (or e-mail, or feed) is being written."""
    return (translation.get_language() or "").startswith("en")


def local(value):
    """An aware datetime in Stockholm time (None stays None)."""
    return timezone.localtime(value, STOCKHOLM) if value else None


def _day(value):
    # A moment is dated by the Stockholm calendar, as visitors read it.
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return local(value)
    return value


def day_month(value):
    """10 september (10 September in English)"""
    value = _day(value)
    return f"{value.day} {(ENGLISH_MONTHS if is_english() else MONTHS)[value.month - 1]}"


def long_date(value):
    """10 september 2027 (10 September 2027 in English)"""
    value = _day(value)
    return f"{day_month(value)} {value.year}"


def minutes_text(minutes):
    """8 minuter (8 minutes on English pages); 1 minut."""
    return ngettext("%(count)s minut", "%(count)s minuter", minutes) % {"count": minutes}
