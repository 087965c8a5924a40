"""Serves anonymous visitors' GET requests from the page cache and sets Cache-Control for a CDN.

It comes first in the middleware list, so a hit costs as little as possible. A page is stored with
every header the other middlewares gave it (security headers, CSP), so a hit answers exactly as
the fresh page did; requests over plain HTTP have their own keys and are never stored, so the
HTTPS redirect still happens. A page is stored gzipped, compressed once when it is stored: a
browser (every browser accepts gzip) gets a fifth to a seventh of the bytes, and a hit reads and
sends only those; the rare client without gzip gets them decompressed. Stored pages hold no secret
(no CSRF token, no cookie), so compressing them is safe from BREACH-style attacks.
"""

import gzip
import hashlib
import logging
import math
import re
import time
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string

from .boundaries import seconds_until_next_change
from .generation import current_generation, page_cache

logger = logging.getLogger(__name__)

# Forms with CSRF tokens, personal answers, files, health checks and the admin: never stored.
EXCLUDED_PREFIXES = ("/admin/", "/anmalan/", "/aterkoppling/", "/healthz", "/dokument/", "/media/", "/static/")
# Never replayed to another visitor.
UNSTORED_HEADERS = {"set-cookie"}
# The one query string that may be kept: a page number alone (`p=2`, not `p=02` or `p=2&x=1`) on the
# paths in PAGE_CACHE_PAGED_PATHS (the sitemap's sections), so there are no more keys than pages.
PAGE_NUMBER_QUERY = re.compile(r"p=[1-9][0-9]{0,5}")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# As Django's GZipMiddleware: shorter bodies are not worth compressing.
MIN_COMPRESSED_BYTES = 200


def _setting(name, default):
    return getattr(settings, name, default)


def is_campaign_parameter(name):
    """True for a parameter that only tells where a visitor came from (utm_source, fbclid, …)."""
    return name.startswith("utm_") or name in _setting("PAGE_CACHE_IGNORED_PARAMS", ())


def drop_campaign_parameters(request):
    """Remove campaign parameters from the request's query string.

    A newsletter's links all carry them, and a burst of visitors from one should be served from the
    page cache like any other visit. Nothing on the site reads them, and the page they get is the
    page without them (no address on it repeats them).
    """
    query_string = request.META.get("QUERY_STRING", "")
    if not query_string:
        return
    pieces = [piece for piece in query_string.split("&") if piece]
    kept = [piece for piece in pieces if not is_campaign_parameter(unquote_plus(piece.partition("=")[0]))]
    if len(kept) == len(pieces):
        return
    request.META["QUERY_STRING"] = "&".join(kept)
    request.__dict__.pop("GET", None)  # parsed lazily from QUERY_STRING; parse the new one


