"""One-per-site settings: the footer and the site-wide Kontakt box."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES, LinkBlock
from core.fields import StreamField

SOCIAL_SERVICES = [
    ("linkedin", "LinkedIn"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("mastodon", "Mastodon"),
    ("x", "X"),
]


class SocialLinkValue(blocks.StructValue):
    """Adds the service's display name."""

    @property
    def label(self):
        return dict(SOCIAL_SERVICES).get(self.get("service"), self.get("service"))


class SocialLinkBlock(blocks.StructBlock):
    """A link to one of the organisation's social media accounts."""

    service = blocks.ChoiceBlock(label="Tjänst", choices=SOCIAL_SERVICES, help_text="Styr namnet som visas.")
    url = blocks.URLBlock(label="Adress", help_text="Adressen till organisationens konto.")

    class Meta:
        icon = "site"
        label = "Socialt medium"
        value_class = SocialLinkValue
        preview_value = {"service": "linkedin", "url": "https://www.linkedin.com/company/exempel"}
        description = "En länk till organisationens konto i ett socialt medium."


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer on every page: organisation, address, links and legally required pages."""

    organisation_name = models.CharField(
        "organisationens namn", max_length=200, blank=True, help_text="Som den ska stå i sidfoten."
    )
    address = models.TextField("postadress", blank=True, help_text="En rad per rad i adressen.")
    phone = models.CharField("växelns telefon", max_length=40, blank=True, help_text="T.ex. 08-452 70 00.")
    email = models.EmailField("e-post", blank=True, help_text="Organisationens allmänna adress.")
    links = StreamField(
        [("link", LinkBlock())],
        verbose_name="länkar",
        blank=True,
        help_text="Några viktiga länkar, t.ex. Om oss och Press.",
    )
    social_links = StreamField(
        [("social", SocialLinkBlock())],
        verbose_name="sociala medier",
        blank=True,
        help_text="Visas som länkar i sidfoten.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="tillgänglighetsredogörelse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Lagen om tillgänglighet till digital offentlig service kräver en länk från varje sida.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="personuppgifter",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Sidan som berättar hur personuppgifter behandlas (GDPR).",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Organisation",
        ),
        FieldPanel("links"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading="Sidor som alltid länkas",
        ),
    ]

    class Meta:
        verbose_name = "sidfot"


@register_setting(icon="user")
class ContactSettings(BaseSiteSetting):
    """The site-wide "Kontakt" box shown at the end of pages that keep it switched on."""

    heading = models.CharField("rubrik", max_length=100, default="Kontakt", help_text="Oftast Kontakt.")
    body = RichTextField("text", blank=True, features=RICH_TEXT_FEATURES, help_text="T.ex. växelnummer och öppettider.")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="länk till sida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="En sida med fler kontaktvägar.",
    )
    link_text = models.CharField("länktext", max_length=100, blank=True, help_text="Tomt ger sidans titel.")

    panels = [FieldPanel("heading"), FieldPanel("body"), FieldPanel("link_page"), FieldPanel("link_text")]

    class Meta:
        verbose_name = "kontaktruta"
