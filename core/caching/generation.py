"""The site-wide page cache generation: a random token that changes whenever content changes.

With a shared cache (Redis) the token lives in the cache, so every app server sees a bump at once.
Local memory is private to one process, so there the token lives in a small file instead, which
all the workers of one server read (a file read costs microseconds and no database query).
"""

import contextlib
import contextvars
import hashlib
import logging
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

# The token as this request first read it: memos read it a dozen times per render.
_request_scope = contextvars.ContextVar("page_cache_request_scope", default=None)


@contextlib.contextmanager
def request_scope():
    """Within it, the generation is read once (a bump made inside it is seen at once)."""
    token = _request_scope.set({})
    try:
        yield
    finally:
        _request_scope.reset(token)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _is_process_local(cache):
    return isinstance(cache, LocMemCache | DummyCache)


def is_shared(cache):
    """True for a cache that several processes share (Redis), False for local memory."""
    return not _is_process_local(cache)


def stamp_file():
    """Where process-local caches keep the generation: PAGE_CACHE_STAMP_FILE, else one per database."""
    configured = getattr(settings, "PAGE_CACHE_STAMP_FILE", "")
    if configured:
        return Path(configured)
    db = connection.settings_dict
    identity = f"{settings.BASE_DIR}|{db.get('HOST', '')}|{db.get('PORT', '')}|{db.get('NAME', '')}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"website-page-cache-{digest}.stamp"


def _new_token():
    return uuid.uuid4().hex


def _write_stamp(path, token):
    # Write then rename, so a reader never sees half a token.
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}")
    tmp.write_text(token)
    os.replace(tmp, path)


def current_generation():
    """The current generation token; raises the cache backend's errors (the caller logs them)."""
    scope = _request_scope.get()
    if scope is not None and "token" in scope:
        return scope["token"]
    token = _read_generation()
    if scope is not None and token is not None:
        scope["token"] = token
    return token


def _read_generation():
    cache = page_cache()
    if _is_process_local(cache):
        path = stamp_file()
        try:
            token = path.read_text().strip()
        except FileNotFoundError:
            token = ""
        if not token:
            token = _new_token()
            _write_stamp(path, token)
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        # A fresh token, never None: entries stored before an eviction can then never match again.
        cache.add(GENERATION_KEY, _new_token(), None)
        token = cache.get(GENERATION_KEY)
    return token


def bump_generation(*_args, **_kwargs):
    """Start a new generation: every stored page is stale from now on. Never raises."""
    cache = page_cache()
    token = _new_token()
    scope = _request_scope.get()
    if scope is not None:
        scope.pop("token", None)
    try:
        if _is_process_local(cache):
            _write_stamp(stamp_file(), token)
        else:
            cache.set(GENERATION_KEY, token, None)
    except Exception:  # noqa: BLE001 - a cache outage must not stop an editor from publishing
        logger.warning("Could not bump the page cache generation; cached pages may be stale", exc_info=True)
