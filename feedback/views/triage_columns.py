"""Table columns shared by the comment list and a page's answers: triage state and the page version."""

from django.urls import reverse
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.pages import PagePermissionPolicy


class StateColumn(Column):
    """The state and note, with a link to change them for those who may."""

    cell_template_name = "feedback/admin/state_cell.html"


class RevisionColumn(Column):
    """The page version the visitor saw, linked to Wagtail's comparison with the live version."""

    cell_template_name = "feedback/admin/revision_cell.html"


def compare_url(response):
    """Wagtail's comparison of the version the visitor saw with the live one, unless they are the same."""
    if not response.revision_id or response.revision_id == response.page.live_revision_id:
        return ""
    return reverse("wagtailadmin_pages:revisions_compare", args=[response.page_id, str(response.revision_id), "live"])


def decorate_responses(user, responses, may_change):
    """`may_change` is a bool for all the responses or a function of one response."""
    # Adds the links to change an answer's state and to compare its version; one query for the pages the
    # user may edit (Wagtail's comparison is for them only).
    page_ids = {response.page_id for response in responses}
    editable = set(
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(pk__in=page_ids)
        .values_list("pk", flat=True)
    )
    for response in responses:
        response.state_label = response.get_state_display()
        allowed = may_change(response) if callable(may_change) else may_change
        response.edit_url = reverse("feedback_responses:edit", args=[response.pk]) if allowed else ""
        response.compare_url = compare_url(response) if response.page_id in editable else ""
    return responses
