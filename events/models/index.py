"""The events listing: upcoming events first, an archive, filters, pagination and a calendar feed."""

import datetime as dt
import re

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core.cards import CARD_IMAGE_FIELDS, PAGE_CARD_FIELDS
from core.images import prefetch_card_images
from core.models import SiteChromeMixin, Topic
from core.pagination import filter_query, paginate
from events import calendar

from .all_events import EVENT_MODELS, EventRows, event_union
from .choices import EventFormat
from .series import SeminarSeriesPage

PER_PAGE = 10
# The calendar feed costs about 0.25 ms of CPU per entry (icalendar writing and folding its lines), so
# it is bounded: the next 40 events (at the grown site's density about a month ahead, at today's the
# next two months; each event page offers its own .ics for anything later), and those that ended in
# the last 30 days, at most 10, so a subscribed calendar keeps last month's conference instead of
# losing it the moment it ends. 50 events at most (a series adds an entry per part), whatever the
# archive holds: a full feed stays within twice the demo site's (docs/performance.md, "The calendar feed").
FEED_LIMIT = 40
FEED_RECENT_WINDOW = dt.timedelta(days=30)
FEED_RECENT_LIMIT = 10
SLUG_RE = re.compile(r"^[-\w]{1,100}$")
# What an event's card shows: the page card's fields and those card_meta reads. Cards load only
# these columns: building and reading the full rows of three page types cost more than the rest of a
# listing. A card that shows another field must add it here (the query budgets would catch it).
CARD_FIELDS = (*PAGE_CARD_FIELDS, *CARD_IMAGE_FIELDS, "start", "end", "city", "event_format", "status", "webcast_url")
# What an event's calendar entries read (EventMixin.calendar_entries); a type whose entries read more
# names it in `calendar_extra_fields` (a network its meetings).
CALENDAR_FIELDS = (
    *PAGE_CARD_FIELDS,
    "start",
    "end",
    "venue",
    "address",
    "city",
    "webcast_url",
    "status",
    "calendar_sequence",
    "calendar_changed_at",
)


def _upcoming_q(now):
    # Undated entries are ongoing networks and programmes: they stay among the upcoming.
    return Q(end__gte=now) | Q(start__isnull=True)


def event_ids(parent=None, *, archive=False, event_format=None, topic=None, now=None, ended_since=None, locale=None):
    """(id, start, content type id) of matching events across all event types, in listing order, as one
    database query (the archive as EventRows, read a page at a time); `ended_since` narrows the archive
    to events that ended after that moment, `locale` to the events in one language (a listing's
    children are in its own)."""
    now = now or timezone.now()
    # What .public() excludes, read once for all event types instead of once per type.
    private = Page.objects.private_q()

    def select(model):
        queryset = model.objects.live().exclude(private)
        if parent is not None:
            queryset = queryset.child_of(parent)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        queryset = queryset.filter(end__lt=now) if archive else queryset.filter(_upcoming_q(now))
        if ended_since is not None:
            queryset = queryset.filter(end__gte=ended_since)
        if event_format:
            queryset = queryset.filter(event_format=event_format)
        if topic is not None:
            queryset = queryset.filter(topics=topic)
        return queryset.values_list("pk", "start", "content_type_id")

    if archive:
        # Newest first, read page by page: each type's rows come from its `start` index, backwards
        # (an archived event always has a start: it has ended). Ties by id, in the index's direction.
        selects = [select(model).order_by() for model in EVENT_MODELS]
        return EventRows(selects, [F("start").desc(), F("pk").desc()], [F("start").asc(), F("pk").asc()])
    # The upcoming are few (the `end` index finds them); undated networks and programmes come last.
    return event_union(select).order_by(F("start").asc(nulls_last=True), "pk")


