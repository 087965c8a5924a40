"""Knowledge pages: a listing and themed pages that gather webcasts, podcasts and web courses."""

import datetime as dt

from django.db import models
from django.db.models import Exists, OuterRef
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from core import structured_data
from core.cards import CARD_IMAGE_FIELDS, PAGE_CARD_FIELDS
from core.dates import long_date
from core.fields import StreamField
from core.images import prefetch_card_images
from core.models import ContactsMixin, OwnershipMixin, PageImagesMixin, SiteChromeMixin, Topic, localized_topics
from core.models.topics import source_topics_q
from core.pagination import filter_query, paginate
from core.search_fields import admin_findable
from core.streams import convert_streams

from .blocks import KnowledgeStreamBlock, RelatedPagesBlock, iter_recordings
from .embeds import stored_embeds


class MediaType:
    """A content-type filter of the listing: its query value, its label and the page flag it reads."""

    def __init__(self, key, label, field):
        self.key, self.label, self.field = key, label, field


MEDIA_TYPES = (
    MediaType("webbsandning", _("Webbsändning"), "has_webcast"),
    MediaType("podd", _("Podd"), "has_podcast"),
    MediaType("webbkurs", _("Webbkurs"), "has_web_course"),
    MediaType("webbinarium", _("Webbinarium"), "has_webinar"),
)
# What a knowledge page's card shows: the page card's fields and those card_meta reads. Listings
# load only these columns: the body, the largest of them, is not needed for a card.
CARD_FIELDS = (
    *PAGE_CARD_FIELDS,
    *CARD_IMAGE_FIELDS,
    "publication_date",
    *(media_type.field for media_type in MEDIA_TYPES),
)


