"""Guards of the public endpoint that replace a CSRF token: same-origin check and rate limit.

Pages with the widget may be served from a shared cache, so their HTML cannot carry a per-visitor
CSRF token. docs/feedback.md explains why these checks suffice for an anonymous yes/no answer.
"""

from django.conf import settings

from core.origins import is_same_origin, request_origin
from core.rate_limits import RateLimit

__all__ = ["feedback_rate_limit", "is_same_origin", "request_origin"]


def feedback_rate_limit():
    """The widget's limit: FEEDBACK_RATE_LIMIT posts per client in any FEEDBACK_RATE_WINDOW seconds."""
    return RateLimit("feedback", settings.FEEDBACK_RATE_LIMIT, settings.FEEDBACK_RATE_WINDOW)
