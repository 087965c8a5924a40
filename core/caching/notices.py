"""Site notices from the per-generation memo: every page shows them, and they change only when an
editor saves one (a new generation) or when a display window opens or closes (checked per render)."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .memo import per_generation


def _unfinished_notices():
    from core.models import SiteNotice

    def load():
        # Notices whose window has not closed yet; windows opening later are kept for when they do.
        now = timezone.now()
        notices = list(SiteNotice.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)))
        # Each link's address (its page's, else the external one) is worked out here, once for the
        # generation (moving or renaming a page starts a new one), so a render neither resolves it
        # nor unpickles the linked page.
        linked = Page.objects.filter(pk__in={notice.link_page_id for notice in notices if notice.link_page_id})
        addresses = {page.pk: page.url for page in linked.only("url_path")}
        for notice in notices:
            notice.link_address = addresses.get(notice.link_page_id, "") if notice.link_page_id else notice.link_url
        return notices

    return per_generation("site-notices", load)


def active_notices(at=None):
    """The notices whose display window includes `at` (now by default), in the model's order."""
    at = at or timezone.now()
    return [notice for notice in _unfinished_notices() if notice.is_active(at)]


def next_notice_boundary(now):
    """Seconds until the next site notice starts or ends (None if none will), so it shows on time."""
    moments = [
        moment
        for notice in _unfinished_notices()
        for moment in (notice.starts_at, notice.ends_at)
        if moment is not None and moment > now
    ]
    if not moments:
        return None
    return max(1, int((min(moments) - now).total_seconds()))
