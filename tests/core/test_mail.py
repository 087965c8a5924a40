"""Every e-mail the site sends (Wagtail's notifications, password resets) goes to the task queue; the
worker sends it with the delivery backend, over real SMTP in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import send_mail
from django.test import override_settings
from django_tasks import task_backends

from core.mail import send_queued_message
from tests.servers import SmtpSink

pytestmark = pytest.mark.django_db
QUEUED = "core.mail.QueuedEmailBackend"
HELD = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}


@pytest.fixture
def held_queue():
    """A queue that keeps what is enqueued, like one with no worker running."""
    with override_settings(EMAIL_BACKEND=QUEUED, TASKS=HELD):
        backend = task_backends["background"]
        backend.clear()
        yield backend


def test_sending_only_enqueues_and_the_worker_delivers_the_same_message(held_queue):
    mail.outbox = []

    send_mail("Välkommen till Gävle", "Hej Åsa!\nVi ses i Gävle.", "webbplatsen@example.se", ["asa@kommun.se"])

    assert mail.outbox == []
    (result,) = held_queue.results
    send_queued_message.call(*result.args)
    (message,) = mail.outbox
    delivered = message.message()
    assert message.recipients() == ["asa@kommun.se"]
    assert delivered["Subject"] == "Välkommen till Gävle"
    assert delivered.get_content().strip() == "Hej Åsa!\nVi ses i Gävle."


def test_an_editors_password_reset_is_queued_not_sent_in_the_request(client, held_queue):
    get_user_model().objects.create_user("redaktor", "redaktor@example.se", "ett-långt-lösenord-123")
    mail.outbox = []

    response = client.post("/admin/password_reset/", {"email": "redaktor@example.se"})

    assert response.status_code == 302
    assert mail.outbox == []
    (result,) = held_queue.results
    assert result.args[1] == ["redaktor@example.se"]


def test_the_worker_sends_a_queued_message_over_real_smtp():
    sink = SmtpSink()
    try:
        with override_settings(
            EMAIL_BACKEND=QUEUED,
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=sink.port,
        ):
            send_mail("Påminnelse från Sundsvall", "Hej!", "webbplatsen@example.se", ["asa@kommun.se"])
        message = sink.wait_for(lambda message: message["To"] == "asa@kommun.se", timeout=10)
    finally:
        sink.stop()
    assert message["Subject"] == "Påminnelse från Sundsvall"
