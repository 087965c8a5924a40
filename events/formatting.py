"""Swedish times, spans and event dates, on top of the Swedish dates of core/dates.py."""

import datetime as dt

from core.dates import STOCKHOLM, day_month, local, long_date


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
    """13.15"""
    return value.strftime("%H.%M")


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
    """Date and time of an event: 12 mars 2027 kl. 09.30–16.00, or a multi-day span with times."""
    start, end = local(start), local(end)
    if not start:
        return ""
    if not end or end.date() == start.date():
        times = f"{clock(start)}–{clock(end)}" if end and end != start else clock(start)
        return f"{long_date(start)} kl. {times}"
    return f"{long_date(start)} kl. {clock(start)} – {long_date(end)} kl. {clock(end)}"


def next_midnight(date):
    """The first moment after the given day, Stockholm time."""
    return combine(date + dt.timedelta(days=1))


__all__ = [
    "STOCKHOLM",
    "clock",
    "combine",
    "date_span",
    "day_month",
    "day_span",
    "local",
    "long_date",
    "next_midnight",
    "when",
]
