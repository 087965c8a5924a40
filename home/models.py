"""The home page and plain content pages (Om oss, Tillgänglighetsredogörelse, Personuppgifter)."""

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.fields import StreamField
from core.models import ContactsMixin, OwnershipMixin, SiteChromeMixin
from core.search_fields import admin_findable
from events.models import upcoming
from knowledge.models import KnowledgePage


class HomePage(SiteChromeMixin, Page):
    """The site's start page: an introduction, featured content and the latest from each section."""

    page_description = "Webbplatsens startsida. Det finns en per språk."

    parent_page_types = ["wagtailcore.Page"]
    # The Swedish start page and its English translation (docs/translation.md).
    max_count = 2

    heading = models.CharField(
        "rubrik",
        max_length=200,
        blank=True,
        help_text="Vilka vi är och vad webbplatsen ger, t.ex. organisationens namn och syfte. Tomt: webbplatsens namn.",
    )
    intro = RichTextField(
        "ingress", blank=True, features=["bold", "italic", "link"], help_text="Vilka vi är och vad webbplatsen ger."
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="utvalt innehåll",
        blank=True,
        help_text="Lyft fram aktuellt innehåll. Börja med Rubrik 2.",
    )

    content_panels = Page.content_panels + [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("body")]
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels

    search_fields = admin_findable(Page.search_fields + [index.SearchField("intro"), index.SearchField("body")])

    feedback_enabled_for_type = False

    class Meta:
        verbose_name = _("startsida")

    def route(self, request, path_components):
        """Wagtail's routing below the start page, through the route lookup that settings may name."""
        lookup = getattr(settings, "PAGE_ROUTE_LOOKUP", "")
        if path_components and lookup:
            return import_string(lookup)(self, request, path_components, super().route)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = self.upcoming_events()
        context["latest_knowledge"] = self.latest_knowledge()
        return context

    def upcoming_events(self, limit=3):
        """The next events in the start page's language, soonest first."""
        return upcoming(limit=limit, locale=self.locale_id)

    def latest_knowledge(self, limit=3):
        """The newest knowledge pages in the start page's language."""
        return list(KnowledgePage.latest(limit, locale=self.locale_id))


class ContentPage(ContactsMixin, OwnershipMixin, SiteChromeMixin, Page):
    """A plain page of text, such as Om oss, Tillgänglighetsredogörelse or Personuppgifter."""

    page_description = "En vanlig textsida, t.ex. Om oss eller Tillgänglighetsredogörelse."

    intro = models.TextField(
        "ingress", blank=True, help_text="En eller två meningar som sammanfattar sidan. Visas överst och i listor."
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="innehåll",
        blank=True,
        help_text="Börja med Rubrik 2 och hoppa inte över rubriknivåer.",
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body"), FieldPanel("contacts")]
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels + OwnershipMixin.ownership_panels

    search_fields = admin_findable(Page.search_fields + [index.SearchField("intro"), index.SearchField("body")])

    class Meta:
        verbose_name = _("innehållssida")
        verbose_name_plural = "innehållssidor"
