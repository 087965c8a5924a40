"""The words of the footer and the Kontakt box, one set per language (translated like a snippet)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from core.blocks import RICH_TEXT_FEATURES, LinkBlock
from core.fields import StreamField


class SiteText(TranslatableMixin, models.Model):
    """The footer's and the Kontakt box's texts in one language. Site settings cannot be translated
    (one row per site), so the settings keep what is the same in every language (address, phone,
    e-mail, social media, the pages linked) and the words live here: the Swedish set, and an English
    translation made with Översätt (wagtail-localize), one per language."""

    organisation_name = models.CharField(
        "organisationens namn", max_length=200, blank=True, help_text="Som den ska stå i sidfoten."
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name="länkar i sidfoten",
        blank=True,
        help_text="Några viktiga länkar, t.ex. Om oss och Press.",
    )
    contact_heading = models.CharField(
        "kontaktrutans rubrik", max_length=100, default="Kontakt", help_text="Oftast Kontakt."
    )
    contact_body = RichTextField(
        "kontaktrutans text", blank=True, features=RICH_TEXT_FEATURES, help_text="T.ex. växelnummer och öppettider."
    )
    contact_link_text = models.CharField(
        "kontaktrutans länktext",
        max_length=100,
        blank=True,
        help_text="Texten på länken till sidan som väljs i inställningen Kontaktruta; tomt ger sidans titel.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("footer_links")], heading="Sidfot"),
        MultiFieldPanel(
            [FieldPanel("contact_heading"), FieldPanel("contact_body"), FieldPanel("contact_link_text")],
            heading="Kontaktruta",
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "texter i sidfot och kontaktruta"
        verbose_name_plural = "texter i sidfot och kontaktruta"
        constraints = [models.UniqueConstraint(fields=["locale"], name="core_sitetext_one_per_locale")]

    def __str__(self):
        return f"Sidfot och kontaktruta ({self.locale.get_display_name()})"

    def clean(self):
        super().clean()
        # The admin creates a snippet with its locale set; a second set in one language would never show.
        others = type(self).objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id is not None and others.exists():
            raise ValidationError("Det finns redan texter på det här språket. Ändra dem i stället.")

    @classmethod
    def for_language(cls, language_code):
        """The texts in this language, else the Swedish ones (None when there are none): one query."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        language = get_supported_content_language_variant(language_code or default)
        texts = {
            text.locale.language_code: text
            for text in cls.objects.filter(locale__language_code__in={language, default}).select_related("locale")
        }
        return texts.get(language) or texts.get(default)

    @property
    def lang(self):
        """The language these texts are in (for `lang` on an English page that falls back to Swedish)."""
        return self.locale.language_code
