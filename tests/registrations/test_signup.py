"""A visitor signs up on the site and gets a clear answer: confirmed, waitlisted, already registered, full,
not yet open or closed."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from core.models import FooterSettings
from registrations.models import Registration, Status
from tests.home.factories import ContentPageFactory
from tests.registrations.conftest import manage_links, sign_up, signup_url
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_the_event_page_links_to_the_form_on_the_site(client, event):
    html = text(client.get(event.url))

    assert f'href="{signup_url(event)}"' in html
    assert "Anmäl dig" in html


def test_the_form_asks_name_email_and_consent_and_links_to_the_privacy_page(client, event, site, home_page):
    privacy = ContentPageFactory(parent=home_page, title="Personuppgifter", slug="personuppgifter")
    footer = FooterSettings.for_site(site)
    footer.privacy_page = privacy
    footer.save()

    response = client.get(signup_url(event))

    html = text(response)
    assert response.status_code == 200
    assert 'name="name"' in html and 'name="email"' in html and 'name="consent"' in html
    assert 'href="/personuppgifter/"' in html
    assert 'name="organisation"' not in html and 'name="role"' not in html and 'name="needs"' not in html
    assert "2 platser kvar." in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in html


def test_the_form_asks_only_the_questions_the_editor_chose(client, event_index):
    event = OnsiteConferenceFactory(parent=event_index, ask_organisation=True, ask_role=True)

    html = text(client.get(signup_url(event)))

    assert 'name="organisation"' in html
    assert 'name="role"' in html and "Förtroendevald" in html and "Tjänsteperson" in html
    assert 'name="municipality"' not in html and 'name="needs"' not in html


def test_unasked_answers_are_not_stored(client, event):
    sign_up(client, event, organisation="Smygkommunen", needs="Vegetariskt")

    registration = Registration.objects.get()
    assert registration.organisation == "" and registration.needs == ""


def test_a_sign_up_with_a_free_seat_is_confirmed(client, event):
    response = sign_up(client, event, email="Anna@Kommun.se")

    html = text(response)
    assert response.status_code == 200
    assert "Du är anmäld" in html
    assert "Vi skickar en bekräftelse med en kalenderinbjudan till Anna@Kommun.se." in html
    registration = Registration.objects.get()
    assert (registration.status, registration.email, registration.name) == (
        Status.CONFIRMED,
        "Anna@Kommun.se",
        "Anna Andersson",
    )
    assert registration.consent_at is not None


def test_when_the_seats_are_taken_the_visitor_is_told_the_waitlist_position(client, event):
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=Status.WAITLISTED)

    response = sign_up(client, event)

    html = text(response)
    assert "Du står på reservlistan" in html
    assert "Du är nummer 2 på reservlistan." in html
    assert Registration.objects.get(email="anna@kommun.se").status == Status.WAITLISTED


def test_the_same_email_cannot_register_twice_whatever_the_case(client, event):
    sign_up(client, event, email="anna@kommun.se")

    sign_up(client, event, email="ANNA@kommun.se", ip="192.0.2.2")

    assert Registration.objects.count() == 1


def answer(response):
    """The answer section of the page, with the address it names taken out."""
    html = response.content.decode()
    start = html.index('<section class="registration-answer')
    section = html[start : html.index("</section>", start)]
    return section.replace("bertil@kommun.se", "ADDRESS").replace("Anna@Kommun.se", "ADDRESS")


@pytest.mark.parametrize("taken", [0, 2], ids=["seats left", "on the waitlist"])
def test_a_new_and_an_already_registered_address_get_the_same_answer(client, event, outbox, taken):
    RegistrationFactory.create_batch(taken, event=event)
    sign_up(client, event, email="anna@kommun.se", ip="192.0.2.1")

    again = sign_up(client, event, email="Anna@Kommun.se", ip="192.0.2.2")
    new = sign_up(client, event, email="bertil@kommun.se", ip="192.0.2.3")

    assert again.status_code == new.status_code == 200
    assert answer(again) == answer(new)
    assert Registration.objects.filter(email__iexact="anna@kommun.se").count() == 1


def test_the_owner_of_an_already_registered_address_is_told_by_e_mail_with_the_cancel_link(client, event, outbox):
    sign_up(client, event, email="anna@kommun.se")
    outbox.clear()

    sign_up(client, event, email="ANNA@kommun.se", ip="192.0.2.2")

    (message,) = outbox
    assert message.to == ["anna@kommun.se"]
    assert message.subject == "Du är redan anmäld till Presidiekonferens"
    assert "Du är redan anmäld, så ingen ny anmälan har gjorts." in message.body
    assert manage_links(message)


def test_a_cancelled_registration_does_not_block_signing_up_again(client, event):
    RegistrationFactory(event=event, email="anna@kommun.se", status=Status.CANCELLED)

    response = sign_up(client, event)

    assert "Du är anmäld" in text(response)
    assert Registration.objects.filter(email="anna@kommun.se").count() == 2


def test_a_full_event_without_waitlist_stores_nothing(client, event):
    event.waitlist_enabled = False
    event.save()
    RegistrationFactory.create_batch(2, event=event)

    response = sign_up(client, event)

    assert "Evenemanget är fullbokat" in text(response)
    assert "Din anmälan har inte sparats." in text(response)
    assert Registration.objects.count() == 2


def test_an_event_marked_full_by_the_editor_takes_no_sign_ups(client, event):
    event.status = "fullbokad"
    event.save()

    response = sign_up(client, event)

    assert "Evenemanget är fullbokat" in text(response)
    assert not Registration.objects.exists()


def test_before_registration_opens_the_form_says_when_it_opens(client, event):
    event.registration_opens = timezone.now() + dt.timedelta(days=2)
    event.save()
    opens = timezone.localtime(event.registration_opens)

    get = client.get(signup_url(event))
    post = sign_up(client, event)

    assert 'name="email"' not in text(get)
    assert "Anmälan har inte öppnat" in text(get)
    assert f"Anmälan öppnar {opens.day}" in text(get)
    assert post.status_code == 400
    assert not Registration.objects.exists()


def test_after_registration_closes_nothing_is_stored(client, event):
    event.registration_closes = timezone.now() - dt.timedelta(minutes=1)
    event.save()

    response = sign_up(client, event)

    assert response.status_code == 400
    assert "Anmälan är stängd" in text(response)
    assert not Registration.objects.exists()


def test_a_cancelled_event_takes_no_sign_ups(client, event):
    event.status = "installd"
    event.save()

    response = sign_up(client, event)

    assert "Evenemanget är inställt." in text(response)
    assert not Registration.objects.exists()


def test_registration_closes_at_the_closing_time_the_editor_set(event):
    closes = timezone.now() + dt.timedelta(days=3)
    event.registration_closes = closes
    with time_machine.travel(closes - dt.timedelta(seconds=1), tick=False):
        assert event.registration_state == "open"
    with time_machine.travel(closes, tick=False):
        assert event.registration_state == "closed"


def test_events_without_onsite_registration_have_no_form(client, event_index):
    from tests.events.factories import ConferencePageFactory

    external = ConferencePageFactory(parent=event_index)

    assert client.get(signup_url(external)).status_code == 404
    assert client.get("/anmalan/999999/").status_code == 404


def test_an_unpublished_event_has_no_form(client, event):
    event.unpublish()

    assert client.get(signup_url(event)).status_code == 404
