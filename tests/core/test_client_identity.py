"""One client is one client everywhere: behind the documented proxy, every rate limit and django-axes
read the visitor's address from X-Forwarded-For with the same TRUSTED_PROXY_COUNT rule."""

import importlib

import pytest
from axes.helpers import get_client_ip_address
from django.test import Client, RequestFactory, override_settings

from core.clients import client_address
from tests.feedback.conftest import ORIGIN
from tests.home.factories import ContentPageFactory
from tests.registrations.factories import OnsiteConferenceFactory

PROXY = "10.0.0.1"  # the TLS proxy of docs/deployment.md, the only peer the app servers see


def behind_the_proxy(forwarded_for, **extra):
    """A visitor's browser as the app server sees it: from the proxy, which appended the visitor's address."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for, **extra)


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1, REGISTRATION_RATE_LIMIT=1)
def test_one_visitors_sign_ups_never_use_up_another_visitors_limit(home_page):
    event = OnsiteConferenceFactory(parent=home_page, seat_limit=None)

    def sign_up(visitor, number):
        data = {"name": f"Person {number}", "email": f"p{number}@kommun.se", "consent": "on"}
        return behind_the_proxy(visitor).post(f"/anmalan/{event.pk}/", data).status_code

    assert sign_up("203.0.113.5", 1) == 200
    assert sign_up("203.0.113.5", 2) == 429
    assert sign_up("203.0.113.6", 3) == 200


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1, FEEDBACK_RATE_LIMIT=1)
def test_one_visitors_feedback_never_uses_up_another_visitors_limit(home_page):
    page = ContentPageFactory(parent=home_page)

    def answer(visitor):
        return behind_the_proxy(visitor, HTTP_ORIGIN=ORIGIN).post("/aterkoppling/", {"page": page.pk, "svar": "ja"})

    assert answer("203.0.113.5").status_code == 303
    assert answer("203.0.113.5").status_code == 429
    assert answer("203.0.113.6").status_code == 303


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_django_axes_sees_the_same_client_as_the_rate_limits():
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")

    assert client_address(request) == "203.0.113.5"  # the hop the proxy appended, not the forged first one
    assert get_client_ip_address(request) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_a_trusted_proxy_a_forwarded_for_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.5")

    assert client_address(request) == get_client_ip_address(request) == "198.51.100.7"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, 0),
        ({"TRUSTED_PROXY_COUNT": "1"}, 1),
        ({"FEEDBACK_TRUSTED_PROXY_COUNT": "2"}, 2),  # the earlier name of the same variable
        ({"TRUSTED_PROXY_COUNT": "1", "FEEDBACK_TRUSTED_PROXY_COUNT": "2"}, 1),
    ],
)
def test_the_proxy_count_comes_from_one_environment_variable(monkeypatch, variables, expected):
    for name in ("TRUSTED_PROXY_COUNT", "FEEDBACK_TRUSTED_PROXY_COUNT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    import website.settings.security as security

    proxy_count = importlib.reload(security).TRUSTED_PROXY_COUNT

    assert proxy_count == expected
