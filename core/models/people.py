"""Reusable people that contact and speaker blocks point to."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from core.text import control_character_errors


class Person(DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model):
    """A contact person or speaker, kept once and shown on many pages, with drafts and history."""

    name = models.CharField("namn", max_length=200, help_text="För- och efternamn.")
    role = models.CharField(
        "roll",
        max_length=200,
        blank=True,
        help_text="T.ex. Handläggare, Förbundsjurist eller Projektledare.",
    )
    organisation = models.CharField(
        "organisation", max_length=200, blank=True, help_text="T.ex. Västerås stad eller Region Skåne."
    )
    email = models.EmailField("e-post", blank=True, help_text="Visas som länk; gärna en funktionsadress.")
    phone = models.CharField(
        "telefon", max_length=40, blank=True, help_text="Skriv numret som det ska visas, t.ex. 08-452 70 00."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ett porträtt, beskuret kvadratiskt.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")],
            heading="Person",
        ),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading="Kontaktuppgifter"),
        FieldPanel("photo"),
    ]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="person")

    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
        index.FilterField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "personer"

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        # Each of these is one line of the person's vCard.
        if errors := control_character_errors(self, ("name", "role", "organisation", "phone")):
            raise errors

    @property
    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0"):
            digits = "+46" + digits[1:]
        return f"tel:{digits}" if digits else ""

    def get_vcard_url(self):
        return reverse("core:person_vcard", args=[self.pk])
