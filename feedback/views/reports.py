"""The editors' reports: answers per page with yes/no counts and comments, and each page's answers."""

import datetime as dt
from collections import defaultdict

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import DeleteView, EditView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Locale, Page

from core.exports import SafeExportMixin
from core.page_titles import HIDDEN_TITLE, readable_page_ids, title_for
from core.page_urls import public_url

from ..access import feedback_permission_policy, may_triage, may_view_page_feedback
from ..models import FeedbackResponse, FeedbackState
from ..summary import PageTotals, answer_day, refresh_day
from .triage_columns import RevisionColumn, StateColumn, decorate_responses

LATEST_COMMENTS = 3


def start_of_day(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def period_bounds(period):
    """A date range from the filter (both ends included) as aware datetimes [start, end)."""
    if not period:
        return None, None
    start = start_of_day(period.start) if period.start else None
    end = start_of_day(period.stop + dt.timedelta(days=1)) if period.stop else None
    return start, end


def format_share(value):
    return "" if value is None else f"{value:.0f}\u00a0%"


class PeriodFilterSet(WagtailFilterSet):
    """A date range and the language of answers; the view applies them to its counts rather than to the rows."""

    period = django_filters.DateFromToRangeFilter(label="Period", method="filter_period", widget=DateRangePickerWidget)
    locale = django_filters.ModelChoiceFilter(
        label="Språk", queryset=Locale.objects.all(), method="filter_locale", empty_label="Alla språk"
    )

    def filter_period(self, queryset, name, value):
        return queryset

    def filter_locale(self, queryset, name, value):
        return queryset


class FeedbackReportFilterSet(PeriodFilterSet):
    class Meta:
        model = Page
        fields = []


class PageFeedbackFilterSet(PeriodFilterSet):
    helpful = django_filters.ChoiceFilter(
        label="Svar", choices=[("true", "Ja"), ("false", "Nej")], method="filter_helpful", empty_label="Alla"
    )
    has_comment = django_filters.BooleanFilter(label="Med kommentar", method="filter_has_comment")
    state = django_filters.ChoiceFilter(label="Status", choices=FeedbackState.choices, empty_label="Alla")

    class Meta:
        model = FeedbackResponse
        fields = []

    def filter_period(self, queryset, name, value):
        start, end = period_bounds(value)
        if start:
            queryset = queryset.filter(created_at__gte=start)
        if end:
            queryset = queryset.filter(created_at__lt=end)
        return queryset

    def filter_locale(self, queryset, name, value):
        return queryset.in_locale(value)

    def filter_helpful(self, queryset, name, value):
        return queryset.filter(helpful=(value == "true"))

    def filter_has_comment(self, queryset, name, value):
        return queryset.exclude(comment="") if value else queryset.filter(comment="")


class CommentsColumn(Column):
    """Comments (plain strings) as a list; the template escapes them like any other text."""

    cell_template_name = "feedback/admin/comments_cell.html"


class DeleteColumn(Column):
    """A link to delete the answer, say a comment with personal details in it."""

    cell_template_name = "feedback/admin/delete_cell.html"

    def __init__(self):
        super().__init__("delete", label="", accessor=self.delete_url)

    @staticmethod
    def delete_url(response):
        return reverse("feedback_responses:delete", args=[response.pk])


class FeedbackPermissionMixin(SafeExportMixin):
    """Feedback reports are for those who may view answers; their exports open safely in Excel."""

    permission_policy = feedback_permission_policy
    permission_required = "view"


class FeedbackReportView(FeedbackPermissionMixin, ReportView):
    """Pages that got answers, with Ja and Nej counts, the share of Ja and the newest comments."""

    page_title = "Återkoppling"
    header_icon = "comment"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = FeedbackReportFilterSet
    default_ordering = "-no_count"
    export_filename = "aterkoppling"
    verbose_name_plural = "sidor med svar"
    list_export = ["shown_title", "shown_path", "yes_count", "no_count", "total_count", "yes_share", "comments_text"]
    export_headings = {
        "shown_title": "Sida",
        "shown_path": "Adress",
        "yes_count": "Ja",
        "no_count": "Nej",
        "total_count": "Svar",
        "yes_share": "Andel ja (%)",
        "comments_text": "Senaste kommentarer",
    }
    columns = [
        TitleColumn(
            "shown_title",
            label="Sida",
            sort_key="title",
            get_url=lambda page: reverse("feedback_page_report", args=[page.pk]),
        ),
        Column("yes_count", label="Ja", sort_key="yes_count"),
        Column("no_count", label="Nej", sort_key="no_count"),
        Column("total_count", label="Svar", sort_key="total_count"),
        Column("yes_share", label="Andel ja", sort_key="yes_share", accessor=lambda page: format_share(page.yes_share)),
        CommentsColumn("latest_comments", label="Senaste kommentarer"),
        DateColumn("latest_response_at", label="Senaste svar", sort_key="latest_response_at"),
    ]

    @cached_property
    def period(self):
        if self.filters and self.filters.is_valid():
            return period_bounds(self.filters.form.cleaned_data.get("period"))
        return None, None

    @cached_property
    def locale(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("locale")
        return None

    def get_base_queryset(self):
        # Not read: the rows come from the summary (get_filtered_queryset); the filters need a queryset.
        return Page.objects.none()

    def order_queryset(self, queryset):
        return queryset  # sorted by PageTotals

    def get_filtered_queryset(self):
        # A row per page from the daily summary plus the answers it does not hold yet (feedback/summary.py),
        # sorted and paginated in the database: a view reads the 50 rows it shows, an export reads its rows
        # once the CSV's heading has gone out, and counts them (one query) to choose between an XLSX file at
        # once and one by the worker. Wagtail checks the ordering against the columns' sort keys; ties go by
        # title, then page, so pages never repeat.
        return PageTotals(*self.period, self.locale, ordering=[self.ordering or "-no_count"])

    def paginate_queryset(self, queryset, page_size):
        # The page asked for is read with the count of all pages in one query; the paginator then counts
        # and slices without asking the database again.
        number = self.request.GET.get(self.page_kwarg) or "1"
        if number.isdigit() and int(number) > 0:
            queryset.prefetch((int(number) - 1) * page_size, page_size)
        return super().paginate_queryset(queryset, page_size)

    def decorate_paginated_queryset(self, rows):
        # Changed in place: the listing's table already holds these rows.
        pages = list(rows)
        answers = FeedbackResponse.objects.counted().between(*self.period).in_locale(self.locale)
        comments = answers.filter(page__in=[page.pk for page in pages])
        by_page = defaultdict(list)
        for page_id, comment in comments.latest_comments(LATEST_COMMENTS).values_list("page_id", "comment"):
            by_page[page_id].append(comment)
        readable = readable_page_ids(self.request.user, [page.pk for page in pages])
        for page in pages:
            page.latest_comments = by_page[page.pk]
            page.comments_text = "\n".join(page.latest_comments)
            page.shown_title = title_for(page.pk, page.title, readable)
            page.shown_path = public_url(page.url_path) if page.pk in readable else ""
        return pages


class PageFeedbackReportView(FeedbackPermissionMixin, ReportView):
    """Every answer to one page, newest first, with its comment; for feedback readers and the page's owner."""

    header_icon = "comment"
    filterset_class = PageFeedbackFilterSet
    default_ordering = "-created_at"
    verbose_name_plural = "svar"
    list_export = ["created_at", "answer_label", "comment"]
    export_headings = {"created_at": "Tidpunkt", "answer_label": "Svar", "comment": "Kommentar"}

    @cached_property
    def columns(self):
        columns = [
            DateColumn("created_at", label="Tidpunkt", sort_key="created_at"),
            Column("answer_label", label="Svar", sort_key="helpful"),
            CommentsColumn(
                "comment", label="Kommentar", accessor=lambda response: [response.comment] if response.comment else []
            ),
            StateColumn("state", label="Status", sort_key="state"),
            RevisionColumn("revision", label="Version"),
        ]
        if self.permission_policy.user_has_permission(self.request.user, "delete"):
            columns.append(DeleteColumn())
        return columns

    @cached_property
    def page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"])

    def user_has_permission(self, permission):
        return may_view_page_feedback(self.request.user, self.page)

    @cached_property
    def shown_title(self):
        return title_for(self.page.pk, self.page.title, readable_page_ids(self.request.user, [self.page.pk]))

    def get_page_title(self):
        return f"Återkoppling: {self.shown_title}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("feedback_report"), "label": "Återkoppling"},
            {"url": "", "label": self.shown_title},
        ]

    @cached_property
    def header_buttons(self):
        trend = reverse("feedback_page_trend", args=[self.page.pk])
        buttons = [HeaderButton("Utveckling över tid", url=trend, icon_name="calendar")]
        # The page the answers are about, as visitors see it, for a user who may know which page it is.
        if not self.page.live or self.shown_title == HIDDEN_TITLE:
            return buttons
        url = self.page.get_full_url(request=self.request)
        return [*buttons, HeaderButton("Visa sidan", url=url, icon_name="link-external", attrs={"target": "_blank"})]

    def get_filename(self):
        # A slug names the page as much as its title does.
        return f"aterkoppling-{self.page.pk if self.shown_title == HIDDEN_TITLE else self.page.slug}"

    def get_index_url(self):
        return reverse("feedback_page_report", args=[self.page.pk])

    def get_index_results_url(self):
        return reverse("feedback_page_report_results", args=[self.page.pk])

    def get_base_queryset(self):
        return FeedbackResponse.objects.filter(page=self.page).select_related("page", "revision")

    def decorate_paginated_queryset(self, rows):
        return decorate_responses(self.request.user, list(rows), may_triage(self.request.user, self.page.owner_id))

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering or "-created_at", "-pk")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["feedback_page"] = self.page
        return context


class FeedbackResponseEditView(EditView):
    """Sets an answer's state and internal note, then goes back to the list it came from; for those who
    triage all answers and for the page's owner."""

    def user_has_permission(self, permission):
        return True  # decided per answer in get_object, where its page's owner is known

    def get_object(self, queryset=None):
        response = super().get_object(queryset)
        if not may_triage(self.request.user, response.page.owner_id):
            raise PermissionDenied
        return response

    def save_instance(self):
        instance = super().save_instance()
        if "state" in self.form.changed_data:
            refresh_day(instance.page_id, answer_day(instance))  # spam leaves the counts, or comes back
        return instance

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or reverse("feedback_comments")

    def get_success_message(self, instance=None):
        return f"Kommentaren är nu markerad som {self.object.get_state_display().lower()}."


class FeedbackResponseDeleteView(DeleteView):
    """Deletes one answer and goes back to its page's report (answers have no listing of their own)."""

    def delete_action(self):
        page_id, day = self.object.page_id, answer_day(self.object)
        super().delete_action()
        refresh_day(page_id, day)

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(
            "feedback_page_report", args=[self.object.page_id]
        )
