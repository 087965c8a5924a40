"""Bad input gets a clear Swedish message and stores nothing; bots and floods are turned away."""

import datetime as dt

import pytest
import time_machine

from registrations.models import Registration
from tests.registrations.conftest import sign_up, signup_url

pytestmark = pytest.mark.django_db


def refused(response, message):
    html = response.content.decode()
    assert response.status_code == 400
    assert "Anmälan kunde inte skickas" in html
    assert message in html
    assert not Registration.objects.exists()


def test_an_invalid_email_address(client, event):
    refused(sign_up(client, event, email="anna.kommun.se"), "Skriv en giltig e-postadress")


def test_a_missing_name(client, event):
    refused(sign_up(client, event, name="   "), "Skriv ditt namn.")


def test_missing_consent(client, event):
    response = client.post(signup_url(event), {"name": "Anna", "email": "anna@kommun.se"}, REMOTE_ADDR="192.0.2.1")

    refused(response, "Du behöver samtycka till att uppgifterna behandlas för att kunna anmäla dig.")


def test_an_over_long_name(client, event):
    refused(sign_up(client, event, name="A" * 201), "Namnet får vara högst 200 tecken.")


def test_over_long_needs(client, event):
    event.ask_needs = True
    event.save()

    refused(sign_up(client, event, needs="x" * 501), "får vara högst 500 tecken.")


def test_control_characters(client, event):
    refused(sign_up(client, event, name="Anna\u202eAndersson"), "Texten innehåller tecken som inte är tillåtna.")


def test_an_unknown_role(client, event):
    event.ask_role = True
    event.save()

    refused(sign_up(client, event, role="kung"), "Välj en av rollerna.")


def test_the_form_keeps_what_the_visitor_typed(client, event):
    response = sign_up(client, event, name="Anna Andersson", email="fel")

    assert 'value="Anna Andersson"' in response.content.decode()


def test_the_honeypot_answers_like_a_success_but_stores_and_sends_nothing(client, event, outbox):
    response = sign_up(client, event, webbplats="https://spam.example")

    assert response.status_code == 200
    assert "Du är anmäld" in response.content.decode()
    assert not Registration.objects.exists()
    assert outbox == []


def test_a_flood_from_one_client_is_slowed_down(client, event, settings):
    settings.REGISTRATION_RATE_LIMIT = 2
    settings.REGISTRATION_RATE_WINDOW = 600
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False) as clock:
        sign_up(client, event, email="a@kommun.se")
        clock.shift(dt.timedelta(seconds=60))
        sign_up(client, event, email="b@kommun.se")

        response = sign_up(client, event, email="c@kommun.se")

        assert response.status_code == 429
        assert "Du har skickat många anmälningar på kort tid." in response.content.decode()
        assert response["Retry-After"] == "540"  # when the first sign-up leaves the window
        assert Registration.objects.count() == 2
        assert sign_up(client, event, email="c@kommun.se", ip="192.0.2.99").status_code == 200


def test_sign_ups_are_counted_apart_from_feedback(client, event, settings):
    settings.REGISTRATION_RATE_LIMIT = 1
    settings.FEEDBACK_RATE_LIMIT = 1

    def answer_feedback():
        return client.post("/aterkoppling/", {"svar": "ja"}, HTTP_ORIGIN="http://testserver", REMOTE_ADDR="192.0.2.1")

    answer_feedback()
    assert answer_feedback().status_code == 429
    assert sign_up(client, event, ip="192.0.2.1").status_code == 200


def test_a_post_without_a_csrf_token_is_refused(event):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        signup_url(event), {"name": "Anna", "email": "anna@kommun.se", "consent": "on"}
    )

    assert response.status_code == 403
    assert not Registration.objects.exists()
