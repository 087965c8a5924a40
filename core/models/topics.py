"""The shared taxonomy of topics used by events and knowledge pages, with English translations."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.text import control_character_errors


def _language(code=None):
    """The content language of `code` (the active language by default), as a Locale names it."""
    return get_supported_content_language_variant(code or translation.get_language() or settings.LANGUAGE_CODE)


def source_topics_q():
    """The topics pages are tagged with: those of the default language (callable limit_choices_to)."""
    return Q(locale__language_code=_language(settings.LANGUAGE_CODE))


class TopicQuerySet(models.QuerySet):
    def sources(self):
        """The Swedish topics: the ones pages, filters and alert subscriptions refer to. Their
        translations only give them names in other languages."""
        return self.filter(source_topics_q())


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject area (e.g. Digitalisering, Demokrati) that pages are tagged with. Pages of every
    language point at the Swedish topic; an English translation gives it its English name."""

    name = models.CharField("namn", max_length=100, help_text="T.ex. Digitalisering eller Demokrati.")
    slug = models.SlugField(
        "kortnamn",
        max_length=100,
        allow_unicode=True,
        help_text="Används i webbadresser och filter, på alla språk.",
    )
    description = models.TextField("beskrivning", blank=True, help_text="Visas på ämnets sida; en eller två meningar.")

    objects = TopicQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale")]
    # One address per topic in every language (/amnen/digitalisering/, /en/amnen/digitalisering/):
    # the slug is copied to translations, not translated.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "ämne"
        verbose_name_plural = "ämnen"
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="core_topic_name_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="core_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # A topic's name is an RSS category of every page that has it.
        if errors := control_character_errors(self, ("name",), ("description",)):
            raise errors

    @classmethod
    def listed(cls, topics=None):
        """Every topic (or those of the queryset `topics`) by name in the active language, for filters
        and the topic index."""
        topics = cls.objects.all() if topics is None else topics
        return localized_topics(topics.sources().order_by("name"), sort=True)


@dataclass(frozen=True)
class LocalizedTopic:
    """A Swedish topic as a visitor reads it in one language: its own pk and slug (what addresses,
    filters and alerts use), the name and description of its translation, and `lang`, the language
    of that text (Swedish when the topic has no translation yet)."""

    pk: int
    slug: str
    name: str
    description: str
    lang: str

    def __str__(self):
        return self.name


def localized_topics(topics, language=None, sort=False):
    """`topics` (Swedish Topic rows) in `language` (the active one by default), in one query for all;
    `sort` orders them by their names in that language."""
    topics = list(topics)
    language = _language(language)
    source_language = _language(settings.LANGUAGE_CODE)
    translations = {}
    if topics and language != source_language:
        rows = Topic.objects.filter(
            translation_key__in={topic.translation_key for topic in topics}, locale__language_code=language
        ).only("translation_key", "name", "description")
        translations = {row.translation_key: row for row in rows}
    result = []
    for topic in topics:
        text = translations.get(topic.translation_key)
        result.append(
            LocalizedTopic(
                pk=topic.pk,
                slug=topic.slug,
                name=(text or topic).name,
                description=(text or topic).description,
                lang=language if text else source_language,
            )
        )
    if sort and translations:
        result.sort(key=lambda topic: topic.name.casefold())
    return result
