"""Site-wide values that change only with content, kept in the cache until the next generation.

Only core/caching/notices.py still uses it; pages, blocks and template tags read plainly, and
templates cache repeated chrome as fragments keyed on the generation.
"""

import logging

from django.conf import settings

from . import local
from .generation import current_generation, page_cache

logger = logging.getLogger(__name__)


def per_generation(name, compute, keep=None):
    """compute() once per cache generation: any publish, move or snippet change starts a new one.

    For the site notices every page shows, so an uncached render needs fewer queries.
    `keep(value)` false leaves that value out of the cache.
    """
    try:
        generation = current_generation()
        key = f"pagecache:memo:{name}:{generation}"
        value = local.get(generation, key)
        if value is not local.MISSING:
            return value
        value = page_cache().get(key, local.MISSING)
    except Exception:  # noqa: BLE001 - without a cache, just compute
        logger.warning("Cache unavailable for %s", name, exc_info=True)
        return compute()
    if value is not local.MISSING:
        local.keep(generation, key, value)
        return value
    value = compute()
    if keep is not None and not keep(value):
        return value
    try:
        page_cache().set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 600))
        local.keep(generation, key, value)
    except Exception:  # noqa: BLE001
        logger.warning("Could not cache %s", name, exc_info=True)
    return value
