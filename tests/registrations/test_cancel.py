"""The personal link shows the registration and cancels it; the seat goes to the first on the waitlist,
who is told by e-mail. Tampered or expired links change nothing."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from django.utils import timezone

from registrations.links import manage_path
from registrations.models import Registration, Status
from tests.registrations.conftest import manage_links, sign_up
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def path_of(link):
    return urlsplit(link).path


@pytest.fixture
def full_event(client, event, outbox):
    """Two confirmed (Anna via the form), then Bo and Cecilia on the waitlist, in that order."""
    sign_up(client, event, email="anna@kommun.se")
    RegistrationFactory(event=event, email="david@region.se")
    sign_up(client, event, email="bo@kommun.se", name="Bo Berg", ip="192.0.2.2")
    sign_up(client, event, email="cecilia@kommun.se", name="Cecilia Ek", ip="192.0.2.3")
    return event


def test_the_personal_link_shows_the_registration(client, full_event, outbox):
    link = path_of(manage_links(outbox[0])[0])

    response = client.get(link)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Anna Andersson" in html and "anna@kommun.se" in html and "Bekräftad" in html
    assert "Avboka min anmälan" in html
    assert 'content="noindex"' in html


def test_a_waitlisted_person_sees_the_position(client, full_event, outbox):
    link = path_of(manage_links(outbox[2])[0])

    assert "Reservlista, nummer 2 i kön" in client.get(link).content.decode()


def test_cancelling_frees_the_seat_and_promotes_the_first_on_the_waitlist(client, full_event, outbox):
    link = path_of(manage_links(outbox[0])[0])
    outbox.clear()

    response = client.post(link)

    assert "Din anmälan är avbokad." in response.content.decode()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "anna@kommun.se": Status.CANCELLED,
        "david@region.se": Status.CONFIRMED,
        "bo@kommun.se": Status.CONFIRMED,
        "cecilia@kommun.se": Status.WAITLISTED,
    }
    assert Registration.objects.get(email="cecilia@kommun.se").waitlist_position == 1
    by_recipient = {message.to[0]: message for message in outbox}
    assert set(by_recipient) == {"anna@kommun.se", "bo@kommun.se"}
    assert by_recipient["anna@kommun.se"].subject == "Din anmälan till Presidiekonferens är avbokad"
    promoted = by_recipient["bo@kommun.se"]
    assert promoted.subject == "Du har fått en plats på Presidiekonferens"
    assert any(name.endswith(".ics") for name, *_ in promoted.attachments)
    assert manage_links(promoted)


def test_cancelling_from_the_waitlist_promotes_nobody_and_moves_the_queue(client, full_event, outbox):
    link = path_of(manage_links(outbox[1])[0])

    client.post(link)

    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 2
    assert Registration.objects.get(email="cecilia@kommun.se").waitlist_position == 1


def test_a_registration_cannot_be_cancelled_twice(client, full_event, outbox):
    link = path_of(manage_links(outbox[0])[0])
    client.post(link)

    response = client.post(link)

    assert response.status_code == 400
    assert "Anmälan är redan avbokad." in response.content.decode()
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 2


def test_a_tampered_link_is_refused_and_changes_nothing(client, full_event, outbox):
    link = path_of(manage_links(outbox[0])[0])
    tampered = link[:-3] + ("AAA/" if not link.endswith("AAA/") else "BBB/")

    get = client.get(tampered)
    post = client.post(tampered)

    assert get.status_code == post.status_code == 400
    assert "Länken till anmälan är ogiltig." in post.content.decode()
    assert not Registration.objects.filter(status=Status.CANCELLED).exists()


def test_an_expired_link_is_refused_and_changes_nothing(client, full_event, outbox, settings):
    link = path_of(manage_links(outbox[0])[0])

    with time_machine.travel(timezone.now() + dt.timedelta(days=settings.REGISTRATION_LINK_MAX_AGE_DAYS + 1)):
        response = client.post(link)

    assert response.status_code == 400
    assert "Länken till anmälan har gått ut." in response.content.decode()
    assert not Registration.objects.filter(status=Status.CANCELLED).exists()


def test_a_link_to_a_deleted_registration_says_it_is_gone(client, event):
    registration = RegistrationFactory(event=event)
    path = manage_path(registration)
    registration.delete()

    response = client.get(path)

    assert response.status_code == 404
    assert "Anmälan finns inte längre." in response.content.decode()


def test_cancelling_needs_a_csrf_token(event):
    from django.test import Client

    registration = RegistrationFactory(event=event)
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(manage_path(registration))

    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert not registration.emails.exists()
