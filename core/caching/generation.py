"""The site-wide page cache generation: a random token that changes whenever content changes.

The token lives in the database, the one service a page cannot do without, so a change is never
lost with the cache: a bump is written in the same transaction as the change it announces, and a
Redis outage cannot swallow it. Each thread reads the token at most once every
PAGE_CACHE_GENERATION_SECONDS (one second), so a cache hit needs no query, and every app server
sees a change within that bound.
"""

import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from core.models import PageCacheGeneration

logger = logging.getLogger(__name__)

ROW_ID = 1

# Per thread, not per process: a thread inside an editor's transaction sees the new token at once,
# while other threads go on with the committed one until the commit.
_seen = threading.local()


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _new_token():
    return uuid.uuid4().hex


def _remember(token):
    _seen.token = token
    _seen.read_at = time.monotonic()


def current_generation():
    """The current token, read from the database at most once per PAGE_CACHE_GENERATION_SECONDS."""
    max_age = getattr(settings, "PAGE_CACHE_GENERATION_SECONDS", 1.0)
    token = getattr(_seen, "token", None)
    if token is not None and time.monotonic() - _seen.read_at < max_age:
        return token
    token = PageCacheGeneration.objects.get_or_create(pk=ROW_ID, defaults={"token": _new_token()})[0].token
    _remember(token)
    return token


def _write_new_token():
    token = _new_token()
    PageCacheGeneration.objects.update_or_create(pk=ROW_ID, defaults={"token": token})
    _remember(token)


def _write_after_commit():
    try:
        _write_new_token()
    except Exception:  # noqa: BLE001 - the change itself is committed and its bump with it
        logger.warning("Could not start a second page cache generation after a commit", exc_info=True)


def bump_generation(*_args, **_kwargs):
    """Start a new generation: every stored page is stale from now on.

    Written inside the current transaction, so the bump commits or rolls back with the change. A
    second bump after the commit retires anything another thread rendered from the old data
    while the transaction was open.
    """
    _write_new_token()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_write_after_commit)
