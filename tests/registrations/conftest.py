"""Fixtures of the registration tests: an event listing, an event with two seats, and a posting helper."""

import pytest
from django.core import mail

from tests.events.factories import EventIndexPageFactory
from tests.registrations.factories import OnsiteConferenceFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(event_index):
    """Presidiekonferensen: two seats and a waitlist."""
    return OnsiteConferenceFactory(parent=event_index, title="Presidiekonferens", slug="presidiekonferens")


def signup_url(event):
    return f"/anmalan/{event.pk}/"


def sign_up(client, event, email="anna@kommun.se", name="Anna Andersson", ip="192.0.2.1", **extra):
    """Posts the form like a visitor who filled in name, e-mail and consent (and any extra answers)."""
    data = {"name": name, "email": email, "consent": "on", **extra}
    return client.post(signup_url(event), data, REMOTE_ADDR=ip)


def manage_links(message):
    """The personal links in an e-mail's text."""
    return [line.strip() for line in message.body.splitlines() if "/anmalan/min-anmalan/" in line]


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox
