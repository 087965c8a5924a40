"""The registration area: "Anmäl dig" until the deadline, then closed; full, cancelled and past events say so."""

import datetime as dt

import pytest
import time_machine

from events.formatting import STOCKHOLM
from events.models import RegistrationState
from tests.events.factories import ConferencePageFactory
from tests.pages import element, text

pytestmark = pytest.mark.django_db

START = dt.datetime(2027, 3, 12, 9, 30, tzinfo=STOCKHOLM)


def at(year, month, day, hour=12, minute=0):
    return time_machine.travel(dt.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM), tick=False)


@pytest.fixture
def conference(event_index):
    return ConferencePageFactory(
        parent=event_index,
        title="Presidiekonferens",
        start=START,
        end=START + dt.timedelta(hours=7),
        registration_deadline=dt.date(2027, 3, 5),
    )


def test_registration_is_open_before_the_deadline(client, conference):
    with at(2027, 3, 1):
        assert conference.registration_state == RegistrationState.OPEN
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" in html
    assert "Sista anmälningsdag är 5 mars 2027." in html


def test_the_deadline_day_itself_is_still_open(conference):
    with at(2027, 3, 5, 23, 59):
        assert conference.registration_state == RegistrationState.OPEN


def test_registration_closes_after_the_deadline(client, conference):
    with at(2027, 3, 6, 0, 1):
        assert conference.registration_state == RegistrationState.CLOSED
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" not in html
    assert "Anmälan är stängd." in html


def test_without_a_deadline_registration_closes_when_the_event_starts(conference):
    conference.registration_deadline = None
    with at(2027, 3, 12, 9, 29):
        assert conference.registration_state == RegistrationState.OPEN
    with at(2027, 3, 12, 9, 31):
        assert conference.registration_state == RegistrationState.CLOSED


def test_a_full_event_hides_the_button(client, conference):
    conference.status = "fullbokad"
    conference.save_revision().publish()
    with at(2027, 3, 1):
        assert conference.registration_state == RegistrationState.FULL
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" not in html
    assert "Evenemanget är fullbokat." in html
    status = element(html, 'p.event-status.event-status--fullbokad[role="status"]')
    assert text(status.strong) == "Fullbokad"


def test_a_cancelled_event_hides_the_button_and_shows_the_status(client, conference):
    conference.status = "installd"
    conference.status_note = "Konferensen ställs in på grund av för få anmälda."
    conference.save_revision().publish()
    with at(2027, 3, 1):
        assert conference.registration_state == RegistrationState.CANCELLED
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" not in html
    assert "<strong>Inställd</strong> – Konferensen ställs in på grund av för få anmälda." in html
    assert "Evenemanget är inställt." in html


def test_a_past_event_says_it_has_taken_place(client, conference):
    with at(2027, 3, 12, 16, 31):
        assert conference.registration_state == RegistrationState.PAST
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" not in html
    assert "Evenemanget har ägt rum." in html


def test_an_event_that_has_started_but_not_ended_is_not_past(conference):
    conference.registration_deadline = None
    with at(2027, 3, 12, 12, 0):
        assert not conference.is_past
        assert conference.registration_state == RegistrationState.CLOSED


def test_an_event_without_registration_shows_no_button(client, conference):
    conference.registration_url = ""
    conference.save_revision().publish()
    with at(2027, 3, 1):
        assert conference.registration_state == RegistrationState.NONE
        html = client.get(conference.url).content.decode()
    assert "Anmäl dig" not in html


def test_a_registration_page_can_stand_in_for_a_link(client, conference, event_index):
    conference.registration_url = ""
    conference.registration_page = event_index
    conference.save_revision().publish()
    with at(2027, 3, 1):
        html = client.get(conference.url).content.decode()
    assert f'<a class="button button--primary" href="{event_index.url}">Anmäl dig' in html
