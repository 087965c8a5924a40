"""Process-local copies of what a shared cache (Redis) holds for the current cache generation.

A value stored under a generation never changes: a change starts a new generation. So a worker
needs to fetch each such value from Redis only once per generation; afterwards it asks Redis only
for the generation token, once per request. With the local-memory cache there is nothing to copy.
"""

import pickle
import threading
from collections import OrderedDict

from django.conf import settings

from .generation import is_shared, page_cache

_MISSING = object()


class LocalCopies:
    """A small LRU of values for one generation; a new generation empties it."""

    def __init__(self, max_entries):
        self.max_entries = max_entries
        self.generation = None
        self.items = OrderedDict()
        self.lock = threading.Lock()

    def get(self, generation, key):
        with self.lock:
            if generation != self.generation:
                return _MISSING
            stored = self.items.get(key, _MISSING)
            if stored is not _MISSING:
                self.items.move_to_end(key)
            return stored

    def set(self, generation, key, stored):
        with self.lock:
            if generation != self.generation:
                self.generation = generation
                self.items.clear()
            self.items[key] = stored
            self.items.move_to_end(key)
            while len(self.items) > self.max_entries:
                self.items.popitem(last=False)


_copies = LocalCopies(getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", 1000))


def enabled():
    return is_shared(page_cache())


def get(generation, key, pickled=True):
    """The local copy of `key` for this generation, or MISSING. Pickled values come back as new
    objects each time, as from any cache, so one render cannot change what the next one sees."""
    if generation is None or not enabled():
        return _MISSING
    stored = _copies.get(generation, key)
    if stored is _MISSING or not pickled:
        return stored
    return pickle.loads(stored)


def keep(generation, key, value, pickled=True):
    if generation is None or not enabled():
        return
    _copies.set(generation, key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if pickled else value)


MISSING = _MISSING
