"""Who answers for a page and when it is next reviewed: a mixin for every content page type."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def admin_users():
    """Active users who may use the admin: the only sensible owners of a page."""
    users = get_user_model().objects.filter(is_active=True)
    return users.filter(
        Q(is_superuser=True)
        | Q(user_permissions__codename="access_admin")
        | Q(groups__permissions__codename="access_admin")
    ).distinct()


class OwnerPanel(FieldPanel):
    """Wagtail's own page owner (the creator by default), chosen among the admin's users."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # Revision comparison binds the panels without a form: nothing to narrow there.
            field = self.form.fields.get(self.field_name) if self.form is not None else None
            if field is not None:
                field.queryset = admin_users().order_by("first_name", "last_name", "username")


def review_due_after(day):
    """The date a page published on `day` is due for review: settings.PAGE_REVIEW_MONTHS later."""
    months = day.month - 1 + settings.PAGE_REVIEW_MONTHS
    year, month = day.year + months // 12, months % 12 + 1
    # 31 January plus a month is the last of February, not an error.
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class OwnershipMixin(models.Model):
    """A review date and an optional "Senast granskad" line; the owner is Wagtail's `Page.owner`, which
    Wagtail sets to the user who creates the page (kept separate from the public Informationsansvarig)."""

    review_due = models.DateField(
        "granskas senast",
        null=True,
        blank=True,
        db_index=True,
        help_text="Tomt: sätts när sidan publiceras, ett år fram. Ägaren påminns när datumet närmar sig.",
    )
    last_reviewed = models.DateField(
        "senast granskad", null=True, blank=True, help_text="Dagen då någon senast gick igenom sakuppgifterna."
    )
    show_last_reviewed = models.BooleanField(
        "visa ”Senast granskad” på sidan", default=False, help_text="Visas i slutet av sidan, om datumet är ifyllt."
    )

    # An event needs no review once it is over: the fields that say when it ends, the first one set
    # counting (an end, else its start); empty for pages that stay current.
    review_until_fields = ()

    ownership_panels = [
        MultiFieldPanel(
            [
                OwnerPanel("owner", heading="Ägare", help_text="Den som får återkopplingen och påminnelserna."),
                FieldPanel("review_due"),
                FieldPanel("last_reviewed"),
                FieldPanel("show_last_reviewed"),
            ],
            heading="Ansvar och granskning",
        )
    ]

    class Meta:
        abstract = True

    @classmethod
    def needing_review(cls, now):
        """This type's pages that still need reviews at `now` (an event that is over does not)."""
        queryset = cls.objects.all()
        if cls.review_until_fields:
            fields = cls.review_until_fields
            ends = Coalesce(*fields) if len(fields) > 1 else F(fields[0])
            queryset = queryset.alias(review_until=ends).filter(Q(review_until__gte=now) | Q(review_until__isnull=True))
        return queryset

    @property
    def shown_last_reviewed(self):
        """The "Senast granskad" date for visitors, when the editor wants it shown."""
        return self.last_reviewed if self.show_last_reviewed else None
