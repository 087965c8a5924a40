"""Template context shared by every page, without touching the database."""

import logging

from django.conf import settings
from django.utils.functional import lazy

from core.caching import current_generation

logger = logging.getLogger(__name__)


def site_name(request):
    """The site's name from settings, so error pages can show it without a database."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}


def _generation_or_none():
    try:
        return current_generation() or ""
    except Exception:  # noqa: BLE001 - the cache is down: fragments are rendered, not stored
        logger.warning("Cache unavailable for the cache generation", exc_info=True)
        return ""


def cache_generation(request):
    """The page cache generation, read only when a template's `{% cache %}` fragment asks for it.

    Fragments every page shows (footer, Kontakt) vary on it, so a change to their settings or
    linked pages, which starts a new generation, shows at once.
    """
    return {"CACHE_GENERATION": lazy(_generation_or_none, str)()}
