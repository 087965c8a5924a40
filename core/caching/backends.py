"""A Redis cache that degrades to "no cache" while Redis is unreachable, instead of failing requests.

Wagtail and the page cache read the default cache on every request; with Django's plain RedisCache
one Redis outage would turn every page into a 500. Every method behaves as on an empty cache.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failure, skip Redis for this long rather than wait for it on every call (the cache's
# RETRY_AFTER_SECONDS overrides it).
RETRY_AFTER_SECONDS = 5.0


class _Missing(Exception):
    """Raised in place of a return value where an empty cache raises (incr of a missing key)."""


def _resilient(default=None, *, default_arg=None):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            fallback = default
            if default_arg is not None:
                fallback = kwargs.get(default_arg, args[1] if len(args) > 1 else default)
            if time.monotonic() < self._down_until:
                return _answer(fallback)
            try:
                return method(self, *args, **kwargs)
            except RedisError:
                self._down_until = time.monotonic() + self._retry_after
                logger.warning("Redis cache unreachable; going on without it", exc_info=True)
                return _answer(fallback)

        return wrapper

    return decorate


def _answer(fallback):
    if fallback is _Missing:
        # What Django's caches raise for incr() of a key they do not hold.
        raise ValueError("Key not found: the cache is unreachable")
    return fallback


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; on a Redis error it logs a warning and behaves like an empty cache."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._retry_after = float(params.get("RETRY_AFTER_SECONDS", RETRY_AFTER_SECONDS))

    add = _resilient(False)(RedisCache.add)
    get = _resilient(default_arg="default")(RedisCache.get)
    set = _resilient(None)(RedisCache.set)
    touch = _resilient(False)(RedisCache.touch)
    delete = _resilient(False)(RedisCache.delete)
    get_many = _resilient({})(RedisCache.get_many)
    has_key = _resilient(False)(RedisCache.has_key)
    incr = _resilient(_Missing)(RedisCache.incr)  # decr() goes through incr()
    set_many = _resilient([])(RedisCache.set_many)
    delete_many = _resilient(None)(RedisCache.delete_many)
    clear = _resilient(False)(RedisCache.clear)

    @property
    def unavailable(self):
        return time.monotonic() < self._down_until
