"""The data every event shares: when, what, where, status, registration, speakers and contacts."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from core.models import ContactsMixin
from events import calendar
from events.blocks import SpeakerStreamBlock
from events.formatting import date_span, local, long_date, next_midnight, when


class EventFormat(models.TextChoices):
    CONFERENCE = "konferens", "Konferens"
    WEBINAR = "webbseminarium", "Webbseminarium"
    NETWORK = "natverkstraff", "Nätverksträff"
    COURSE = "utbildning", "Utbildning"


class EventStatus(models.TextChoices):
    SCHEDULED = "planerad", "Planerad"
    CANCELLED = "installd", "Inställd"
    POSTPONED = "flyttad", "Flyttad"
    FULL = "fullbokad", "Fullbokad"


class RegistrationState(models.TextChoices):
    """What the registration area of an event shows."""

    OPEN = "open", "Anmälan är öppen"
    NOT_OPEN = "not_open", "Anmälan har inte öppnat än."
    CLOSED = "closed", "Anmälan är stängd."
    FULL = "full", "Evenemanget är fullbokat."
    CANCELLED = "cancelled", "Evenemanget är inställt."
    PAST = "past", "Evenemanget har ägt rum."
    NONE = "none", ""


SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    # The page carries the new date, so a moved event is rescheduled rather than postponed.
    EventStatus.POSTPONED: "https://schema.org/EventRescheduled",
    EventStatus.FULL: "https://schema.org/EventScheduled",
}


class RegistrationQuestion(models.TextChoices):
    """Optional questions an on-site registration form may ask; name, e-mail and consent are always asked."""

    ORGANISATION = "organisation", "Organisation"
    MUNICIPALITY = "municipality", "Kommun eller region"
    ROLE = "role", "Roll (förtroendevald eller tjänsteperson)"
    NEEDS = "needs", "Behov av specialkost eller tillgänglighetsanpassning"
    PARTS = "parts", "Vilka delar av serien"


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


class EventMixin(RoutablePageMixin, ContactsMixin, models.Model):
    """Fields and behaviour shared by conference, seminar series and network pages."""

    start = models.DateTimeField(
        "start", null=True, blank=True, db_index=True, help_text="Datum och klockslag i svensk tid."
    )
    end = models.DateTimeField(
        "slut", null=True, blank=True, db_index=True, help_text="Tomt: slutar när det börjar. Styr när det blir arkiv."
    )
    event_format = models.CharField(
        "format", max_length=20, choices=EventFormat.choices, help_text="Besökarna kan filtrera listan på format."
    )
    topics = ParentalManyToManyField(
        "core.Topic",
        verbose_name="ämnen",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
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

    # On-site registration (the registrations app stores who signed up; see docs/registrations.md).
    onsite_registration = models.BooleanField(
        "anmälan på webbplatsen",
        default=False,
        help_text="Besökarna anmäler sig i ett formulär på webbplatsen i stället för via en länk.",
    )
    registration_opens = models.DateTimeField(
        "anmälan öppnar", null=True, blank=True, help_text="Tomt: anmälan är öppen direkt."
    )
    registration_closes = models.DateTimeField(
        "anmälan stänger",
        null=True,
        blank=True,
        help_text="Tomt: efter sista anmälningsdagen, annars när evenemanget börjar.",
    )
    seat_limit = models.PositiveIntegerField("antal platser", null=True, blank=True, help_text="Tomt: obegränsat.")
    waitlist_enabled = models.BooleanField(
        "reservlista när det är fullt", default=True, help_text="Avbokade platser går till den som stått längst."
    )
    ask_organisation = models.BooleanField(
        "fråga efter organisation", default=False, help_text="Fråga bara det ni behöver veta."
    )
    ask_municipality = models.BooleanField(
        "fråga efter kommun eller region", default=False, help_text="Fråga bara det ni behöver veta."
    )
    ask_role = models.BooleanField(
        "fråga efter roll (förtroendevald eller tjänsteperson)",
        default=False,
        help_text="Fråga bara det ni behöver veta.",
    )
    ask_needs = models.BooleanField(
        "fråga efter specialkost eller tillgänglighetsbehov",
        default=False,
        help_text="Svaren raderas med anmälningarna efter evenemanget.",
    )

    speakers = StreamField(
        SpeakerStreamBlock(),
        verbose_name="medverkande",
        blank=True,
        use_json_field=True,
        help_text="Talare och moderatorer för hela evenemanget.",
    )

    # Conferences need dates; series and networks take theirs from their parts or meetings.
    dates_required = True
    default_format = EventFormat.CONFERENCE

    when_panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Tid (svensk tid)"),
    ]
    about_panels = [
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("topics"),
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
    onsite_registration_fields = [
        FieldPanel("onsite_registration"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldRowPanel([FieldPanel("seat_limit"), FieldPanel("waitlist_enabled")]),
        FieldPanel("ask_organisation"),
        FieldPanel("ask_municipality"),
        FieldPanel("ask_role"),
        FieldPanel("ask_needs"),
    ]
    onsite_registration_panels = [
        MultiFieldPanel(onsite_registration_fields, heading="Anmälan på webbplatsen", classname="collapsed")
    ]
    people_panels = [FieldPanel("speakers"), FieldPanel("contacts")]

    event_search_fields = [
        index.SearchField("venue"),
        index.SearchField("city"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_format"),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.event_format:
            self.event_format = self.default_format
        # A one-time event without an end ends when it starts; the listing compares ends.
        if self.start and not self.end:
            self.end = self.start
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
        if self.onsite_registration and (self.registration_url or self.registration_page_id):
            raise ValidationError(
                {"onsite_registration": "Välj antingen anmälan på webbplatsen eller en anmälningslänk, inte båda."}
            )
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": "Anmälan måste stänga efter att den har öppnat."})
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
    def show_status(self):
        """Every status but the ordinary one is shown prominently."""
        return self.status != EventStatus.SCHEDULED

    @property
    def registration_questions(self):
        """The optional questions the on-site form asks, as RegistrationQuestion values."""
        asked = {
            RegistrationQuestion.ORGANISATION: self.ask_organisation,
            RegistrationQuestion.MUNICIPALITY: self.ask_municipality,
            RegistrationQuestion.ROLE: self.ask_role,
            RegistrationQuestion.NEEDS: self.ask_needs,
        }
        return [question for question, ask in asked.items() if ask]

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
    def registration_closes_at(self):
        """The deadline day is included: registration closes at midnight after it; else when the event starts."""
        if self.registration_closes:
            return self.registration_closes
        if self.registration_deadline:
            return next_midnight(self.registration_deadline)
        return self.start

    @property
    def registration_state(self):
        """open, closed, full, cancelled, past or none: what the registration area shows."""
        if self.is_cancelled:
            return RegistrationState.CANCELLED
        if self.is_past:
            return RegistrationState.PAST
        if not self.registration_link:
            return RegistrationState.NONE
        if self.status == EventStatus.FULL:
            return RegistrationState.FULL
        if self.registration_opens and timezone.now() < self.registration_opens:
            return RegistrationState.NOT_OPEN
        closes_at = self.registration_closes_at
        if closes_at and timezone.now() >= closes_at:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    @property
    def registration_open(self):
        return self.registration_state == RegistrationState.OPEN

    @property
    def registration_message(self):
        state = self.registration_state
        if state == RegistrationState.NOT_OPEN:
            return f"Anmälan öppnar {when(self.registration_opens, None)}."
        return "" if state == RegistrationState.OPEN else state.label

    @property
    def attendance_mode(self):
        """offline, online or mixed, from the place and webcast fields."""
        on_site = bool(self.venue or self.address or self.city)
        online = bool(self.webcast_url) or self.event_format == EventFormat.WEBINAR
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
        return " · ".join(parts)

    # Calendar

    def calendar_entries(self, request=None):
        """The occurrences of this event for an .ics file: one by default."""
        if not self.start:
            return []
        return [
            CalendarEntry(
                uid=f"event-{self.pk}@{calendar.uid_domain()}",
                summary=self.title,
                start=self.start_local,
                end=self.end_local or self.start_local,
                url=self.get_full_url(request) or "",
                description=self.ics_description(),
                location=self.place_display or self.webcast_url,
                cancelled=self.is_cancelled,
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
        """The event's topics (a preview's are those of the draft, kept in memory)."""
        return list(self.topics.all())

    # Structured data

    def json_ld(self, request=None):
        """schema.org Event data for search engines."""
        # The request's site is already known (no query); get_site() asks the database each time.
        site = Site.find_for_request(request) if request is not None else self.get_site()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": self.get_full_url(request),
            "eventStatus": SCHEMA_STATUS.get(self.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
            "eventAttendanceMode": {
                "offline": "https://schema.org/OfflineEventAttendanceMode",
                "online": "https://schema.org/OnlineEventAttendanceMode",
                "mixed": "https://schema.org/MixedEventAttendanceMode",
            }[self.attendance_mode],
            "organizer": {
                "@type": "Organization",
                "name": settings.WAGTAIL_SITE_NAME,
                "url": site.root_url if site else "",
            },
        }
        if self.start:
            data["startDate"] = self.start_local.isoformat()
        if self.end:
            data["endDate"] = self.end_local.isoformat()
        description = self.ics_description()
        if description:
            data["description"] = description
        locations = []
        if self.venue or self.address or self.city:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue or self.city,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": self.address,
                        "addressLocality": self.city,
                        "addressCountry": "SE",
                    },
                }
            )
        if self.attendance_mode != "offline":
            locations.append({"@type": "VirtualLocation", "url": self.webcast_url or self.get_full_url(request)})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.registration_link:
            offer = {
                "@type": "Offer",
                "url": request.build_absolute_uri(self.registration_link) if request else self.registration_link,
                "availability": "https://schema.org/SoldOut"
                if self.status == EventStatus.FULL
                else "https://schema.org/InStock",
            }
            if self.registration_deadline:
                offer["validThrough"] = self.registration_closes_at.isoformat()
            data["offers"] = offer
        speakers = [block.value.display_name for block in self.speakers if block.value.display_name]
        if speakers:
            data["performer"] = [{"@type": "Person", "name": name} for name in speakers]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = self.json_ld(request)
        return context
