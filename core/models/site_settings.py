"""One-per-site settings: the footer and the site-wide Kontakt box."""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

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


TEXTS_ELSEWHERE = "Namn, länkar och kontaktrutans text skrivs per språk i Texter i sidfot och kontaktruta."


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The footer's facts, the same in every language: address, phone, e-mail, social media and the
    legally required pages (shown in the page's language when translated). Its words are a SiteText."""

    address = models.TextField("postadress", blank=True, help_text="En rad per rad i adressen.")
    phone = models.CharField("växelns telefon", max_length=40, blank=True, help_text="T.ex. 08-452 70 00.")
    email = models.EmailField("e-post", blank=True, help_text="Organisationens allmänna adress.")
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
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading="Organisation",
            help_text=TEXTS_ELSEWHERE,
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading="Sidor som alltid länkas",
        ),
    ]

    class Meta:
        verbose_name = "sidfot"

    @property
    def required_pages(self):
        """The accessibility statement and the privacy page, those that are chosen."""
        return [page for page in (self.accessibility_page, self.privacy_page) if page]


@register_setting(icon="user")
class ContactSettings(BaseSiteSetting):
    """The page the site-wide "Kontakt" box links to (shown in the page's language when translated);
    the box's heading and text are a SiteText."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="länk till sida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="En sida med fler kontaktvägar. " + TEXTS_ELSEWHERE,
    )

    panels = [FieldPanel("link_page")]

    class Meta:
        verbose_name = "kontaktruta"
