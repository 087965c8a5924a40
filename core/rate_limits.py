"""Sliding-window rate limits for public forms, counted in the database so they hold across workers.

Each limit has a scope ("feedback", "registrations"). A request first logs its hit (one row, in
autocommit) and then counts the client's rows in the window. Because every hit is committed before
its count, the k-th of any number of concurrent hits sees at least k rows, so no more than the
limit can ever be let through. Refused hits are deleted again: they do not count, so a client that
waits for Retry-After gets in. Nothing is kept in the cache, so a Redis outage does not touch this.

The hit must not run inside a long transaction (the count of others would miss it): ATOMIC_REQUESTS
is off, and tests/core/test_rate_limits.py holds it there.
"""

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Count, Min
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.clients import client_address
from core.models import RateLimitHit

# One hit in this many also deletes its limit's expired rows, so the log stays as small as the
# window's traffic without a purge command; a client's own count ignores expired rows anyway.
PURGE_EVERY = 50


def client_key(request):
    """An unlinkable key for the client: an HMAC of the address with a salt that changes every day.

    The salt is derived from SECRET_KEY and today's date, so it is secret, never stored, and yesterday's
    keys cannot be matched with today's. The address itself is never stored.
    """
    salt = f"core.rate-limit.{timezone.localdate().isoformat()}"
    return salted_hmac(salt, client_address(request)).hexdigest()


@dataclass(frozen=True)
class Verdict:
    """Whether a request may go ahead and, if not, how many seconds to wait (for Retry-After)."""

    allowed: bool
    retry_after: int = 0


class RateLimit:
    """At most `limit` requests per client in any `window` seconds, counted apart for each scope."""

    def __init__(self, scope, limit, window):
        self.scope = scope
        self.limit = limit
        self.window = dt.timedelta(seconds=window)

    def hit(self, request):
        """Log one request from this client and say whether it is within the limit."""
        now = timezone.now()
        key = client_key(request)
        hit = RateLimitHit.objects.create(scope=self.scope, client_key=key, at=now)
        since = now - self.window
        counted = RateLimitHit.objects.in_window(self.scope, key, since).aggregate(hits=Count("pk"), oldest=Min("at"))
        if hit.pk % PURGE_EVERY == 0:
            RateLimitHit.objects.expired(self.scope, since).delete()
        if counted["hits"] <= self.limit:
            return Verdict(allowed=True)
        hit.delete()
        # The client may come back when the oldest hit in the window has left it.
        wait = (counted["oldest"] + self.window - now).total_seconds()
        return Verdict(allowed=False, retry_after=max(1, math.ceil(wait)))
