"""Small public views of the ground floor."""

import logging
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from wagtail.models import Page, ReferenceIndex

from core.models import Person
from core.text import single_line

logger = logging.getLogger(__name__)


def vcard_text(value):
    """A vCard 3.0 text value (RFC 2426, section 4) that stays on its line, whatever was stored."""
    return single_line(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def fold(line, limit=75):
    """A content line folded after at most 75 octets (RFC 2426, section 2.6), never inside a character."""
    pieces, piece = [], ""
    for char in line:
        if len((piece + char).encode()) > limit:
            pieces.append(piece)
            # A continuation line starts with a space, which counts towards its 75 octets.
            piece, limit = char, 74
        else:
            piece += char
    return "\r\n ".join([*pieces, piece])


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
        f"FN:{vcard_text(person.name)}",
        f"N:{vcard_text(person.name)};;;;",
    ]
    if vcard_text(person.organisation):
        lines.append(f"ORG:{vcard_text(person.organisation)}")
    if vcard_text(person.role):
        lines.append(f"TITLE:{vcard_text(person.role)}")
    if vcard_text(person.email):
        lines.append(f"EMAIL;TYPE=INTERNET:{vcard_text(person.email)}")
    if vcard_text(person.phone):
        lines.append(f"TEL;TYPE=WORK,VOICE:{vcard_text(person.phone)}")
    lines.append("END:VCARD")
    response = HttpResponse("".join(fold(line) + "\r\n" for line in lines), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, f"kontakt-{person.pk}.vcf")
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
