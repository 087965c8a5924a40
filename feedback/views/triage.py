"""Triage of visitors' comments: every answer with a comment, its state and note, the page version it was
given on, filtered by state, page, owner and date."""

import django_filters
from django.contrib.auth import get_user_model
from django.utils.functional import cached_property
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from core.models.ownership import admin_users
from core.page_titles import readable_page_ids, title_for

from ..access import answers_visible_to, can_view_own_feedback, may_triage, works_on_pages
from ..models import FeedbackResponse, FeedbackState
from .reports import CommentsColumn, FeedbackPermissionMixin, period_bounds
from .triage_columns import RevisionColumn, StateColumn, decorate_responses


class OwnerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class OwnerFilter(django_filters.ModelChoiceFilter):
    field_class = OwnerChoiceField


class CommentFilterSet(WagtailFilterSet):
    """State, page (by title), the page's owner and a date range."""

    state = django_filters.ChoiceFilter(label="Status", choices=FeedbackState.choices, empty_label="Alla")
    page_title = django_filters.CharFilter(label="Sida", method="filter_page_title")
    owner = OwnerFilter(label="Sidans ägare", queryset=get_user_model().objects.none(), method="filter_owner")
    period = django_filters.DateFromToRangeFilter(label="Period", method="filter_period", widget=DateRangePickerWidget)

    class Meta:
        model = FeedbackResponse
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        # Editors' names are for those who work on pages, not for a Feedbackläsare.
        if request is not None and works_on_pages(request.user):
            self.filters["owner"].queryset = admin_users().order_by("first_name", "last_name", "username")
        else:
            del self.filters["owner"]

    def filter_page_title(self, queryset, name, value):
        pages = Page.objects.filter(title__icontains=value)
        if self.request is None or not works_on_pages(self.request.user):
            # Someone who may not edit pages may not find drafts or private pages by guessing their titles.
            pages = pages.live().public()
        return queryset.filter(page__in=pages.values("pk"))

    def filter_owner(self, queryset, name, value):
        return queryset.filter(page__owner=value)

    def filter_period(self, queryset, name, value):
        start, end = period_bounds(value)
        return queryset.between(start, end)


class FeedbackCommentsView(FeedbackPermissionMixin, ReportView):
    """Every comment, newest first, to be marked handled or spam, with a note for colleagues."""

    page_title = "Kommentarer"
    header_icon = "comment"
    index_url_name = "feedback_comments"
    index_results_url_name = "feedback_comments_results"
    filterset_class = CommentFilterSet
    default_ordering = "-created_at"
    export_filename = "kommentarer"
    verbose_name_plural = "kommentarer"
    list_export = ["created_at", "shown_title", "answer_label", "comment", "state_label", "note"]
    export_headings = {
        "created_at": "Tidpunkt",
        "shown_title": "Sida",
        "answer_label": "Svar",
        "comment": "Kommentar",
        "state_label": "Status",
        "note": "Anteckning",
    }

    @cached_property
    def columns(self):
        return [
            DateColumn("created_at", label="Tidpunkt", sort_key="created_at"),
            Column("shown_title", label="Sida", sort_key="page__title"),
            Column("answer_label", label="Svar", sort_key="helpful"),
            CommentsColumn("comment", label="Kommentar", accessor=lambda response: [response.comment]),
            StateColumn("state", label="Status", sort_key="state"),
            RevisionColumn("revision", label="Version"),
        ]

    def user_has_permission(self, permission):
        return can_view_own_feedback(self.request.user)

    def get_base_queryset(self):
        comments = FeedbackResponse.objects.with_comment().select_related("page", "revision")
        return answers_visible_to(self.request.user, comments)

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering or "-created_at", "-pk")

    def decorate_paginated_queryset(self, rows):
        responses = list(rows)
        readable = readable_page_ids(self.request.user, {response.page_id for response in responses})
        for response in responses:
            response.shown_title = title_for(response.page_id, response.page.title, readable)
        user = self.request.user
        return decorate_responses(user, responses, lambda response: may_triage(user, response.page.owner_id))
