"""iCalendar (RFC 5545) files for events, series parts and the feed of upcoming events."""

import datetime as dt
import functools
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event, Timezone

from core.text import multi_line, single_line

PRODID = "-//Kommuner och regioner//Evenemang//SV"


@dataclass
class CalendarEntry:
    """One occurrence to put in a calendar file; `all_day` entries carry dates instead of datetimes."""

    uid: str
    summary: str
    start: object
    end: object
    url: str = ""
    description: str = ""
    location: str = ""
    cancelled: bool = False
    all_day: bool = False
    # Raised with each change of time, link or status, so calendars replace the entry they hold.
    sequence: int = 0
    last_modified: object = None


def uid_domain():
    """The domain part of event UIDs, stable across deploys."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "example.se"
    return base.split("://", 1)[-1].split("/", 1)[0] or "example.se"


def build_calendar(entries, name=""):
    """A VCALENDAR with one VEVENT per entry and the VTIMEZONE their times need.

    Text is made safe here, where it is written: icalendar escapes line breaks in its own text
    properties but writes X-WR-CALNAME as it is, and passes other control characters through.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if calendar_name := single_line(name):
        cal.add("x-wr-calname", calendar_name)
    stamp = timezone.now().astimezone(dt.UTC)
    tzids = set()
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("summary", single_line(entry.summary))
        if entry.all_day:
            event.add("dtstart", entry.start)
            # DTEND of an all-day event is exclusive: the day after the last day.
            event.add("dtend", (entry.end or entry.start) + dt.timedelta(days=1))
        else:
            event.add("dtstart", entry.start)
            event.add("dtend", entry.end or entry.start)
            tzids.update(event[name].params.get("TZID") for name in ("dtstart", "dtend"))
        if description := multi_line(entry.description):
            event.add("description", description)
        if location := single_line(entry.location):
            event.add("location", location)
        if entry.url:
            event.add("url", single_line(entry.url))
        event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
        event.add("sequence", entry.sequence)
        if entry.last_modified:
            event.add("last-modified", entry.last_modified.astimezone(dt.UTC))
        cal.add_component(event)
    # What Calendar.add_missing_timezones() adds, without walking every event again to find the TZIDs
    # in use, and each VTIMEZONE built once per process (icalendar asks its users to cache them).
    vtimezones = [_vtimezone(tzid) for tzid in sorted(tzids - {None, "UTC"})]
    cal.subcomponents[:0] = [vtimezone for vtimezone in vtimezones if vtimezone is not None]
    return cal


@functools.cache
def _vtimezone(tzid):
    """The VTIMEZONE of a TZID, or None for one icalendar does not know; shared, so never changed."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:
        return None


def ics_response(entries, filename, name="", download=True):
    """An .ics file: a download for one event, inline for a feed that calendars subscribe to."""
    response = HttpResponse(build_calendar(entries, name).to_ical(), content_type="text/calendar; charset=utf-8")
    # RFC 6266: a slug may be Swedish, so the name goes in filename* as UTF-8 when it is not ASCII.
    response["Content-Disposition"] = content_disposition_header(download, filename)
    return response
