"""The log behind the sliding-window rate limits of public forms (core/rate_limits.py)."""

from django.db import models


class RateLimitHitQuerySet(models.QuerySet):
    def in_window(self, scope, client_key, since):
        """One client's hits on one limit that still count: those after `since`."""
        # No upper bound: a hit stamped a moment ahead by another server's clock counts as well.
        return self.filter(scope=scope, client_key=client_key, at__gt=since)

    def expired(self, scope, since):
        """Hits on one limit that no longer count for anyone."""
        return self.filter(scope=scope, at__lte=since)


class RateLimitHit(models.Model):
    """One request let through a rate limit: which limit, an unlinkable daily client key and when.

    No IP address is stored; the key is an HMAC that cannot be matched with another day's key.
    """

    # Written only by core.rate_limits, never in the admin: hence not editable.
    scope = models.CharField("begränsning", max_length=50, editable=False)
    client_key = models.CharField("klientnyckel", max_length=64, editable=False)
    at = models.DateTimeField("tidpunkt", editable=False)

    objects = RateLimitHitQuerySet.as_manager()

    class Meta:
        verbose_name = "träff mot en hastighetsbegränsning"
        verbose_name_plural = "träffar mot hastighetsbegränsningar"
        indexes = [
            # Counting one client's hits in the window (every limited request).
            models.Index(fields=["scope", "client_key", "at"], name="core_ratelimit_client_idx"),
            # Purging the expired hits of a limit (now and then).
            models.Index(fields=["scope", "at"], name="core_ratelimit_expiry_idx"),
        ]

    def __str__(self):
        return f"{self.scope} {self.at:%Y-%m-%d %H:%M:%S}"
