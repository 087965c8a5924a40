"""The data every event shares: when, what, where, status, registration, speakers and contacts."""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site
from wagtail.search import index

from core import structured_data
from core.fields import StreamField
from core.models import ContactsMixin, localized_topics
from core.models.topics import source_topics_q
from core.streams import convert_streams
from events import calendar
from events.blocks import SpeakerStreamBlock
from events.broadcasts import Broadcast, BroadcastState
from events.calendar import CalendarEntry
from events.formatting import date_span, local, long_date, when

from .broadcast import CalendarVersionMixin
from .choices import SCHEMA_STATUS, EventFormat, EventStatus
from .registration import OnsiteRegistrationMixin

EVENT_PARENTS = ["events.EventIndexPage"]
INTRO_HELP = "En eller två meningar om vad evenemanget ger. Visas överst, i listan och i kalenderfilen."
BODY_HELP = "Börja med Rubrik 2 och hoppa inte över rubriknivåer."


def end_index(name):
    """An event type's index on `end` that also holds `start` and the page id: the listings count the
    archive and find the upcoming events from it alone, without reading the wide page rows."""
    return models.Index(fields=["end"], include=["start", "page_ptr"], name=name)


class EventMixin(RoutablePageMixin, ContactsMixin, OnsiteRegistrationMixin, CalendarVersionMixin, models.Model):
    """Fields and behaviour shared by conference, seminar series and network pages."""

    # A page review (core.models.OwnershipMixin) is not due once the event is over.
    review_until_fields = ("end", "start")

    start = models.DateTimeField(
        "start", null=True, blank=True, db_index=True, help_text="Datum och klockslag i svensk tid."
    )
    # Indexed with `start` alongside in each page type's Meta (end_index): the listings count and find
    # events by their end without reading the page rows.
    end = models.DateTimeField(
        "slut", null=True, blank=True, help_text="Tomt: slutar när det börjar. Styr när det blir arkiv."
    )
    event_format = models.CharField(
        "format", max_length=20, choices=EventFormat.choices, help_text="Besökarna kan filtrera listan på format."
    )
    topics = ParentalManyToManyField(
        "core.Topic",
        verbose_name="ämnen",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        limit_choices_to=source_topics_q,
        help_text="Evenemanget visas på ämnenas sidor och i filtret.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Allt utom Planerad visas tydligt på sidan och i listan.",
    )
    status_note = models.CharField(
        "kommentar till status", max_length=200, blank=True, help_text="T.ex. Flyttad från den 12 mars."
    )
    subject_to_change = models.BooleanField(
        "visa ”Med reservation för ändringar”", default=False, help_text="När programmet inte är spikat."
    )

    venue = models.CharField("lokal", max_length=200, blank=True, help_text="T.ex. Svenska Mässan.")
    address = models.CharField("adress", max_length=200, blank=True, help_text="Gatuadress.")
    city = models.CharField("ort", max_length=100, blank=True, help_text="Visas i listan.")
    webcast_url = models.URLField(
        "länk till webbsändning", blank=True, help_text="Gör evenemanget digitalt eller hybrid i sökmotorerna."
    )

    registration_url = models.URLField(
        "anmälningslänk", blank=True, help_text="Ett externt anmälningsformulär. Välj länk eller sida, inte båda."
    )
    registration_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="eller anmälningssida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="En sida på webbplatsen med anmälan.",
    )
    registration_deadline = models.DateField(
        "sista anmälningsdag",
        null=True,
        blank=True,
        help_text="Knappen Anmäl dig döljs efter denna dag. Måste vara före evenemangets start.",
    )

    speakers = StreamField(
        SpeakerStreamBlock(),
        verbose_name="medverkande",
        blank=True,
        help_text="Talare och moderatorer för hela evenemanget.",
    )

    # Conferences need dates; series and networks take theirs from their parts or meetings.
    dates_required = True
    calendar_fields = ("start", "end", "webcast_url", "status", "venue", "address", "city")
    default_format = EventFormat.CONFERENCE

    when_panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Tid (svensk tid)"),
    ]
    about_panels = [
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("status"),
                FieldPanel("status_note"),
                FieldPanel("subject_to_change"),
            ],
            heading="Om evenemanget",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("city"), FieldPanel("webcast_url")],
            heading="Plats eller webbsändning",
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_page"), FieldPanel("registration_deadline")],
            heading="Anmälan",
        ),
    ]
    people_panels = [FieldPanel("speakers"), FieldPanel("contacts")]

    event_search_fields = [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.SearchField("speakers"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_format"),
    ]

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new page starts with its type's format, so the editor's create form has it chosen already.
        # (Read from __dict__: a row loaded with the field deferred must not query for it here.)
        if self.pk is None and not self.__dict__.get("event_format"):
            self.event_format = self.default_format

    def save(self, *args, **kwargs):
        if not self.event_format:
            self.event_format = self.default_format
        # A one-time event without an end ends when it starts; the listing compares ends.
        if self.start and not self.end:
            self.end = self.start
        # A full save (publishing) may change what calendars hold; a draft's partial save does not.
        self.calendar_changes = set()
        if kwargs.get("update_fields") is None:
            self.calendar_changes = self.note_calendar_changes(self.stored_calendar_values())
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.dates_required and not self.start:
            raise ValidationError({"start": "Ange när evenemanget börjar."})
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Slutet måste vara efter starten."})
        if self.registration_url and self.registration_page_id:
            raise ValidationError(
                {"registration_page": "Välj antingen en anmälningslänk eller en anmälningssida, inte båda."}
            )
        self.clean_onsite_registration()
        # The deadline day is included, so a deadline on the day the event starts would run past the start.
        if self.registration_deadline and self.start and self.registration_deadline >= local(self.start).date():
            raise ValidationError(
                {
                    "registration_deadline": "Sista anmälningsdag måste vara före den dag evenemanget börjar "
                    f"({long_date(local(self.start).date())})."
                }
            )

    # Derived values for templates and feeds

    @property
    def start_local(self):
        return local(self.start)

    @property
    def end_local(self):
        return local(self.end)

    @property
    def when_display(self):
        return when(self.start, self.end)

    @property
    def date_display(self):
        return date_span(self.start_local, self.end_local) if self.start else ""

    @property
    def place_display(self):
        return ", ".join(part for part in (self.venue, self.address, self.city) if part)

    @property
    def is_past(self):
        last = self.end or self.start
        return bool(last) and last < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def broadcast(self):
        """The event's webcast at this moment, or None for an event without one."""
        if not (self.webcast_url and self.start):
            return None
        return Broadcast(
            date=self.start_local.date(),
            start=self.start,
            end=self.end,
            join_url=self.webcast_url,
            cancelled=self.is_cancelled,
        )

    @property
    def broadcast_note(self):
        """What a card adds about the broadcast: "Sänds nu", "Börjar om 5 minuter" or a part's new time."""
        broadcast = self.broadcast
        if broadcast is None:
            return ""
        if broadcast.state in (BroadcastState.SOON, BroadcastState.LIVE):
            return broadcast.label
        if broadcast.moved_from:
            return gettext("Flyttad till %(when)s") % {"when": broadcast.when_text}
        return ""

    @property
    def show_status(self):
        """Every status but the ordinary one is shown prominently."""
        return self.status != EventStatus.SCHEDULED

    @property
    def registration_link(self):
        # The form lives on its own never-cached view; events knows only the name of its route.
        if self.onsite_registration and self.pk:
            return reverse("registrations:signup", kwargs={"event_id": self.pk})
        if self.registration_page_id:
            return self.registration_page.url
        return self.registration_url

    @property
    def registration_deadline_display(self):
        return long_date(self.registration_deadline) if self.registration_deadline else ""

    @property
    def attendance_mode(self):
        """offline, online or mixed, from the place and webcast fields."""
        on_site = bool(self.venue or self.address or self.city)
        online = bool(self.webcast_url) or self.event_format == EventFormat.WEBINAR
        if self.status == EventStatus.MOVED_ONLINE:
            return "online"
        if on_site and online:
            return "mixed"
        return "online" if online else "offline"

    @property
    def card_meta(self):
        """The line under a card's title: 12 mars 2027, Göteborg · Konferens."""
        first = ", ".join(part for part in (self.date_display, self.city) if part)
        parts = [first] if first else []
        parts.append(self.get_event_format_display())
        if self.show_status:
            parts.append(self.get_status_display())
        if note := self.broadcast_note:
            parts.append(note)
        return " · ".join(parts)

    # Calendar

    def calendar_entries(self, request=None, url=None):
        """The occurrences of this event for an .ics file: one by default. `url` is the page's address
        when the caller knows it already (the feed builds its entries' from its own)."""
        if not self.start:
            return []
        return [
            CalendarEntry(
                uid=f"event-{self.pk}@{calendar.uid_domain()}",
                summary=self.title,
                start=self.start_local,
                end=self.end_local or self.start_local,
                url=url or self.get_full_url(request) or "",
                description=self.ics_description(),
                location=self.place_display or self.webcast_url,
                cancelled=self.is_cancelled,
                sequence=self.calendar_sequence,
                last_modified=self.calendar_changed_at,
            )
        ]

    def ics_description(self):
        return getattr(self, "intro", "") or self.search_description or ""

    @property
    def has_calendar(self):
        return bool(self.start)

    @path("kalender/", name="ics")
    def ics(self, request):
        """The event as an .ics file for the visitor's calendar."""
        entries = self.calendar_entries(request)
        if not entries:
            raise Http404("Evenemanget har inget datum än.")
        return calendar.ics_response(entries, f"{self.slug}.ics", name=self.title)

    @property
    def ics_url(self):
        return self.url + self.reverse_subpage("ics")

    @cached_property
    def topic_list(self):
        """The event's topics in the active language (a preview's are those of the draft, kept in memory)."""
        return localized_topics(self.topics.all())

    # Structured data

    def json_ld(self, request=None):
        """schema.org Event data for search engines."""
        # The request's site is already known (no query); get_site() asks the database each time.
        site = Site.find_for_request(request) if request is not None else self.get_site()
        return structured_data.event(
            self,
            request,
            status=SCHEMA_STATUS.get(self.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
            organizer_url=site.root_url if site else "",
            sold_out=self.status == EventStatus.FULL,
            valid_through=self.registration_closes_at if self.registration_deadline else None,
        )

    def people_streams(self):
        """(page, field name) pairs of the streams that show people, read together by get_context."""
        return [(self, "body"), (self, "speakers"), (self, "contacts")]

    def read_people(self):
        """Read every person the page shows in one query, not one per type of block (core.streams)."""
        convert_streams(self.people_streams())

    def get_context(self, request, *args, **kwargs):
        self.read_people()
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = self.json_ld(request)
        return context
