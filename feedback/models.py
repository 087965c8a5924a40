"""What visitors answer to "Hjälpte informationen på sidan dig?"."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, F, FloatField, Max, Q, Window
from django.db.models.functions import Cast, NullIf, RowNumber
from django.utils import timezone

COMMENT_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 2000


class FeedbackState(models.TextChoices):
    """Where an answer stands in the editors' triage; spam is left out of every figure."""

    NEW = "new", "Ny"
    HANDLED = "handled", "Hanterad"
    SPAM = "spam", "Skräp"


def new_token():
    """An unguessable handle a visitor uses to add a comment to their own answer."""
    return secrets.token_urlsafe(18)


class FeedbackResponseQuerySet(models.QuerySet):
    def counted(self):
        """The answers that count in figures and charts: all but those marked as spam."""
        return self.exclude(state=FeedbackState.SPAM)

    def new_comments(self):
        """ "Nej" answers with a comment that nobody has handled yet."""
        return self.filter(state=FeedbackState.NEW, helpful=False).exclude(comment="")

    def commentable(self, token, at=None):
        """The "Nej" answer with this token, still without a comment and within the comment window."""
        at = at or timezone.now()
        window = dt.timedelta(seconds=settings.FEEDBACK_COMMENT_WINDOW)
        return self.filter(token=token, helpful=False, comment="", created_at__gt=at - window)

    def with_comment(self):
        return self.exclude(comment="")

    def comments_older_than(self, days, at=None):
        """Answers whose comment has passed the retention period."""
        at = at or timezone.now()
        return self.with_comment().filter(created_at__lt=at - dt.timedelta(days=days))

    def in_locale(self, locale=None):
        """Answers given on pages in `locale` (all answers when None)."""
        return self.filter(locale=locale) if locale is not None else self

    def between(self, start=None, end=None):
        """Answers given in [start, end); either end may be open."""
        queryset = self
        if start:
            queryset = queryset.filter(created_at__gte=start)
        if end:
            queryset = queryset.filter(created_at__lt=end)
        return queryset

    def totals_by_page(self):
        """One row per page with answers: its id, Ja, Nej, all, the share of Ja and the newest answer; one
        GROUP BY page over these answers alone (filter them first, so a date range uses an index)."""
        return (
            self.order_by()
            .values("page")
            .annotate(
                yes_count=Count("pk", filter=Q(helpful=True)),
                no_count=Count("pk", filter=Q(helpful=False)),
                total_count=Count("pk"),
                latest_response_at=Max("created_at"),
            )
            .annotate(yes_share=Cast(F("yes_count"), FloatField()) * 100 / NullIf(F("total_count"), 0))
        )

    def summary(self):
        """Counts of Ja and Nej and the share of Ja in percent (None without answers)."""
        counts = self.aggregate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
        total = counts["yes"] + counts["no"]
        counts["share"] = counts["yes"] * 100 / total if total else None
        return counts

    def latest_comments(self, per_page=3):
        """The newest comments of each page, at most `per_page` each, newest first."""
        return (
            self.with_comment()
            .annotate(
                position=Window(
                    RowNumber(), partition_by=[F("page_id")], order_by=[F("created_at").desc(), F("pk").desc()]
                )
            )
            .filter(position__lte=per_page)
            .order_by("page_id", "position")
        )


class FeedbackResponse(models.Model):
    """One visitor's answer (and perhaps a comment) about one page; nothing identifies the visitor."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="sida", on_delete=models.CASCADE, related_name="feedback_responses"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="version av sidan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Den publicerade versionen som besökaren såg.",
    )
    # The page's language when the visitor answered, so a report can count each language apart.
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name="språk",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Sidans språk när besökaren svarade.",
    )
    helpful = models.BooleanField("hjälpte sidan?")
    comment = models.TextField("kommentar", max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField("tidpunkt", default=timezone.now)
    state = models.CharField("status", max_length=10, choices=FeedbackState.choices, default=FeedbackState.NEW)
    note = models.TextField(
        "intern anteckning",
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text="Syns bara i administrationen, t.ex. vad som ändrades på sidan.",
    )
    # Only the visitor who answered knows the token; sequential ids would let anyone comment on others' answers.
    token = models.CharField("nyckel", max_length=32, unique=True, default=new_token, editable=False)

    objects = FeedbackResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["page", "created_at"], name="feedback_page_created_idx"),
            # The answers since a time with what they are counted by: the reports read the answers the
            # daily summary does not hold yet (today's) from this index alone, and the comments list
            # and retention go by its time.
            models.Index(fields=["created_at", "page", "helpful", "state"], name="feedback_created_counts_idx"),
            # The comments list: a few percent of the answers have a comment; it counts and pages them
            # newest first, often by state, from this small index instead of the whole table.
            models.Index(fields=["created_at", "state"], name="feedback_comment_idx", condition=~Q(comment="")),
            # Nearly every answer is new and has no comment: the owners' panel and digest read the few new
            # "Nej" comments through this small partial index, not through an index on the state.
            models.Index(
                fields=["page", "created_at"],
                name="feedback_new_comment_idx",
                condition=Q(state="new", helpful=False) & ~Q(comment=""),
            ),
        ]
        verbose_name = "svar på återkoppling"
        verbose_name_plural = "svar på återkoppling"

    def __str__(self):
        answer = "Ja" if self.helpful else "Nej"
        return f"{answer} – {self.page.title}" if self.page_id else answer

    @property
    def answer_label(self):
        return "Ja" if self.helpful else "Nej"


class FeedbackDay(models.Model):
    """The counted answers (spam left out) to one page in one language on one day, Swedish time.

    Written by feedback.summary: the periodic job adds each finished day, and triage or deleting an
    answer writes its day again. The reports add these rows up instead of every answer ever given.
    """

    # Indexed with the day below: a page's days are read when one of its answers is triaged or deleted.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", db_index=False)
    locale = models.ForeignKey("wagtailcore.Locale", null=True, on_delete=models.SET_NULL, related_name="+")
    day = models.DateField()
    yes_count = models.PositiveIntegerField(default=0)
    no_count = models.PositiveIntegerField(default=0)
    latest_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["page", "day"], name="feedback_day_page_idx"),
            models.Index(fields=["day"], name="feedback_day_day_idx"),
        ]

    def __str__(self):
        return f"{self.day}: {self.yes_count} ja, {self.no_count} nej (sida {self.page_id})"


class FeedbackTotal(models.Model):
    """One page's counted answers in one language over every summarised day (the sum of its FeedbackDay
    rows), so the report over all time reads a row per page, not a row per answer or per day."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", null=True, on_delete=models.SET_NULL, related_name="+")
    yes_count = models.PositiveIntegerField(default=0)
    no_count = models.PositiveIntegerField(default=0)
    latest_at = models.DateTimeField()

    def __str__(self):
        return f"{self.yes_count} ja, {self.no_count} nej (sida {self.page_id})"


class FeedbackSummaryState(models.Model):
    """A single row: the last day FeedbackDay and FeedbackTotal hold in full (None before the first run).
    Later answers, today's among them, are read from the answers themselves."""

    through = models.DateField(null=True)

    def __str__(self):
        return f"Sammanställt till och med {self.through}"
