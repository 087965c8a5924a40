"""Security headers: the Content-Security-Policy (strict for visitors, relaxed for the admin)
and the Permissions-Policy; and the refusal of requests that are not UTF-8."""

import codecs
from urllib.parse import parse_qsl

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

ENCODING = "Texten har en ogiltig teckenkodning. Skicka den igen som UTF-8."
CHARSET = "Formuläret skickades med en teckenkodning som inte stöds. Skicka det igen som UTF-8."
MALFORMED = "Formuläret gick inte att läsa. Ladda om sidan och försök igen."
TOO_LARGE = "Det som skickades är för stort för att tas emot."
PREVIEW_FRAMING = {"frame-ancestors": ["'self'"]}
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin prefix, and the
    public policy framed by the admin for previews."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview through the middleware as a request to the page's public
        # address and marks it with the documented request.is_preview. The page keeps the
        # public policy, except that the admin's preview panel may frame it.
        if not report_only and parts.config is None and getattr(request, "is_preview", False):
            replace = {**(parts.replace or {}), **PREVIEW_FRAMING}
            return PolicyParts(update=parts.update, replace=replace, nonce=parts.nonce)
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


def is_utf8_query(raw):
    """True if a query string (or urlencoded body) is UTF-8, raw and percent-decoded alike."""
    try:
        parse_qsl(raw.decode("utf-8"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def wsgi_bytes(value):
    """The bytes a server received, from a WSGI string (PEP 3333 decodes them as Latin-1)."""
    try:
        return value.encode("iso-8859-1")
    except UnicodeEncodeError:  # not from a WSGI server: already text
        return value.encode("utf-8")


def request_problem(request):
    """What makes a request unreadable as UTF-8, as a Swedish message, or None if nothing does.

    Django would read such a request anyway, as Latin-1 or with replacement characters, and store
    mojibake; an unknown charset or a text-transform codec (charset=rot13) made it fail with 500.
    """
    if not is_utf8_query(wsgi_bytes(request.META.get("QUERY_STRING", ""))):
        return ENCODING
    if request.method != "POST" or request.content_type not in FORM_TYPES:
        return None
    charset = request.content_params.get("charset")
    if charset is not None:
        try:
            if codecs.lookup(charset).name not in {"utf-8", "ascii"}:
                return CHARSET
        except LookupError:
            return CHARSET
    try:
        if request.content_type == "application/x-www-form-urlencoded" and not is_utf8_query(request.body):
            return ENCODING
        # Django replaces bytes that are not UTF-8 in multipart fields with U+FFFD.
        if any("\ufffd" in text for key, values in request.POST.lists() for text in (key, *values)):
            return ENCODING
    except RequestDataTooBig:
        return TOO_LARGE
    except (MultiPartParserError, TooManyFieldsSent, TooManyFilesSent):
        return MALFORMED
    return None


class RequestEncodingMiddleware:
    """Answers 400 with a Swedish message to a public request whose query string or form is not
    UTF-8, names another charset, or cannot be parsed; no view sees it, so nothing is stored.

    (An address that is not UTF-8 finds no page: Django keeps such bytes percent-encoded, so 404.)

    The admin is left to Wagtail: its forms carry editors' text, JSON and uploads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = None if request.path.startswith(settings.ADMIN_URL_PREFIX) else request_problem(request)
        if problem is None:
            return self.get_response(request)
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": problem}, status=400)
        return render(request, "400.html", {"message": problem}, status=400)
