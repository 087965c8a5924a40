"""The same-origin check that replaces a CSRF token on forms that cached pages carry.

Pages served from a shared cache cannot hold a per-visitor CSRF token, so their public endpoints
(feedback, topic alerts) are csrf_exempt and accept a POST only when the browser says it comes from
this site. docs/feedback.md explains why this suffices.
"""

from urllib.parse import urlsplit

from django.conf import settings


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
