"""Site-wide notices shown as a banner on every page while they are active."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Min, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin

from core.text import control_character_errors


def _started(at):
    return Q(starts_at__isnull=True) | Q(starts_at__lte=at)


def _not_ended(at):
    return Q(ends_at__isnull=True) | Q(ends_at__gt=at)


class SiteNoticeQuerySet(models.QuerySet):
    """The display window of notices, defined once: from `starts_at` up to `ends_at`; open ends mean no limit."""

    def active(self, at=None):
        """Published notices whose window includes `at` (now by default)."""
        at = at or timezone.now()
        return self.filter(_started(at), _not_ended(at), live=True)

    def not_ended(self, at=None):
        """Notices that show at `at` or will later, each with `showing`: whether it shows at `at`."""
        at = at or timezone.now()
        return self.filter(_not_ended(at)).annotate(
            showing=ExpressionWrapper(_started(at), output_field=BooleanField())
        )


class SiteNotice(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A banner such as "Så påverkas kurser och konferenser av det nya coronaviruset", with drafts,
    history and the approval workflow: visitors see only a published notice."""

    class Level(models.TextChoices):
        INFO = "info", "Information"
        WARNING = "warning", "Varning"
        URGENT = "urgent", "Viktigt"

    message = models.CharField("meddelande", max_length=300, help_text="En kort mening som visas överst på alla sidor.")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="länk till sida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="En sida med mer information, t.ex. frågor och svar.",
    )
    link_url = models.URLField("eller extern länk", blank=True, help_text="En adress på en annan webbplats.")
    link_text = models.CharField(
        "länktext", max_length=100, blank=True, help_text="Lämna tomt för att länka hela meddelandet."
    )
    level = models.CharField(
        "nivå",
        max_length=10,
        choices=Level.choices,
        default=Level.INFO,
        help_text="Styr färgen. Viktigt bara när besökare måste agera.",
    )
    starts_at = models.DateTimeField("visas från", null=True, blank=True, help_text="Tomt betyder genast.")
    ends_at = models.DateTimeField("visas till", null=True, blank=True, help_text="Tomt betyder tills vidare.")

    objects = SiteNoticeQuerySet.as_manager()
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="sitenotice")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="sitenotice",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("message"),
        FieldPanel("level"),
        MultiFieldPanel(
            [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_text")],
            heading="Länk",
        ),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="Visningsperiod"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-starts_at", "-pk"]
        verbose_name = "driftmeddelande"
        verbose_name_plural = "driftmeddelanden"

    def __str__(self):
        return self.message

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        # The message is a line at the top of every page.
        if errors := control_character_errors(self, ("message", "link_text")):
            raise errors
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "Sluttiden måste vara efter starttiden."})
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "Välj antingen en sida eller en extern länk, inte båda."})

    def get_url(self, request=None):
        """Where the notice links to: its page's address, else the external one ("" for no link)."""
        if self.link_page_id:
            return self.link_page.get_url(request) or ""
        return self.link_url


def next_notice_change(now):
    """The next moment after `now` at which a notice appears or disappears (PAGE_CACHE_TIME_BOUNDARIES)."""
    found = SiteNotice.objects.filter(live=True).aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)), ends=Min("ends_at", filter=Q(ends_at__gt=now))
    )
    return min((moment for moment in found.values() if moment is not None), default=None)
