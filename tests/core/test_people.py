"""People are kept once and shown in contact blocks with e-mail, phone and a vCard."""

import pytest

from core.blocks import ContactBlock
from tests.core.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _render_contact(people, heading="Informationsansvarig", **extra):
    block = ContactBlock()
    value = block.to_python({"heading": heading, "people": [p.pk for p in people], "text": "", **extra})
    return block.render(value)


def test_contact_block_lists_people_with_roles_and_links():
    person = PersonFactory(name="Martin Lidhamn", role="Handläggare", email="martin@example.se", phone="08-452 70 00")
    html = _render_contact([person])
    assert "Informationsansvarig" in html
    assert "Martin Lidhamn" in html
    assert "Handläggare" in html
    assert 'href="mailto:martin@example.se"' in html
    assert 'href="tel:+4684527000"' in html
    assert f'href="/personer/{person.pk}/vcard/"' in html


def test_contact_block_survives_a_deleted_person():
    kept = PersonFactory(name="Cecilia Berglin")
    gone = PersonFactory(name="Borttagen Person")
    block = ContactBlock()
    value = block.to_python({"heading": "Kontakt", "people": [kept.pk, gone.pk], "text": ""})
    gone.delete()
    value = block.to_python(block.get_prep_value(value))
    html = block.render(value)
    assert "Cecilia Berglin" in html
    assert "Borttagen Person" not in html


def test_custom_heading_replaces_the_chosen_one():
    html = _render_contact([PersonFactory()], custom_heading="Frågor om programmet")
    assert "Frågor om programmet" in html
    assert "Informationsansvarig" not in html


def test_vcard_download_has_the_persons_details(client):
    person = PersonFactory(name="Ann-Sofi Agnevik", role="Förbundsjurist", organisation="SKR, Stockholm")
    response = client.get(f"/personer/{person.pk}/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    body = response.content.decode()
    assert "FN:Ann-Sofi Agnevik" in body
    assert "TITLE:Förbundsjurist" in body
    assert "ORG:SKR\\, Stockholm" in body
    assert body.startswith("BEGIN:VCARD\r\n") and body.endswith("END:VCARD\r\n")


def test_vcard_of_unknown_person_is_404(client):
    assert client.get("/personer/999999/vcard/").status_code == 404
