"""The cache generation for templates' `{% cache %}` fragments."""

import logging
import uuid

from django.utils.functional import SimpleLazyObject

from .generation import current_generation

logger = logging.getLogger(__name__)


def _generation_or_unique():
    # Unknown when the database cannot tell: then a key of its own, so no fragment is reused.
    try:
        return current_generation()
    except Exception:  # noqa: BLE001
        logger.warning("Could not read the cache generation", exc_info=True)
        return f"unknown-{uuid.uuid4().hex}"


def cache_generation(request):
    """CACHE_GENERATION, read only when a fragment asks for it.

    Fragments every page shows (footer, Kontakt, menu) vary on it, so a change to what they show,
    which starts a new generation, shows at once. Read once per request, so all fragments of a page
    belong to one generation, and a page of twenty fragments asks for it once, not twenty times.
    """
    return {"CACHE_GENERATION": SimpleLazyObject(_generation_or_unique)}
