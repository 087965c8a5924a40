"""Abstract field groups that page types mix in (before Page, so their attributes win)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.admin_copy import TitleToSlugCopyForm
from core.blocks import ContactStreamBlock
from core.fields import StreamField
from core.text import control_character_errors


class SiteChromeMixin(models.Model):
    """What every page type shares: an editor can turn off the site-wide Kontakt block or the
    feedback widget on a page."""

    show_site_contact = models.BooleanField(
        "visa webbplatsens kontaktruta",
        default=True,
        help_text="Kontaktrutan som redigeras under Inställningar > Kontaktruta.",
    )
    show_feedback = models.BooleanField(
        "visa frågan ”Hjälpte informationen på sidan dig?”",
        default=True,
        help_text="Svaren syns under Rapporter > Återkoppling.",
    )

    # A page type can switch the widget off for all its pages (e.g. listings).
    feedback_enabled_for_type = True
    # Texts that calendars, feeds and e-mail subjects carry: no control characters (core/text.py).
    single_line_fields = ("title", "seo_title")
    multi_line_fields = ("search_description", "intro")
    # Kopiera sida: the copy's slug follows its new title (core/admin_copy.py).
    copy_form_class = TitleToSlugCopyForm

    chrome_panels = [
        MultiFieldPanel(
            [FieldPanel("show_site_contact"), FieldPanel("show_feedback")],
            heading="Sidans delar",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if errors := control_character_errors(self, self.single_line_fields, self.multi_line_fields):
            raise errors

    @property
    def feedback_enabled(self):
        return self.feedback_enabled_for_type and self.show_feedback


class ContactsMixin(models.Model):
    """The page's own contact boxes (Informationsansvarig, Frågor om anmälan…), shown after the body."""

    contacts = StreamField(
        ContactStreamBlock(),
        verbose_name="kontakter",
        blank=True,
        help_text="Kontaktrutor efter innehållet, t.ex. Informationsansvarig eller Frågor om anmälan.",
    )

    class Meta:
        abstract = True
