"""The shared taxonomy of topics used by events and knowledge pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.text import control_character_errors


class Topic(index.Indexed, models.Model):
    """A subject area (e.g. Digitalisering, Demokrati) that pages are tagged with."""

    name = models.CharField("namn", max_length=100, unique=True, help_text="T.ex. Digitalisering eller Demokrati.")
    slug = models.SlugField(
        "kortnamn", max_length=100, unique=True, allow_unicode=True, help_text="Används i webbadresser och filter."
    )
    description = models.TextField("beskrivning", blank=True, help_text="Visas på ämnets sida; en eller två meningar.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "ämne"
        verbose_name_plural = "ämnen"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # A topic's name is an RSS category of every page that has it.
        if errors := control_character_errors(self, ("name",), ("description",)):
            raise errors

    @classmethod
    def listed(cls):
        """Every topic by name, for filters and the topic index."""
        return list(cls.objects.order_by("name"))
