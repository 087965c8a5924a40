"""Admin wiring: the feedback reports, their menu item, the permissions, deleting an answer and a
summary on each page."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from core.admin_reports import register_report, report_urls

from .access import can_view_feedback, can_view_own_feedback, may_view_page_feedback
from .models import FeedbackResponse
from .views.reports import (
    FeedbackReportView,
    FeedbackResponseDeleteView,
    FeedbackResponseEditView,
    PageFeedbackReportView,
)
from .views.trend import PageTrendView
from .views.triage import FeedbackCommentsView

register_report(
    "reports/aterkoppling/", FeedbackReportView, menu_name="feedback", order=1300, is_allowed=can_view_feedback
)
register_report(
    "reports/kommentarer/",
    FeedbackCommentsView,
    menu_name="feedback-comments",
    order=1310,
    is_allowed=can_view_own_feedback,
)


@hooks.register("register_admin_urls")
def register_page_feedback_urls():
    """One page's answers and its helpfulness over time, reached from the reports and the page editor."""
    return [
        *report_urls("reports/aterkoppling/<int:page_id>/", PageFeedbackReportView, "feedback_page_report"),
        path("reports/aterkoppling/<int:page_id>/over-tid/", PageTrendView.as_view(), name="feedback_page_trend"),
    ]


class FeedbackResponseViewSet(ModelViewSet):
    """Triage (state and internal note) and deleting one answer from the reports, and where it is used;
    answers are never added in the admin, their answer and comment never changed, and they have no
    listing beyond the reports."""

    model = FeedbackResponse
    name = "feedback_responses"
    url_prefix = "aterkoppling-svar"
    icon = "comment"
    delete_view_class = FeedbackResponseDeleteView
    edit_view_class = FeedbackResponseEditView
    panels = [
        FieldPanel("page", read_only=True, heading="Sida"),
        FieldPanel("created_at", read_only=True),
        FieldPanel("helpful", read_only=True, heading="Svar"),
        FieldPanel("comment", read_only=True),
        FieldPanel("state"),
        FieldPanel("note"),
    ]
    inspect_view_enabled = False
    copy_view_enabled = False
    # An answer's link to its page needs no entry in Wagtail's reference index: the index would gain a
    # row per answer, and its delete signal would make deleting a page delete its answers one by one.
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        names = dict.fromkeys(["index_url_name", "index_results_url_name", "add_url_name", "history_url_name"])
        return super().get_common_view_kwargs(**{**names, **kwargs})

    def get_urlpatterns(self):
        return [
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
        ]

    def get_permissions_to_register(self):
        """Lets administrators give a group the right to read the feedback reports, to triage answers and to
        delete them."""
        return Permission.objects.filter(
            content_type__app_label="feedback",
            codename__in=["view_feedbackresponse", "change_feedbackresponse", "delete_feedbackresponse"],
        )


@hooks.register("register_admin_viewset")
def register_feedback_response_viewset():
    return FeedbackResponseViewSet()


class FeedbackSummaryMenuItem(PageMenuItem):
    """ "Återkoppling: 12 ja, 3 nej" in the page editor's header menu, leading to the page's answers."""

    icon_name = "comment"
    priority = 90

    def is_shown(self, user):
        return True  # decided below, per page


@hooks.register("register_page_header_buttons")
def feedback_summary_header_button(page, user, view_name, next_url=None):
    if view_name != "edit" or not may_view_page_feedback(user, page):
        return []
    counts = FeedbackResponse.objects.counted().filter(page=page).summary()
    label = f"Återkoppling: {counts['yes']} ja, {counts['no']} nej"
    if counts["share"] is not None:
        label += f" ({counts['share']:.0f}\u00a0% ja)"
    return [FeedbackSummaryMenuItem(label, reverse("feedback_page_report", args=[page.pk]), page=page)]
