"""Small public views of the ground floor."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache

from core.models import Person

logger = logging.getLogger(__name__)


def _vcard_escape(value):
    """Escape a vCard 3.0 text value (RFC 2426, section 4)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def person_vcard(request, pk):
    """A person's contact card as a vCard file, for the visitor's address book."""
    person = get_object_or_404(Person, pk=pk)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_escape(person.name)}",
        f"N:{_vcard_escape(person.name)};;;;",
    ]
    if person.organisation:
        lines.append(f"ORG:{_vcard_escape(person.organisation)}")
    if person.role:
        lines.append(f"TITLE:{_vcard_escape(person.role)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_escape(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(person.phone)}")
    lines.append("END:VCARD")
    response = HttpResponse("\r\n".join(lines) + "\r\n", content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kontakt-{person.pk}.vcf"'
    return response


@never_cache
def healthz(request):
    """For load balancers: 503 only when the database fails, which makes a server useless.

    A cache that does not answer only slows pages down (they render uncached), so the server stays
    in service: 200, with "degraded" true and the cache marked "fel".
    """
    checks = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        logger.exception("health check: database unavailable")
        checks["database"] = "fel"
    try:
        key = f"healthz:{uuid.uuid4().hex}"
        cache.set(key, "1", 10)
        if cache.get(key) != "1":
            raise RuntimeError("cache did not return the value just written")
        cache.delete(key)
    except Exception:  # noqa: BLE001
        logger.warning("health check: cache unavailable", exc_info=True)
        checks["cache"] = "fel"
    healthy = checks["database"] == "ok"
    degraded = checks["cache"] != "ok"
    status = "fel" if not healthy else "begränsad" if degraded else "ok"
    return JsonResponse({"status": status, "degraded": degraded, **checks}, status=200 if healthy else 503)
