"""Small public views of the ground floor."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from core.models import Person


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
