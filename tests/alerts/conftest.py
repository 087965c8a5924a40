"""Fixtures of the alert tests: topics, listings, and a browser-like client on the site's origin."""

import pytest
from django.core import mail
from django.test import Client

from tests.core.factories import TopicFactory

from .factories import event_index, knowledge_index

ORIGIN = "http://testserver"


@pytest.fixture
def digitalisering(db):
    return TopicFactory(name="Digitalisering", slug="digitalisering")


@pytest.fixture
def demokrati(db):
    return TopicFactory(name="Demokrati", slug="demokrati")


@pytest.fixture
def knowledge(home_page):
    return knowledge_index(home_page)


@pytest.fixture
def events(home_page):
    return event_index(home_page)


@pytest.fixture
def visitor():
    """A browser on one of the site's pages: it sends the Origin header browsers add to every POST."""
    return Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="192.0.2.30")


@pytest.fixture(autouse=True)
def _empty_outbox():
    mail.outbox = []
