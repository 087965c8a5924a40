"""Page titles in the admin's reports and dashboard panels: only those the reader may see.

A user who may edit a page reads its title; anyone else (a Feedbackläsare, say) only the titles
of live pages outside every private section, which any visitor can read anyway. Drafts, private
pages and unpublished ones show as HIDDEN_TITLE.
"""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

HIDDEN_TITLE = "Opublicerad eller skyddad sida"


def readable_page_ids(user, page_ids):
    """The ids among `page_ids` of the pages whose titles `user` may read: one query for the private
    sections (Wagtail's `public()` reads them) and one for the pages."""
    ids = set(page_ids)
    if not ids:
        return set()
    public = Page.objects.live().public().filter(pk__in=ids)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change").filter(pk__in=ids)
    readable = Page.objects.filter(Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk")))
    return set(readable.values_list("pk", flat=True))


def title_for(page_id, title, readable_ids):
    """The title to show for a page, given the ids `readable_page_ids` returned."""
    return title if page_id in readable_ids else HIDDEN_TITLE
