"""Network pages: an ongoing network or programme with its meetings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.fields import StreamField
from core.models import OwnershipMixin, PageImagesMixin, SiteChromeMixin
from core.search_fields import admin_findable
from events import calendar
from events.blocks import NetworkMeetingBlock
from events.calendar import CalendarEntry
from events.formatting import day_span, long_date

from .choices import EventFormat
from .mixins import BODY_HELP, EVENT_PARENTS, INTRO_HELP, EventMixin, end_index


class NetworkPage(EventMixin, OwnershipMixin, PageImagesMixin, SiteChromeMixin, Page):
    """An ongoing network or programme: who it is for, what the meetings hold, facts and meeting dates."""

    page_description = "Ett nätverk eller program som pågår, med sina träffar."

    parent_page_types = EVENT_PARENTS
    subpage_types = []

    published_date = models.DateField(
        "publiceringsdatum", null=True, blank=True, help_text="Visas på sidan; tomt döljer datumet."
    )
    intro = models.TextField("ingress", blank=True, help_text=INTRO_HELP)
    prerequisites = RichTextField(
        "förutsättningar för deltagande",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Vad som krävs av den som vill vara med, t.ex. kostnad.",
    )
    target_group = RichTextField(
        "målgrupp", blank=True, features=RICH_TEXT_FEATURES, help_text="Vilka nätverket vänder sig till."
    )
    meeting_contents = RichTextField(
        "nätverksträffarnas innehåll", blank=True, features=RICH_TEXT_FEATURES, help_text="Vad träffarna tar upp."
    )
    facts_heading = models.CharField(
        "rubrik för faktarutan", max_length=100, default="Fakta", help_text="Oftast Fakta."
    )
    facts = RichTextField(
        "fakta", blank=True, features=RICH_TEXT_FEATURES, help_text="Korta fakta, t.ex. antal träffar och plats."
    )
    meetings = StreamField(
        [("meeting", NetworkMeetingBlock())],
        verbose_name="träffar",
        blank=True,
        help_text="Tomt: nätverket visas som pågående.",
    )
    body = StreamField(BaseStreamBlock(), verbose_name="mer innehåll", blank=True, help_text=BODY_HELP)

    dates_required = False
    default_format = EventFormat.NETWORK
    # Its calendar entries are its meetings (events.models.index.CALENDAR_FIELDS has the rest).
    calendar_extra_fields = ("meetings",)

    content_panels = (
        Page.content_panels
        + [FieldPanel("published_date"), FieldPanel("intro")]
        + PageImagesMixin.image_panels
        + EventMixin.about_panels
        + EventMixin.onsite_registration_panels
        + [
            MultiFieldPanel(
                [FieldPanel("prerequisites"), FieldPanel("target_group")],
                heading="Förutsättningar för deltagande och målgrupp",
            ),
            FieldPanel("meeting_contents"),
            MultiFieldPanel([FieldPanel("facts_heading"), FieldPanel("facts")], heading="Faktaruta"),
            FieldPanel("meetings"),
            FieldPanel("body"),
        ]
        + EventMixin.people_panels
    )
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels + OwnershipMixin.ownership_panels

    search_fields = admin_findable(
        Page.search_fields
        + EventMixin.event_search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("prerequisites"),
            index.SearchField("target_group"),
            index.SearchField("meeting_contents"),
            index.SearchField("facts"),
        ]
    )

    class Meta:
        verbose_name = _("nätverk eller program")
        verbose_name_plural = "nätverk och program"
        indexes = [end_index("events_network_end")]

    def save(self, *args, **kwargs):
        # Meeting dates, when given, set the span the listing sorts by; without them the network is ongoing.
        meetings = self.meeting_values
        if meetings:
            self.start = min(meeting["start"] for meeting in meetings)
            self.end = max(meeting["end"] for meeting in meetings)
        super().save(*args, **kwargs)

    @property
    def meeting_values(self):
        """The meetings as start and end datetimes, in date order."""
        values = []
        for block in self.meetings:
            meeting = block.value
            start, end = day_span(meeting["date"], meeting.get("start_time"), meeting.get("end_time"))
            values.append({"block": block, "start": start, "end": end, "timed": bool(meeting.get("start_time"))})
        return sorted(values, key=lambda item: item["start"])

    @property
    def published_date_display(self):
        return long_date(self.published_date) if self.published_date else ""

    @property
    def card_meta(self):
        if self.start:
            return super().card_meta
        return _("Pågående · %(format)s") % {"format": self.get_event_format_display()}

    @property
    def has_calendar(self):
        return bool(self.start)

    def calendar_entries(self, request=None, url=None):
        meetings = self.meeting_values
        if not meetings:
            return super().calendar_entries(request, url=url)
        url = url or self.get_full_url(request) or ""
        entries = []
        for number, meeting in enumerate(meetings, start=1):
            value = meeting["block"].value
            entries.append(
                CalendarEntry(
                    uid=f"network-{self.pk}-{meeting['block'].id}@{calendar.uid_domain()}",
                    summary=f"{self.title}, träff {number}",
                    start=meeting["start"] if meeting["timed"] else value["date"],
                    end=meeting["end"] if meeting["timed"] else value["date"],
                    url=url,
                    description=value.get("note") or self.intro,
                    location=value.get("place") or self.place_display,
                    cancelled=self.is_cancelled,
                    all_day=not meeting["timed"],
                )
            )
        return entries
