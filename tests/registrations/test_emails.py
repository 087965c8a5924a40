"""Every confirmed or waitlisted person gets an e-mail with the details, an .ics invitation and a personal
link; a failing mail server never loses a registration and the cron command sends what is left."""

import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from icalendar import Calendar

from events.models import ConferencePage
from registrations.models import Message, Registration
from tests.downloads import parse_ics
from tests.registrations.conftest import manage_links, sign_up
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def invitation(message):
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    filename, content, mimetype = attachment
    assert mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


@pytest.fixture
def broken_mail_server(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def test_a_confirmed_person_gets_the_details_an_invitation_and_a_personal_link(client, event, outbox):
    sign_up(client, event, email="anna@kommun.se")

    (message,) = outbox
    assert message.to == ["anna@kommun.se"]
    assert message.subject == "Du är anmäld till Presidiekonferens"
    assert "Du har fått en plats på Presidiekonferens." in message.body
    assert event.when_display in message.body
    assert "Svenska Mässan, Göteborg" in message.body
    (link,) = manage_links(message)
    assert link.startswith("http") and "/anmalan/min-anmalan/" in link
    (vevent,) = invitation(message).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Presidiekonferens"
    assert vevent.decoded("DTSTART") == event.start
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is not None
    assert registration.pending_message == Message.NONE


def test_a_waitlisted_person_gets_the_position_and_an_invitation(client, event, outbox):
    RegistrationFactory.create_batch(2, event=event)

    sign_up(client, event)

    (message,) = outbox
    assert message.subject == "Du står på reservlistan till Presidiekonferens"
    assert "Du är nummer 1 i kön." in message.body
    assert len(list(invitation(message).walk("VEVENT"))) == 1
    assert manage_links(message)


def test_a_failing_mail_server_keeps_the_registration_and_says_the_mail_will_follow(
    client, event, outbox, broken_mail_server
):
    response = sign_up(client, event)

    assert "Du är anmäld" in response.content.decode()
    assert "Din anmälan är sparad och vi skickar det så snart vi kan." in response.content.decode()
    registration = Registration.objects.get()
    assert registration.email_failed
    assert registration.pending_message == Message.CONFIRMED
    assert registration.confirmation_sent_at is None


def test_the_retry_command_sends_what_failed_once_the_server_is_back(client, event, outbox, monkeypatch, capsys):
    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", lambda self, messages: (_ for _ in ()).throw(OSError("nere")))
        sign_up(client, event)
    assert outbox == []

    call_command("send_pending_registration_emails")

    (message,) = outbox
    assert message.to == ["anna@kommun.se"]
    registration = Registration.objects.get()
    assert not registration.email_failed
    assert registration.confirmation_sent_at is not None
    assert registration.pending_message == Message.NONE
    assert "Skickade 1 e-postmeddelanden, 0 misslyckades." in capsys.readouterr().out

    call_command("send_pending_registration_emails")
    assert len(outbox) == 1


def test_the_retry_command_reports_failures_with_a_non_zero_exit(client, event, broken_mail_server, capsys):
    sign_up(client, event)

    with pytest.raises(SystemExit) as exit_info:
        call_command("send_pending_registration_emails")

    assert exit_info.value.code == 1
    assert "1 e-postmeddelanden kunde inte skickas" in capsys.readouterr().err
    assert Registration.objects.get().email_attempts == 2


@pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\x0b"])
def test_a_line_break_in_the_event_title_still_gets_every_e_mail_out(client, event, outbox, breaker):
    ConferencePage.objects.filter(pk=event.pk).update(title=f"Presidie{breaker}konferens")

    sign_up(client, event, email="anna@kommun.se")

    (message,) = outbox
    assert message.subject == "Du är anmäld till Presidie konferens"
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    (vevent,) = parse_ics(attachment[1]).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Presidie konferens"
    assert not Registration.objects.get().email_failed
