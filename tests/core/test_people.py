"""People are kept once and shown in contact blocks with e-mail, phone and a vCard."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from core.blocks import ContactBlock
from core.models import Person
from tests.core.factories import PersonFactory
from tests.downloads import download_name, parse_vcard
from tests.events.factories import ConferencePageFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def shown_on(parent, person, **page):
    """A content page with the person in a contact box."""
    contact = {"heading": "Kontakt", "custom_heading": "", "people": [person], "text": ""}
    return ContentPageFactory(parent=parent, contacts=[("contact", contact)], **page)


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


def test_vcard_download_has_the_persons_details(client, home_page):
    person = PersonFactory(name="Ann-Sofi Agnevik", role="Förbundsjurist", organisation="SKR, Stockholm")
    shown_on(home_page, person)
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


class TestOnlyPeopleVisitorsCanSee:
    """Person ids are sequential: the vCard answers only for people a live public page shows."""

    def test_a_speaker_on_a_live_page_has_a_vcard(self, client, home_page):
        person = PersonFactory()
        speaker = {"person": person, "name": "", "title": ""}
        ConferencePageFactory(parent=home_page, speakers=[("speaker", speaker)])

        assert client.get(f"/personer/{person.pk}/vcard/").status_code == 200

    def test_a_person_on_no_page_has_none(self, client, home_page):
        assert client.get(f"/personer/{PersonFactory().pk}/vcard/").status_code == 404

    def test_a_person_only_on_a_draft_has_none(self, client, home_page):
        person = PersonFactory(email="utkast@example.se", phone="070-123 45 67")
        shown_on(home_page, person, live=False)

        response = client.get(f"/personer/{person.pk}/vcard/")

        assert response.status_code == 404
        assert b"utkast@example.se" not in response.content

    def test_a_person_only_on_a_private_page_has_none(self, client, home_page):
        person = PersonFactory()
        private = shown_on(home_page, person)
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")

        assert client.get(f"/personer/{person.pk}/vcard/").status_code == 404

    def test_a_person_below_a_private_section_has_none(self, client, home_page):
        section = ContentPageFactory(parent=home_page, title="Internt", slug="internt")
        PageViewRestriction.objects.create(page=section, restriction_type="login")
        person = PersonFactory()
        shown_on(section, person, slug="undersida")

        assert client.get(f"/personer/{person.pk}/vcard/").status_code == 404

    def test_unpublishing_the_page_withdraws_the_vcard(self, client, home_page):
        person = PersonFactory()
        page = shown_on(home_page, person)
        assert client.get(f"/personer/{person.pk}/vcard/").status_code == 200

        page.unpublish()

        assert client.get(f"/personer/{person.pk}/vcard/").status_code == 404

    def test_every_vcard_link_on_the_demo_pages_works(self, client, home_page):
        call_command("load_demo_content")
        links = set()
        for page in Page.objects.live().public().specific():
            links |= set(re.findall(r'href="(/personer/\d+/vcard/)"', client.get(page.url).content.decode()))

        assert links
        assert all(client.get(link).status_code == 200 for link in links)


class TestTheVcardFile:
    """Whatever is stored in the register, the vCard is one valid card with one line per property."""

    def test_a_bare_carriage_return_cannot_inject_a_line(self, client, home_page):
        person = PersonFactory(name="Anna Berg")
        Person.objects.filter(pk=person.pk).update(
            role="Handläggare\rEMAIL:angripare@example.com", organisation="SKR;\nNOTE:x", phone="08-1\r\n2"
        )
        shown_on(home_page, person)

        card = parse_vcard(client.get(f"/personer/{person.pk}/vcard/").content)

        assert card["TITLE"] == ["Handläggare EMAIL:angripare@example.com"]
        assert card["ORG"] == ["SKR; NOTE:x"]
        assert card["TEL"] == ["08-1 2"]
        assert card["EMAIL"] == [person.email]

    def test_long_values_are_folded_and_read_back_whole(self, client, home_page):
        name = "Anna-Karin Åkesson-Öberg " * 7
        person = PersonFactory(name=name.strip(), organisation="Region Västra Götaland, " * 8)
        shown_on(home_page, person)

        card = parse_vcard(client.get(f"/personer/{person.pk}/vcard/").content)

        assert card["FN"] == [name.strip()]
        assert card["ORG"] == [("Region Västra Götaland, " * 8).strip()]

    def test_the_file_has_a_plain_download_name(self, client, home_page):
        person = PersonFactory()
        shown_on(home_page, person)

        assert download_name(client.get(f"/personer/{person.pk}/vcard/")) == f"kontakt-{person.pk}.vcf"
