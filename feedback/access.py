"""Who reads and triages which answers: the feedback permissions cover every page; without them, a user
who works on pages reads and triages the answers to the pages they own (Wagtail's page owner)."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import FeedbackResponse

feedback_permission_policy = ModelPermissionPolicy(FeedbackResponse)


def can_view_feedback(user):
    """May read the answers to every page (the feedback report)."""
    return feedback_permission_policy.user_has_permission(user, "view")


def can_triage_all(user):
    return feedback_permission_policy.user_has_permission(user, "change")


def works_on_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


def can_view_own_feedback(user):
    """May read at least the answers to the pages they own."""
    return can_view_feedback(user) or works_on_pages(user)


def answers_visible_to(user, queryset):
    """The answers among `queryset` this user may read."""
    return queryset if can_view_feedback(user) else queryset.filter(page__owner=user)


def may_view_page_feedback(user, page):
    return can_view_feedback(user) or (page.owner_id == user.pk and works_on_pages(user))


def may_triage(user, response_page_owner_id):
    return can_triage_all(user) or (response_page_owner_id == user.pk and works_on_pages(user))
