"""Times, spans and event dates in the active language, on top of the dates of core/dates.py: Swedish
"12 mars 2027 kl. 09.30–16.00", English "12 March 2027, 9.30 am–4 pm" (docs/translation.md)."""

import datetime as dt

from core.dates import STOCKHOLM, day_month, is_english, local, long_date


def combine(date, time=None):
    """A date and an optional time of day as an aware Stockholm datetime (midnight without a time)."""
    return dt.datetime.combine(date, time or dt.time(0, 0), tzinfo=STOCKHOLM)


def day_span(date, start_time=None, end_time=None):
    """Start and end of something held on one day: without an end it ends when it starts, without times it
    lasts the whole day."""
    start = combine(date, start_time)
    if end_time:
        return start, combine(date, end_time)
    if start_time:
        return start, start
    return start, next_midnight(date)


def clock(value):
    """13.15 (1.15 pm in English)"""
    if is_english():
        return f"{_english_hours(value)} {_meridiem(value)}"
    return value.strftime("%H.%M")


def _english_hours(value):
    # 1.15, 2 (whole hours without minutes), 12 for noon and midnight.
    hour = value.hour % 12 or 12
    return f"{hour}.{value.minute:02d}" if value.minute else str(hour)


def _meridiem(value):
    return "am" if value.hour < 12 else "pm"


def clock_span(start, end):
    """13.15–14.00 (1.15–2 pm, or 11 am–1 pm, in English); one time when there is no end."""
    if not end or end == start:
        return clock(start)
    if is_english() and _meridiem(start) == _meridiem(end):
        return f"{_english_hours(start)}–{clock(end)}"
    return f"{clock(start)}–{clock(end)}"


def date_span(start, end):
    """A date or date span: 12 mars 2027, 12–13 mars 2027, 30 mars–2 april 2027."""
    start_day = start.date() if isinstance(start, dt.datetime) else start
    end_day = (end.date() if isinstance(end, dt.datetime) else end) if end else start_day
    if end_day == start_day:
        return long_date(start_day)
    if (start_day.year, start_day.month) == (end_day.year, end_day.month):
        return f"{start_day.day}–{long_date(end_day)}"
    if start_day.year == end_day.year:
        return f"{day_month(start_day)}–{long_date(end_day)}"
    return f"{long_date(start_day)}–{long_date(end_day)}"


def when(start, end):
    """Date and time of an event: 12 mars 2027 kl. 09.30–16.00 (12 March 2027, 9.30 am–4 pm), or a
    multi-day span with times."""
    start, end = local(start), local(end)
    if not start:
        return ""
    at = ", " if is_english() else " kl. "
    if not end or end.date() == start.date():
        return f"{long_date(start)}{at}{clock_span(start, end)}"
    return f"{long_date(start)}{at}{clock(start)} – {long_date(end)}{at}{clock(end)}"


def next_midnight(date):
    """The first moment after the given day, Stockholm time."""
    return combine(date + dt.timedelta(days=1))


__all__ = [
    "STOCKHOLM",
    "clock",
    "clock_span",
    "combine",
    "date_span",
    "day_month",
    "day_span",
    "local",
    "long_date",
    "next_midnight",
    "when",
]