class KnowledgeIndexPage(RoutablePageMixin, SiteChromeMixin, Page):
    """The "Kunskap" listing: knowledge pages newest first, filtered by topic and type, with a feed."""

    page_description = "Listan Kunskap, med kunskapssidor sorterade på ämne och typ."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.KnowledgePage"]

    intro = models.TextField("ingress", blank=True, help_text="Visas ovanför listan; en eller två meningar.")
    per_page = models.PositiveSmallIntegerField(
        "antal per sida", default=10, help_text="Fler sidor delas upp med sidnumrering."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")] + SiteChromeMixin.chrome_panels

    search_fields = admin_findable(Page.search_fields + [index.SearchField("intro")])

    feedback_enabled_for_type = False

    class Meta:
        verbose_name = _("kunskapslista")
        verbose_name_plural = "kunskapslistor"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.knowledge_pages()
        # The topics with a page here: asked per topic (EXISTS stops at the first page), not by joining
        # every page's topics and removing the duplicates.
        topics = Topic.listed(Topic.objects.filter(Exists(pages.filter(topics=OuterRef("pk")))))

        # Only values we offer are used, so odd input never reaches the database.
        topic_slug = request.GET.get("amne", "")
        topic = next((t for t in topics if t.slug == topic_slug), None)
        media_type = next((m for m in MEDIA_TYPES if m.key == request.GET.get("typ", "")), None)
        if topic:
            pages = pages.filter(topics=topic.pk)
        if media_type:
            pages = pages.filter(**{media_type.field: True})

        page_obj = paginate(pages.only(*CARD_FIELDS), self.per_page or 10, request.GET)
        page_obj.object_list = prefetch_card_images(list(page_obj.object_list))

        context.update(
            {
                "knowledge_pages": page_obj,
                "paginator": page_obj.paginator,
                "topics": topics,
                "media_types": MEDIA_TYPES,
                "selected_topic": topic,
                "selected_type": media_type,
                "filters": filter_query(
                    {"amne": topic.slug if topic else "", "typ": media_type.key if media_type else ""}
                ),
                "feed_url": self.feed_url,
            }
        )
        return context

    def knowledge_pages(self):
        """The live, public knowledge pages below this listing, newest first."""
        return (
            KnowledgePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-publication_date", "-first_published_at", "-pk")
        )

    @property
    def feed_url(self):
        return (self.url or "") + self.reverse_subpage("feed")

    @path("rss/", name="feed")
    def feed(self, request):
        """The RSS feed of this listing's live, public pages."""
        from .feeds import KnowledgeFeed

        return KnowledgeFeed(self)(request)


class KnowledgePage(ContactsMixin, OwnershipMixin, PageImagesMixin, SiteChromeMixin, Page):
    """A themed knowledge page: intro, key points and media (webcasts, podcasts, web courses, webinars)."""

    page_description = "En kunskapssida om ett tema, med webbsändningar, poddar och webbkurser."

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    # Indexed: the listing, the home page and the feed read the newest from it and stop there.
    publication_date = models.DateField(
        "publicerad", default=dt.date.today, db_index=True, help_text="Styr ordningen i listan och i RSS-flödet."
    )
    updated_date = models.DateField(
        "senast uppdaterad", null=True, blank=True, help_text="Fyll i när innehållet har ändrats väsentligt."
    )
    intro = models.TextField(
        "ingress", blank=True, help_text="En eller två meningar om vad sidan ger. Visas överst och i listan."
    )
    key_points = StreamField(
        [("point", blocks.TextBlock(label="Punkt", max_length=500, help_text="En mening per punkt."))],
        verbose_name="viktiga punkter",
        blank=True,
        help_text="Det viktigaste i korthet, visas som en lista under ingressen.",
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name="ämnen",
        blank=True,
        related_name="knowledge_pages",
        limit_choices_to=source_topics_q,
        help_text="Sidan visas på ämnenas sidor och i filtret.",
    )
    body = StreamField(
        KnowledgeStreamBlock(),
        verbose_name="innehåll",
        blank=True,
        help_text="Börja med Rubrik 2 och hoppa inte över rubriknivåer.",
    )
    related_pages = StreamField(
        RelatedPagesBlock(),
        verbose_name="relaterade sidor",
        blank=True,
        help_text="Sidor att läsa vidare på, i den ordning de ska visas.",
    )

    # Derived from the body on save, so the listing can filter by type of content.
    has_webcast = models.BooleanField(default=False, editable=False)
    has_podcast = models.BooleanField(default=False, editable=False)
    has_web_course = models.BooleanField(default=False, editable=False)
    has_webinar = models.BooleanField(default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("updated_date")], heading="Datum"),
        FieldPanel("intro"),
        *PageImagesMixin.image_panels,
        FieldPanel("key_points"),
        FieldPanel("topics", widget=CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("contacts"),
        MultiFieldPanel([FieldPanel("related_pages")], heading="Relaterat"),
    ]
    settings_panels = Page.settings_panels + SiteChromeMixin.chrome_panels + OwnershipMixin.ownership_panels

    search_fields = admin_findable(
        Page.search_fields
        + [
            index.SearchField("intro"),
            index.SearchField("key_points"),
            index.SearchField("body"),
            index.FilterField("publication_date"),
        ]
    )

    class Meta:
        verbose_name = _("kunskapssida")
        verbose_name_plural = "kunskapssidor"

    def get_context(self, request, *args, **kwargs):
        # Every person the page shows in one query, not one per type of media block (core.streams).
        convert_streams([(self, "body"), (self, "contacts")])
        context = super().get_context(request, *args, **kwargs)
        # One query for every stored embed on the page; blocks read from this batch.
        context["knowledge_embeds"] = stored_embeds(value.media_url for _, value in iter_recordings(self.body))
        context["related"] = self.related()
        context["listing_url"] = self.listing_url(request)
        context["json_ld"] = self.json_ld(request)
        return context

    def listing_url(self, request):
        """The address of the listing above this page, for its topic links."""
        url = self.get_url(request)
        if not url:  # an unsaved page in a preview has no address of its own yet
            return self.get_parent().get_url(request)
        # The listing is always the parent (parent_page_types), and Wagtail builds a page's address
        # from its parent's: dropping the last segment saves a query on every render.
        return url[: url.rstrip("/").rfind("/") + 1]

    # Link previews and search engines read the page as an article.
    og_type = "article"

    def json_ld(self, request=None):
        """schema.org Article data for search engines."""
        return structured_data.article(
            self,
            request,
            published=self.publication_date,
            modified=self.updated_date or self.publication_date,
            topics=self.topic_list,
        )

    @cached_property
    def topic_list(self):
        """The page's topics in the active language, read once per render for the template and the JSON-LD."""
        return localized_topics(self.topics.all())

    def save(self, *args, **kwargs):
        self.update_media_flags()
        return super().save(*args, **kwargs)

    def update_media_flags(self):
        kinds = {kind for kind, _ in iter_recordings(self.body)}
        types = {child.block_type for child in self.body or []}
        self.has_webcast = "webcast" in kinds
        self.has_podcast = "podcast" in kinds
        self.has_web_course = "web_course" in types
        self.has_webinar = "webinar" in types

    @property
    def media_type_labels(self):
        return [media_type.label for media_type in MEDIA_TYPES if getattr(self, media_type.field)]

    @property
    def card_meta(self):
        """E.g. "Publicerad 22 juni 2021 · Webbsändning, Podd", shown on page cards."""
        meta = _("Publicerad %(date)s") % {"date": long_date(self.publication_date)}
        labels = [str(label) for label in self.media_type_labels]
        return f"{meta} · {', '.join(labels)}" if labels else meta

    @property
    def published_at(self):
        """The publication date as an aware datetime (midnight, local time), for feeds."""
        return timezone.make_aware(dt.datetime.combine(self.publication_date, dt.time()))

    def related(self):
        """The live, public related pages in the editor's order, fetched in one go."""
        ids = [child.value.pk for child in self.related_pages if child.value]
        if not ids:
            return []
        pages = Page.objects.filter(pk__in=ids).live().public().specific()
        by_id = {page.pk: page for page in pages}
        return prefetch_card_images([by_id[pk] for pk in ids if pk in by_id])

    def editor_warnings(self):
        """Swedish warnings for the editor: missing captions or text versions, embeds not yet fetched."""
        recordings = list(iter_recordings(self.body))
        embeds = stored_embeds(value.media_url for _, value in recordings)
        warnings = []
        for kind, value in recordings:
            title = value.get("title") or "Namnlöst klipp"
            if not value.has_text_alternative:
                if kind == "webcast":
                    warnings.append(
                        f"”{title}” saknar undertexter och textversion. Inspelad video ska ha undertexter "
                        "enligt lagen om tillgänglighet till digital offentlig service."
                    )
                else:
                    warnings.append(
                        f"”{title}” saknar textversion. Inspelat ljud ska ha en textversion enligt lagen "
                        "om tillgänglighet till digital offentlig service."
                    )
            if value.media_url and value.provider and value.media_url not in embeds:
                warnings.append(
                    f"Uppgifterna om ”{title}” kunde inte hämtas från {value.provider.name} just nu. Sidan visar "
                    "en länk till klippet i stället för spelaren. Spara sidan igen senare för att försöka på nytt."
                )
        return warnings

    @classmethod
    def visible(cls):
        """Live, public knowledge pages, newest first."""
        return cls.objects.live().public().order_by("-publication_date", "-first_published_at", "-pk")

    @classmethod
    def for_topic(cls, topic, limit=None, locale=None):
        """Live, public knowledge pages tagged with a topic (a Topic or its pk), newest first, for cards;
        only those in `locale` when given."""
        pages = cls.visible().filter(topics=topic).only(*CARD_FIELDS)
        if locale is not None:
            pages = pages.filter(locale=locale)
        return prefetch_card_images(list(pages[:limit] if limit else pages))

    @classmethod
    def latest(cls, limit=3, locale=None):
        """The newest live, public knowledge pages (in `locale` when given), for cards."""
        pages = cls.visible().only(*CARD_FIELDS)
        return prefetch_card_images(list((pages.filter(locale=locale) if locale is not None else pages)[:limit]))
