"""A page's own images: a top image over the content and a teaser image for cards and link previews."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

ALT_OR_DECORATIVE = (
    "Skriv en alternativtext som beskriver vad bilden visar, eller kryssa i Dekorativ bild om den inte "
    "tillför något för den som inte ser den."
)
ALT_HELP = "Beskriv vad bilden visar för den som inte ser den. Tomt: bildens beskrivning i bildbiblioteket."
DECORATIVE_HELP = "Kryssa i om bilden bara är utsmyckning; då läses den inte upp."


def _image_field(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class PageImagesMixin(models.Model):
    """A top image (with alt text or a decorative choice, and a photo credit) and an optional teaser image."""

    top_image = _image_field("toppbild", "Visas överst på sidan. Välj fokuspunkt i bildbiblioteket.")
    top_image_alt = models.CharField("alternativtext", max_length=250, blank=True, help_text=ALT_HELP)
    top_image_decorative = models.BooleanField("dekorativ bild", default=False, help_text=DECORATIVE_HELP)
    image_credit = models.CharField(
        "fotograf", max_length=200, blank=True, help_text="Visas under toppbilden som ”Foto: …”."
    )
    teaser_image = _image_field("listbild", "Visas på kort i listor och när sidan delas. Tomt: toppbilden används.")
    teaser_image_alt = models.CharField("alternativtext för listbilden", max_length=250, blank=True, help_text=ALT_HELP)
    teaser_image_decorative = models.BooleanField("dekorativ listbild", default=False, help_text=DECORATIVE_HELP)

    image_panels = [
        MultiFieldPanel(
            [
                FieldPanel("top_image"),
                FieldPanel("top_image_alt"),
                FieldRowPanel([FieldPanel("top_image_decorative"), FieldPanel("image_credit")]),
                FieldPanel("teaser_image"),
                FieldPanel("teaser_image_alt"),
                FieldPanel("teaser_image_decorative"),
            ],
            heading="Bilder",
            classname="collapsed",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        for prefix in ("top_image", "teaser_image"):
            image_id = getattr(self, f"{prefix}_id")
            alt_field, decorative = f"{prefix}_alt", getattr(self, f"{prefix}_decorative")
            if not image_id or decorative:
                continue
            alt = (getattr(self, alt_field) or "").strip()
            if not alt:
                # An image described in the library (its "Beskrivning") brings that text, as the image block does.
                alt = (getattr(getattr(self, prefix), "description", "") or "").strip()
            if alt:
                setattr(self, alt_field, alt)
            else:
                errors[alt_field] = ALT_OR_DECORATIVE
        if errors:
            raise ValidationError(errors)

    @property
    def top_image_alt_text(self):
        """The alt attribute of the top image: empty for a decorative image."""
        return "" if self.top_image_decorative else self.top_image_alt

    @property
    def card_image(self):
        """The image on the page's card and in link previews: the teaser image, else the top image."""
        if self.teaser_image_id:
            return self.teaser_image
        return self.top_image if self.top_image_id else None

    @property
    def card_image_id(self):
        """The card image's id, read without loading the image."""
        return self.teaser_image_id or self.top_image_id

    @property
    def card_image_alt(self):
        if self.teaser_image_id:
            return "" if self.teaser_image_decorative else self.teaser_image_alt
        return self.top_image_alt_text

    @property
    def share_image(self):
        """Read by the page_meta tag for Open Graph and Twitter (a 1200x630 rendition)."""
        return self.card_image

    @property
    def share_image_alt(self):
        return self.card_image_alt
