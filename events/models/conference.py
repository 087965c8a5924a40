"""Conference pages: a conference or course day with its programme, themes and sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from core.fields import StreamField
from core.models import OwnershipMixin, PageImagesMixin, SiteChromeMixin
from core.search_fields import admin_findable
from events.blocks import ConferenceStreamBlock

from .choices import EventFormat
from .mixins import BODY_HELP, EVENT_PARENTS, INTRO_HELP, EventMixin, end_index


class ConferencePage(EventMixin, OwnershipMixin, PageImagesMixin, SiteChromeMixin, Page):
    """A conference or course day with its programme, themes and sessions."""

    page_description = "En konferens eller kursdag med program, teman och pass."

    parent_page_types = EVENT_PARENTS
    subpage_types = []

    intro = models.TextField("ingress", blank=True, help_text=INTRO_HELP)
    body = StreamField(ConferenceStreamBlock(), verbose_name="innehåll", blank=True, help_text=BODY_HELP)

    default_format = EventFormat.CONFERENCE

    content_panels = (
        Page.content_panels
        + EventMixin.when_panels
        + [FieldPanel("intro")]
        + PageImagesMixin.image_panels
        + EventMixin.about_panels
        + EventMixin.onsite_registration_panels
        + [FieldPanel("body")]
        + EventMixin.people_panels
    )
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels + OwnershipMixin.ownership_panels

    search_fields = admin_findable(
        Page.search_fields + EventMixin.event_search_fields + [index.SearchField("intro"), index.SearchField("body")]
    )

    class Meta:
        verbose_name = _("konferens")
        verbose_name_plural = "konferenser"
        indexes = [end_index("events_conference_end")]
