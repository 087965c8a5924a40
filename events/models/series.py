"""Webinar series: a series page, its edit form and its dated parts."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.fields import StreamField
from core.models import OwnershipMixin, PageImagesMixin, SiteChromeMixin
from core.search_fields import admin_findable
from core.streams import convert_streams
from core.text import control_character_errors
from events import calendar
from events.blocks import SpeakerStreamBlock, format_time_range
from events.broadcasts import BroadcastState
from events.calendar import CalendarEntry
from events.formatting import day_month, day_span, long_date

from .broadcast import BroadcastPartMixin
from .choices import EventFormat, RegistrationQuestion
from .mixins import BODY_HELP, EVENT_PARENTS, INTRO_HELP, EventMixin, end_index


class SeminarSeriesForm(WagtailAdminPageForm):
    """The series' edit form: its parts must stand in date and time order, as visitors read them."""

    def clean(self):
        cleaned_data = super().clean()
        parts = self.formsets.get("parts")
        if parts is None or not getattr(parts, "can_order", False) or not parts.is_valid():
            return cleaned_data
        previous = None
        for form in parts.ordered_forms:
            date, start_time = form.cleaned_data.get("date"), form.cleaned_data.get("start_time")
            if not date:
                continue
            moment = (date, start_time or dt.time.min)
            if previous and moment < previous[0]:
                form.add_error(
                    "date",
                    f"Delarna ska stå i datumordning: den här delen ({long_date(date)}) kommer före "
                    f"”{previous[1]}”. Flytta den uppåt eller ändra datumet.",
                )
            else:
                previous = (moment, form.cleaned_data.get("theme") or long_date(date))
        return cleaned_data


class SeminarSeriesPage(EventMixin, OwnershipMixin, PageImagesMixin, SiteChromeMixin, Page):
    """A webinar series in dated parts, with series-wide registration and notes about the webcast."""

    page_description = "En serie webbinarier i flera daterade delar."

    parent_page_types = EVENT_PARENTS
    subpage_types = []

    intro = models.TextField("ingress", blank=True, help_text=INTRO_HELP)
    body = StreamField(BaseStreamBlock(), verbose_name="innehåll", blank=True, help_text=BODY_HELP)
    webcast_heading = models.CharField(
        "rubrik för om webbsändningen",
        max_length=200,
        default="Om webbsändningen och efterföljande diskussioner",
        help_text="Rubrik för texten nedan.",
    )
    webcast_notes = RichTextField(
        "om webbsändningen",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Hur man följer sändningen och deltar i diskussionerna efteråt.",
    )
    responsible = StreamField(
        SpeakerStreamBlock(),
        verbose_name="ansvariga",
        blank=True,
        help_text="De som ansvarar för serien.",
    )
    ask_parts = models.BooleanField(
        "fråga vilka delar besökaren vill delta i", default=False, help_text="Platsantal per del anges under Delar."
    )

    dates_required = False
    default_format = EventFormat.WEBINAR
    base_form_class = SeminarSeriesForm

    content_panels = (
        Page.content_panels
        + [FieldPanel("intro")]
        + PageImagesMixin.image_panels
        + EventMixin.about_panels
        + [
            MultiFieldPanel(
                [*EventMixin.onsite_registration_fields, FieldPanel("ask_parts")],
                heading="Anmälan på webbplatsen",
                classname="collapsed",
            ),
            InlinePanel("parts", heading="Delar", label="Del", min_num=1),
            FieldPanel("body"),
            MultiFieldPanel([FieldPanel("webcast_heading"), FieldPanel("webcast_notes")], heading="Om webbsändningen"),
            FieldPanel("responsible"),
        ]
        + EventMixin.people_panels
    )
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels + OwnershipMixin.ownership_panels

    search_fields = admin_findable(
        Page.search_fields
        + EventMixin.event_search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("body"),
            index.SearchField("responsible"),
            index.RelatedFields(
                "parts", [index.SearchField("theme"), index.SearchField("text"), index.SearchField("speakers")]
            ),
        ]
    )

    class Meta:
        verbose_name = _("seminarieserie")
        verbose_name_plural = "seminarieserier"
        indexes = [end_index("events_series_end")]

    def save(self, *args, **kwargs):
        # The series runs from its first part to its last, so listings and feeds can sort it.
        self.__dict__.pop("ordered_parts", None)  # parts may have changed since they were read
        parts = list(self.parts.all())
        if parts:
            self.start = min(part.start for part in parts)
            self.end = max(part.end for part in parts)
        super().save(*args, **kwargs)
        if "webcast_url" in self.calendar_changes:
            # Parts without a link of their own join by the series' link: their calendar entries change too.
            SeminarPart.objects.filter(page=self, webcast_url="").update(
                calendar_sequence=F("calendar_sequence") + 1, calendar_changed_at=timezone.now()
            )
        # The search index is written as the page row is saved, before the parts are: index the
        # series again, now with its parts, through the same task Wagtail's signal uses.
        insert_or_update_object_task.enqueue(self._meta.app_label, self._meta.model_name, str(self.pk))

    @cached_property
    def ordered_parts(self):
        return sorted(self.parts.all(), key=lambda part: (part.start, part.sort_order or 0))

    def people_streams(self):
        return [*super().people_streams(), (self, "responsible")]

    def read_people(self):
        # The parts' speakers with the page's own people, in one query, not one per part.
        convert_streams([*self.people_streams(), *((part, "speakers") for part in self.ordered_parts)])

    @property
    def upcoming_parts(self):
        return [part for part in self.ordered_parts if not part.is_held and not part.cancelled]

    @property
    def held_parts(self):
        return [part for part in self.ordered_parts if part.is_held]

    @property
    def broadcast(self):
        """The broadcast the series is about now: the first part neither over nor cancelled, or None."""
        for part in self.ordered_parts:
            broadcast = part.broadcast
            if broadcast.state not in (BroadcastState.ENDED, BroadcastState.RECORDED, BroadcastState.CANCELLED):
                return broadcast
        return None

    def json_ld(self, request=None):
        data = super().json_ld(request)
        if self.ordered_parts:
            data["subEvent"] = [part.json_ld(request) for part in self.ordered_parts]
        return data

    @property
    def registration_questions(self):
        questions = super().registration_questions
        return [*questions, RegistrationQuestion.PARTS] if self.ask_parts else questions

    @property
    def registration_closes_at(self):
        """Registration covers the whole series: without a deadline it stays open until the last part starts."""
        if self.registration_deadline or self.registration_closes:
            return super().registration_closes_at
        parts = self.ordered_parts
        return parts[-1].start if parts else self.start

    def calendar_entries(self, request=None, url=None):
        url = url or self.get_full_url(request) or ""
        return [part.calendar_entry(request, url=url) for part in self.ordered_parts]

    @property
    def has_calendar(self):
        return bool(self.ordered_parts)

    @path("del/<int:part_id>/kalender/", name="part_ics")
    def part_ics(self, request, part_id):
        """One part of the series as an .ics file."""
        part = next((part for part in self.parts.all() if part.pk == part_id), None)
        if part is None:
            raise Http404("Delen finns inte.")
        return calendar.ics_response([part.calendar_entry(request)], f"{self.slug}-del-{part.pk}.ics", name=self.title)


