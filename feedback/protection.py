"""Guards of the public endpoint that replace a CSRF token: same-origin check and rate limit.

Pages with the widget may be served from a shared cache, so their HTML cannot carry a per-visitor
CSRF token. docs/feedback.md explains why these checks suffice for an anonymous yes/no answer.
"""

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac


def request_origin(request):
    """The scheme and host this request was addressed to, as a browser writes an Origin header."""
    return f"{request.scheme}://{request.get_host()}"


def is_same_origin(request):
    """True if the browser says the POST comes from a page of this site.

    Sec-Fetch-Site "cross-site" is refused outright; otherwise Origin must match, or Referer when a
    browser leaves Origin out. A request with neither is refused: every current browser sends one.
    """
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return False
    allowed = {request_origin(request), *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in allowed
    referer = request.headers.get("Referer")
    if not referer:
        return False
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}" in allowed


def client_address(request):
    """The visitor's IP address, taking as many X-Forwarded-For hops as there are trusted proxies."""
    proxies = settings.FEEDBACK_TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """An unlinkable key for the client: an HMAC of the address with a salt that changes every day.

    The salt is derived from SECRET_KEY and today's date, so it is secret, never stored, and yesterday's
    keys cannot be matched with today's. The key lives only in the cache, never in the database.
    """
    salt = f"feedback.rate-limit.{timezone.localdate().isoformat()}"
    return salted_hmac(salt, client_address(request)).hexdigest()


class RateLimit:
    """A fixed-window counter per client held in Django's cache (shared when the cache is Redis)."""

    def __init__(self, limit=None, window=None):
        self.limit = limit if limit is not None else settings.FEEDBACK_RATE_LIMIT
        self.window = window if window is not None else settings.FEEDBACK_RATE_WINDOW

    def _cache_key(self, request):
        bucket = int(time.time() // self.window)
        return f"feedback:rate:{client_key(request)}:{bucket}"

    def retry_after(self):
        """Seconds until the current window ends."""
        return int(self.window - time.time() % self.window) + 1

    def hit(self, request):
        """Count one submission; False once the client has used up its submissions in this window."""
        key = self._cache_key(request)
        # add() is a no-op when the key exists, so concurrent first hits don't reset each other.
        cache.add(key, 0, timeout=self.window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.add(key, 1, timeout=self.window + 1)
            count = 1
        return count <= self.limit
