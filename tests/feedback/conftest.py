"""Fixtures of the feedback tests: a published content page and a client that posts like the widget."""

import pytest
from django.test import Client

from tests.home.factories import ContentPageFactory

ORIGIN = "http://testserver"


@pytest.fixture
def page(home_page):
    return ContentPageFactory(parent=home_page, title="Korruptionsbekämpning, nätverk", slug="korruption")


@pytest.fixture
def widget_client():
    """A browser on one of the site's pages: it sends the Origin header browsers add to every POST."""
    return Client(HTTP_ORIGIN=ORIGIN, REMOTE_ADDR="192.0.2.10")


@pytest.fixture
def json_client():
    """The widget's script: same origin and asks for JSON."""
    return Client(HTTP_ORIGIN=ORIGIN, HTTP_ACCEPT="application/json", REMOTE_ADDR="192.0.2.20")
