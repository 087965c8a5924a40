"""Guards of the public endpoint that replace a CSRF token: same-origin check and rate limit.

Pages with the widget may be served from a shared cache, so their HTML cannot carry a per-visitor
CSRF token. docs/feedback.md explains why these checks suffice for an anonymous yes/no answer.
"""

from urllib.parse import urlsplit

from django.conf import settings

from core.rate_limits import RateLimit


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


def feedback_rate_limit():
    """The widget's limit: FEEDBACK_RATE_LIMIT posts per client in any FEEDBACK_RATE_WINDOW seconds."""
    return RateLimit("feedback", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)