class SeminarPart(BroadcastPartMixin, Orderable):
    """A dated part of a seminar series: theme, broadcast time, inspirer, webcast and recording."""

    page = ParentalKey(SeminarSeriesPage, on_delete=models.CASCADE, related_name="parts")
    date = models.DateField("datum", help_text="Delarna ska ligga i datumordning.")
    start_time = models.TimeField("starttid", null=True, blank=True, help_text="Tomt visar ”Tid meddelas senare”.")
    end_time = models.TimeField("sluttid", null=True, blank=True, help_text="Svensk tid.")
    theme = models.CharField("tema", max_length=300, help_text="Delens ämne, visas som rubrik.")
    text = RichTextField("text", blank=True, features=RICH_TEXT_FEATURES, help_text="Vad delen tar upp.")
    speaker_label = models.CharField(
        "rubrik för medverkande", max_length=50, default="Inspiratör", help_text="T.ex. Inspiratör eller Talare."
    )
    speakers = StreamField(
        SpeakerStreamBlock(),
        verbose_name="inspiratörer",
        blank=True,
        help_text="Tomt visar ”meddelas senare”.",
    )
    webcast_url = models.URLField(
        "länk till webbsändning", blank=True, help_text="Tomt: seriens länk till webbsändning."
    )
    recording_url = models.URLField("länk till inspelning", blank=True, help_text="Visas när delen har sänts.")
    seat_limit = models.PositiveIntegerField(
        "antal platser", null=True, blank=True, help_text="Vid anmälan på webbplatsen. Tomt: obegränsat."
    )

    panels = [
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")], heading="Sändningstid"),
        FieldPanel("theme"),
        FieldPanel("text"),
        FieldPanel("speaker_label"),
        FieldPanel("speakers"),
        FieldPanel("webcast_url"),
        FieldPanel("cancelled"),
        *BroadcastPartMixin.recording_panels,
        FieldPanel("seat_limit"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("del")
        verbose_name_plural = "delar"

    def __str__(self):
        return f"{day_month(self.date)} – {self.theme}"

    def clean(self):
        super().clean()
        # The theme is the summary of the part's calendar entry.
        if errors := control_character_errors(self, ("theme",)):
            raise errors
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": "Ange starttiden när sluttiden är ifylld."})
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "Sluttiden måste vara efter starttiden."})
        self.clean_recording()

    @property
    def has_time(self):
        return self.start_time is not None

    @property
    def start(self):
        return day_span(self.date, self.start_time, self.end_time)[0]

    @property
    def end(self):
        return day_span(self.date, self.start_time, self.end_time)[1]

    @property
    def is_held(self):
        return self.end <= timezone.now()

    @property
    def time_range(self):
        """13.15–14.00, or empty when the time is still to be announced."""
        return format_time_range(self.start_time, self.end_time)

    @property
    def date_display(self):
        return long_date(self.date)

    @property
    def day_month(self):
        return day_month(self.date)

    @property
    def ics_url(self):
        # Unsaved parts (in an admin preview) have no address yet.
        if self.pk is None:
            return ""
        return self.page.url + self.page.reverse_subpage("part_ics", kwargs={"part_id": self.pk})

    def calendar_entry(self, request=None, url=None):
        series = self.page
        join_url = self.join_url
        description = "\n\n".join(
            text for text in (series.intro, _("Webbsändning: %(url)s") % {"url": join_url} if join_url else "") if text
        )
        return CalendarEntry(
            uid=f"seminar-part-{self.pk}@{calendar.uid_domain()}",
            summary=f"{self.theme} ({series.title})",
            start=self.start if self.has_time else self.date,
            end=self.end if self.has_time else self.date,
            url=url or series.get_full_url(request) or "",
            description=description,
            location=join_url or series.place_display,
            cancelled=series.is_cancelled or self.cancelled,
            all_day=not self.has_time,
            sequence=self.calendar_sequence,
            last_modified=self.calendar_changed_at,
        )
