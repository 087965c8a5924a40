"""Security headers: the Content-Security-Policy (strict for visitors, relaxed for the admin)
and the Permissions-Policy."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin prefix."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path.startswith(settings.ADMIN_URL_PREFIX):
            admin_directives = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            return PolicyParts(config=admin_directives, update=parts.update, replace=parts.replace, nonce=parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    """Switches off browser features the site never uses (camera, microphone, location…)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
