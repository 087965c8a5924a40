"""Site-wide values that change only with content, kept in the cache until the next generation."""

import logging

from django.conf import settings

from .generation import current_generation, page_cache

logger = logging.getLogger(__name__)

_MISSING = object()


def per_generation(name, compute):
    """compute() once per cache generation: any publish, move or snippet change starts a new one.

    For the pieces every page shows (menu, feed links), so an uncached render needs fewer queries.
    """
    try:
        key = f"pagecache:memo:{name}:{current_generation()}"
        value = page_cache().get(key, _MISSING)
    except Exception:  # noqa: BLE001 - without a cache, just compute
        logger.warning("Cache unavailable for %s", name, exc_info=True)
        return compute()
    if value is not _MISSING:
        return value
    value = compute()
    try:
        page_cache().set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 600))
    except Exception:  # noqa: BLE001
        logger.warning("Could not cache %s", name, exc_info=True)
    return value
