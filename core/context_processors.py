"""Template context shared by every page, without touching the database."""

import logging
import uuid

from django.conf import settings
from django.utils.functional import lazy

from core.caching import current_generation

logger = logging.getLogger(__name__)


def site_name(request):
    """The site's name from settings, so error pages can show it without a database."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}


def _generation_or_unique():
    # Unknown while the cache is down: then a key of its own, so no fragment is reused.
    try:
        generation = current_generation()
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable for the cache generation", exc_info=True)
        generation = None
    return generation or f"unknown-{uuid.uuid4().hex}"


def cache_generation(request):
    """The page cache generation, read only when a template's `{% cache %}` fragment asks for it.

    Fragments every page shows (footer, Kontakt) vary on it, so a change to their settings or
    linked pages, which starts a new generation, shows at once.
    """
    return {"CACHE_GENERATION": lazy(_generation_or_unique, str)()}
