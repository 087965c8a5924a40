"""Site notices from the per-generation memo: every page shows them, and they change only when an
editor saves one (a new generation) or when a display window opens or closes (checked per render)."""

from django.db.models import Q
from django.utils import timezone

from .memo import per_generation


def _unfinished_notices():
    from core.models import SiteNotice

    def load():
        # Notices whose window has not closed yet; windows opening later are kept for when they do.
        now = timezone.now()
        return list(SiteNotice.objects.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now)).select_related("link_page"))

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
