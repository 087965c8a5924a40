"""Small public views of the ground floor."""

import logging
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from wagtail.models import Page, ReferenceIndex

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


def is_shown_publicly(person):
    """True if a live page outside every private section shows the person.

    Wagtail's reference index knows which pages point to the person (contact and speaker blocks
    alike); it is kept from each page's saved row, which for a live page is its published content.
    """
    page_ids = (
        ReferenceIndex.get_references_to(person)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().public().filter(pk__in=[int(pk) for pk in page_ids]).exists()


def person_vcard(request, pk):
    """A person's contact card as a vCard file, for the visitor's address book.

    Only for people a visitor can already see on a live public page: ids are sequential, and the
    register also holds people shown only on drafts and private pages.
    """
    person = get_object_or_404(Person, pk=pk)
    if not is_shown_publicly(person):
        raise Http404("Personen visas inte på någon publicerad sida.")
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
