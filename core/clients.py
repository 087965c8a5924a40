"""Who the client is: one rule for every rate limit and for django-axes, set by TRUSTED_PROXY_COUNT."""

from django.conf import settings


def client_address(request):
    """The visitor's IP address, as seen by the outermost of the TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it was reached from to X-Forwarded-For, so the client is
    the hop that many places from the end; whatever a client wrote into the header itself comes
    earlier and is ignored. With no trusted proxies (or a request that bypassed them and carries
    fewer hops) the client is REMOTE_ADDR. The address is only ever used, never stored.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