def load_events(rows, for_calendar=False):
    """The specific pages for rows of `event_ids`, in that order, with a query or two per event type
    among them: with the fields of a card, or whole with their parts for a calendar."""
    rows = list(rows)
    ids = [pk for pk, _start, _type in rows]
    types = {content_type for _pk, _start, content_type in rows}
    pages = {}
    for model in EVENT_MODELS:
        if ContentType.objects.get_for_model(model).pk not in types:
            continue
        queryset = model.objects.filter(pk__in=ids)
        if not for_calendar:
            queryset = queryset.only(*CARD_FIELDS)
            if model is SeminarSeriesPage:
                # A series card tells whether a part is on now: its parts in one query.
                queryset = queryset.prefetch_related("parts")
        else:
            # An entry is the event's dates, place, intro, status and calendar version: not its body,
            # speakers, contacts or registration, the bulk of each row (a full feed holds 50 events).
            queryset = queryset.only(*CALENDAR_FIELDS, *getattr(model, "calendar_extra_fields", ()))
            if model is SeminarSeriesPage:
                queryset = queryset.prefetch_related("parts")
        for page in queryset:
            pages[page.pk] = page
    found = [pages[pk] for pk in ids if pk in pages]
    return found if for_calendar else prefetch_card_images(found)


def upcoming(limit=3, parent=None, locale=None):
    """The next live, public events, soonest first (ongoing networks last); for the home page."""
    rows = event_ids(parent, locale=locale)[:limit]
    return load_events(rows)


class EventIndexPage(RoutablePageMixin, SiteChromeMixin, Page):
    """Kurser och konferenser: upcoming events, an archive, filters and a subscribable calendar."""

    page_description = "Listan Kurser och konferenser, med arkiv, filter och kalender."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.ConferencePage", "events.SeminarSeriesPage", "events.NetworkPage"]

    intro = models.TextField("ingress", blank=True, help_text="Visas ovanför listan; en eller två meningar.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels

    search_fields = Page.search_fields + [index.SearchField("intro")]

    feedback_enabled_for_type = False

    class Meta:
        verbose_name = _("evenemangslista")
        verbose_name_plural = "evenemangslistor"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = Topic.listed()
        params = self.clean_filters(request.GET, topics)
        topic_id = params["topic"].pk if params["topic"] else None
        rows = event_ids(self, archive=params["archive"], event_format=params["format"], topic=topic_id)
        if not params["archive"]:
            # The upcoming events are few: reading their three small columns at once spares the
            # paginator a second, counting query. The archive grows every year, so there PostgreSQL
            # counts and then reads only the page's rows (ORDER BY … LIMIT … OFFSET on the union).
            rows = list(rows)
        page_obj = paginate(rows, PER_PAGE, request.GET)
        context.update(
            {
                "events": load_events(page_obj.object_list),
                "page_obj": page_obj,
                "paginator": page_obj.paginator,
                "archive": params["archive"],
                "selected_format": params["format"] or "",
                "selected_topic": params["topic"].slug if params["topic"] else "",
                "format_choices": EventFormat.choices,
                "topics": topics,
                "filters": filter_query(
                    {
                        "arkiv": "1" if params["archive"] else "",
                        "format": params["format"],
                        "amne": params["topic"].slug if params["topic"] else "",
                    }
                ),
                "is_filtered": bool(params["format"] or params["topic"]),
            }
        )
        return context

    @staticmethod
    def clean_filters(query, topics):
        """Known values from the query string; anything else falls back to the default."""
        event_format = query.get("format", "")
        if event_format not in EventFormat.values:
            event_format = None
        topic_slug = query.get("amne", "")
        topic = None
        if SLUG_RE.match(topic_slug):
            topic = next((item for item in topics if item.slug == topic_slug), None)
        return {
            "archive": query.get("arkiv") == "1",
            "format": event_format,
            "topic": topic,
        }

    @path("kalender/", name="feed")
    def feed(self, request):
        """The next events and those that ended in the last 30 days, as a calendar to subscribe to.

        Both parts are bounded, so the feed stays small whatever the archive holds; anonymous requests
        are kept by the page cache like any page, until the next change.
        """
        now = timezone.now()
        recent = event_ids(self, archive=True, now=now, ended_since=now - FEED_RECENT_WINDOW)[:FEED_RECENT_LIMIT]
        # Oldest first, as a calendar reads; then the upcoming ones, soonest first.
        rows = [*reversed(list(recent)), *event_ids(self, now=now)[:FEED_LIMIT]]
        events = load_events(rows, for_calendar=True)
        # Every event is a child of this listing: its address is the listing's and the rest of its path,
        # not a site lookup and a URL reversal per entry (tests/events/test_calendar.py compares them).
        here = self.get_full_url(request)
        entries = [
            entry
            for event in events
            for entry in event.calendar_entries(request, url=here and here + event.url_path[len(self.url_path) :])
        ]
        return calendar.ics_response(entries, f"{self.slug}.ics", name=self.title, download=False)

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")
