"""Signing up for an English event: the form, the answer, the e-mail and its invitation are English."""

import re
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from core.translation import translate
from tests.registrations.conftest import manage_links, sign_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_event(home_page, event_index, event):
    translate(home_page, "en", {"home": "home-en"})
    translate(event_index, "en", {})
    return translate(event, "en", {"Presidiekonferens": "Conference for council chairs"})


def test_the_sign_up_form_of_an_english_event_is_english(client, english_event):
    html = client.get(f"/anmalan/{english_event.pk}/").content.decode()
    assert '<html lang="en">' in html
    assert "Registration: Conference for council chairs" in html
    assert "Send registration" in html and "Skicka anmälan" not in html
    assert "Enter your name." in client.post(f"/anmalan/{english_event.pk}/", {}).content.decode()


def test_the_english_registration_e_mail_and_its_ics_are_english(client, english_event, outbox):
    answer = sign_up(client, english_event, email="anna@example.org").content.decode()
    assert "You are registered" in answer

    (message,) = outbox
    assert message.subject == "You are registered for Conference for council chairs"
    assert "Thank you for registering. You have a place at Conference for council chairs." in message.body
    assert "Kind regards" in message.body and "Vänliga hälsningar" not in message.body
    # The date in the British style: 1 February 2027, 9.30 am–4 pm.
    assert re.search(r"When: \d{1,2} [A-Z][a-z]+ \d{4}, \d{1,2}(\.\d\d)? [ap]m", message.body)
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    (vevent,) = Calendar.from_ical(attachment[1]).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Conference for council chairs"


def test_a_swedish_event_still_e_mails_in_swedish(client, english_event, event, outbox):
    sign_up(client, event, email="anna@kommun.se")
    (message,) = outbox
    assert message.subject == "Du är anmäld till Presidiekonferens"
    assert "Vänliga hälsningar" in message.body


def test_the_registration_management_page_of_an_english_event_is_english(client, english_event, outbox):
    sign_up(client, english_event, email="anna@example.org")
    link = urlsplit(manage_links(outbox[0])[0]).path

    html = client.get(link).content.decode()
    assert '<html lang="en">' in html
    assert "Your registration: Conference for council chairs" in html
    assert "Confirmed" in html and "Cancel my registration" in html
    assert "Avboka" not in html and "Din anmälan" not in html

    cancelled = client.post(link).content.decode()
    assert "Your registration has been cancelled." in cancelled
    assert "The registration is already cancelled." in client.post(link).content.decode()


def test_the_registration_management_page_of_a_swedish_event_stays_swedish(client, english_event, event, outbox):
    sign_up(client, event, email="anna@kommun.se")
    html = client.get(urlsplit(manage_links(outbox[0])[0]).path).content.decode()
    assert '<html lang="sv">' in html and "Din anmälan: Presidiekonferens" in html and "Avboka min anmälan" in html
