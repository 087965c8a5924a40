"""Who follows which topics, which new pages they have been told about, and their stored e-mail.

Privacy: a subscription holds only the address, the topics, the frequency and the time of consent
(plus, until it is confirmed, the time it was asked for, so that it can be deleted after a few days).
"""

import uuid

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from core.models import QueuedEmail

EMAIL_MAX_LENGTH = 254


class Frequency(models.TextChoices):
    IMMEDIATE = "direkt", _("Direkt")
    WEEKLY = "veckovis", _("Veckovis")


class Language(models.TextChoices):
    """The language a subscriber's e-mail and pages are written in: that of the page they subscribed on."""

    SWEDISH = "sv", "svenska"
    ENGLISH = "en", "engelska"

    @classmethod
    def of(cls, code):
        """The language for a language code such as "en" or "en-gb"; Swedish for anything else."""
        code = (code or "").split("-")[0].lower()
        return code if code in cls.values else cls.SWEDISH


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(consented_at__isnull=False)

    def unconfirmed(self):
        return self.filter(consented_at__isnull=True)


class Subscription(models.Model):
    """One address that follows topics; nothing is sent to it but the confirmation until it consents."""

    email = models.EmailField("e-postadress", max_length=EMAIL_MAX_LENGTH)
    topics = models.ManyToManyField("core.Topic", verbose_name="ämnen", related_name="subscriptions")
    frequency = models.CharField("hur ofta", max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    consented_at = models.DateTimeField("samtycke", null=True, blank=True, db_index=True)
    # Only to delete unconfirmed subscriptions after ALERTS_UNCONFIRMED_DAYS; blanked on confirmation.
    requested_at = models.DateTimeField("begärd", null=True, blank=True)
    # Links in e-mail name this random id, never the address or a sequential number.
    public_id = models.UUIDField("id", default=uuid.uuid4, unique=True, editable=False)
    # Set when subscribing and again when confirming, from the language of the page used (docs/alerts.md).
    language = models.CharField("språk", max_length=5, choices=Language.choices, default=Language.SWEDISH)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = "bevakning"
        verbose_name_plural = "bevakningar"
        constraints = [models.UniqueConstraint(Lower("email"), name="alerts_subscription_unique_email")]
        permissions = [("export_subscription", "Can export addresses of bevakningar")]

    def __str__(self):
        return f"Bevakning {self.pk}"

    @property
    def is_confirmed(self):
        return self.consented_at is not None


class AlertItem(models.Model):
    """A new page a subscriber is to hear about, and the record that they did: one per page and
    subscriber, ever. `email` is the alert or digest that carries it (empty while it waits)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField("skapad", default=timezone.now, db_index=True)
    email = models.ForeignKey("AlertEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="items")

    class Meta:
        verbose_name = "bevakad sida"
        verbose_name_plural = "bevakade sidor"
        constraints = [models.UniqueConstraint(fields=["subscription", "page"], name="alerts_one_item_per_page")]

    def __str__(self):
        return f"Sida {self.page_id} till bevakning {self.subscription_id}"


class EmailKind(models.TextChoices):
    CONFIRM = "confirm", "Bekräfta bevakning"
    ALERT = "alert", "Ny sida"
    DIGEST = "digest", "Veckosammanfattning"


class AlertEmail(QueuedEmail):
    """One e-mail to a subscriber, stored first and sent by a task with retries (core/outbox.py)."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="emails")
    kind = models.CharField("slag", max_length=10, choices=EmailKind.choices)
    # A confirmation carries the signed choice it confirms; blanked once sent.
    link_token = models.TextField("länk", blank=True)

    class Meta:
        verbose_name = "e-postmeddelande om bevakning"
        verbose_name_plural = "e-postmeddelanden om bevakningar"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.pk})"


@register_setting(icon="mail")
class AlertSettings(BaseGenericSetting):
    """Site-wide switch for topic alerts: a Publicist pauses them, e.g. during a bulk import."""

    paused = models.BooleanField(
        "pausa alla bevakningar",
        default=False,
        help_text=(
            "Så länge bevakningarna är pausade skickas inga e-postmeddelanden om nya sidor, och sidor som "
            "publiceras under tiden meddelas inte heller senare. Bekräftelser skickas som vanligt."
        ),
    )

    panels = [FieldPanel("paused")]

    class Meta:
        verbose_name = "bevakningar"

    @classmethod
    def alerts_paused(cls):
        return cls.load().paused