class PageCacheMiddleware:
    """Full-page cache for anonymous GETs without a query string; everything else passes through."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        drop_campaign_parameters(request)
        key = self.cache_key(request) if self.is_cacheable_request(request) else None
        if key is None:
            return self.mark_uncacheable(request, self.get_response(request))

        try:
            generation = current_generation()
            entry = page_cache().get(key)
        except Exception:  # noqa: BLE001 - a cache (or generation) that cannot answer: serve uncached
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.mark_uncacheable(request, self.get_response(request), public_ok=True)
        if self.is_fresh(entry, generation):
            return self.rebuild(entry, request)

        response = self.get_response(request)
        if not self.is_storable(request, response):
            return self.mark_uncacheable(request, response)
        lifetime = self.lifetime()
        # The same address answers gzipped or not, so a CDN must keep the two apart.
        patch_vary_headers(response, ("Accept-Encoding",))
        # Our Cache-Control is not stored: a hit gets one for the time its copy has left (see rebuild).
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
        gzipped = self.compressed(response)
        if lifetime >= 1:
            body, encoding = (response.content, "") if gzipped is None else (gzipped, "gzip")
            entry = (generation, time.time() + lifetime, response.status_code, headers, body, encoding)
            self.store(key, entry, lifetime)
        self.add_public_cache_control(response, lifetime)
        response["X-Page-Cache"] = "miss"
        if gzipped is not None and self.accepts_gzip(request):
            self.send_gzipped(response, gzipped)
        return response

    # Which requests and responses qualify.

    @staticmethod
    def is_cacheable_request(request):
        if not _setting("PAGE_CACHE_ENABLED", True) or request.method != "GET":
            return False
        if getattr(request, "is_preview", False):
            return False
        query_string = request.META.get("QUERY_STRING")
        if query_string and not PageCacheMiddleware.is_paged_document(request.path, query_string):
            return False
        if request.path.startswith(EXCLUDED_PREFIXES):
            return False
        # Editors (any session) and visitors with a pending message see personal pages;
        # the cookie alone tells, so a hit needs no database query.
        bypass_cookies = (settings.SESSION_COOKIE_NAME, "messages")
        return not any(name in request.COOKIES for name in bypass_cookies)

    @staticmethod
    def is_paged_document(path, query_string):
        """A later page of a paged document, such as a sitemap section's `?p=2`: as cacheable as its first."""
        paged = tuple(_setting("PAGE_CACHE_PAGED_PATHS", ()))
        return bool(paged) and path.startswith(paged) and PAGE_NUMBER_QUERY.fullmatch(query_string) is not None

    @staticmethod
    def is_storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "is_preview", False):
            return False
        # "Vary: Cookie" alone is fine: the request had no session cookie, so the page is the same for
        # every such visitor; a CSRF token or a message would have set a cookie, and that we refuse.
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def cache_key(request):
        try:
            host = request.get_host()
        except Exception:  # noqa: BLE001 - a disallowed host: let Django answer it uncached
            return None
        raw = f"{request.scheme}://{host}{request.path}"
        if request.META.get("QUERY_STRING"):  # a page number (is_cacheable_request allows nothing else)
            raw += "?" + request.META["QUERY_STRING"]
        return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def lifetime():
        """Seconds a page may be kept: PAGE_CACHE_SECONDS, or less when something changes by the clock
        sooner (a notice, an event's state, a registration deadline); 0 when that cannot be told."""
        keep = _setting("PAGE_CACHE_SECONDS", 600)
        try:
            until_change = seconds_until_next_change()
        except Exception:  # noqa: BLE001 - without the answer, store nothing rather than risk a stale page
            logger.warning("Could not tell when pages next change by the clock; storing nothing", exc_info=True)
            return 0
        return keep if until_change is None else min(keep, until_change)

    # Headers.

    @staticmethod
    def add_public_cache_control(response, lifetime):
        """A CDN may keep the page, and serve it stale while it asks again, but never past `lifetime`."""
        if "Cache-Control" in response:
            return
        whole = max(0, math.floor(lifetime))
        shared = min(_setting("PAGE_CACHE_CDN_SECONDS", 60), whole)
        stale = min(_setting("PAGE_CACHE_STALE_SECONDS", 30), whole - shared) if shared else 0
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared, stale_while_revalidate=stale)

    @staticmethod
    def mark_uncacheable(request, response, public_ok=False):
        """POST answers get no-store, everything else we did not store is private (unless it says otherwise)."""
        if "Cache-Control" in response:
            return response
        if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
            patch_cache_control(response, private=True, no_store=True)
        elif public_ok and PageCacheMiddleware.is_storable(request, response):
            # Our cache is down, but the page itself is public.
            PageCacheMiddleware.add_public_cache_control(response, PageCacheMiddleware.lifetime())
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    # Compression.

    @staticmethod
    def accepts_gzip(request):
        return ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None

    @staticmethod
    def compressed(response):
        """The body gzipped, or None where that does not pay (short, already encoded, no smaller)."""
        if len(response.content) < MIN_COMPRESSED_BYTES or response.has_header("Content-Encoding"):
            return None
        gzipped = compress_string(response.content)
        return gzipped if len(gzipped) < len(response.content) else None

    @staticmethod
    def send_gzipped(response, gzipped):
        response.content = gzipped
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(gzipped))

    # Storage. An entry is (generation, expires at, status, headers, body, "gzip" or "" for a plain body).

    @staticmethod
    def is_fresh(entry, generation):
        # An entry of another shape (stored by an earlier version) is a miss, never an error.
        if not isinstance(entry, tuple) or len(entry) != 6 or entry[5] not in ("", "gzip"):
            return False
        return entry[0] == generation and time.time() < entry[1]

    @staticmethod
    def store(key, entry, lifetime):
        try:
            page_cache().set(key, entry, math.ceil(lifetime))
        except Exception:  # noqa: BLE001
            logger.warning("Could not store a page in the page cache", exc_info=True)

    @staticmethod
    def rebuild(entry, request):
        _generation, expires_at, status, headers, body, encoding = entry
        gzipped = encoding == "gzip" and PageCacheMiddleware.accepts_gzip(request)
        if encoding == "gzip" and not gzipped:
            body = gzip.decompress(body)
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        if gzipped:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(body))
        # A CDN may keep the copy only as long as it has left here: never past the next clock moment.
        PageCacheMiddleware.add_public_cache_control(response, max(0.0, expires_at - time.time()))
        response["X-Page-Cache"] = "hit"
        return response
