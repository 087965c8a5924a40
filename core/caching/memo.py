"""Site-wide values that change only with content, kept in the cache until the next generation."""

import logging

from django.conf import settings
from django.db.models import QuerySet

from . import local
from .generation import current_generation, page_cache

logger = logging.getLogger(__name__)


def per_generation(name, compute, keep=None):
    """compute() once per cache generation: any publish, move or snippet change starts a new one.

    For the pieces every page shows (menu, feed links), so an uncached render needs fewer queries.
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


def objects_by_id(model, ids):
    """`model.objects.in_bulk(ids)` through the cache: each object is kept for the generation.

    For snippets that blocks choose (people), which every save of one starts a new generation for.
    """
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    try:
        generation = current_generation()
        keys = {pk: f"pagecache:object:{model._meta.label_lower}:{pk}:{generation}" for pk in wanted}
        objects = {}
        for pk, key in keys.items():
            value = local.get(generation, key)
            if value is not local.MISSING:
                objects[pk] = value
        unknown = [key for pk, key in keys.items() if pk not in objects]
        found = page_cache().get_many(unknown) if unknown else {}
    except Exception:  # noqa: BLE001 - without a cache, read them all
        logger.warning("Cache unavailable for %s", model._meta.label, exc_info=True)
        return model.objects.in_bulk(wanted)
    for pk, key in keys.items():
        if key in found:
            objects[pk] = found[key]
            local.keep(generation, key, found[key])
    missing = wanted - objects.keys()
    if missing:
        fetched = model.objects.in_bulk(missing)
        objects.update(fetched)
        try:
            page_cache().set_many(
                {keys[pk]: obj for pk, obj in fetched.items()}, getattr(settings, "PAGE_CACHE_SECONDS", 600)
            )
            for pk, obj in fetched.items():
                local.keep(generation, keys[pk], obj)
        except Exception:  # noqa: BLE001
            logger.warning("Could not cache %s", model._meta.label, exc_info=True)
    return objects


def related_for_generation(page, name):
    """`list(page.<name>.all())` for a many-to-many field, kept for the generation.

    A preview's page holds its relations in memory (modelcluster), so they are read as they are.
    """
    objects = getattr(page, name).all()
    if page.pk is None or not isinstance(objects, QuerySet):
        return list(objects)
    return per_generation(f"related:{page._meta.label_lower}:{page.pk}:{name}", lambda: list(objects))
