"""Every confirmed or waitlisted person gets an e-mail with the details, an .ics invitation and a personal
link. The e-mail is stored with the registration and sent by a background task: a failing mail server
never loses it, it is tried again with growing delays, and after the last try editors see it failed."""

import datetime as dt
import smtplib

import pytest
import time_machine
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from icalendar import Calendar

from events.models import ConferencePage
from registrations import outbox as mail_outbox
from registrations.models import EmailKind, EmailState, OutgoingEmail, Registration
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
    (email,) = registration.emails.all()
    assert (email.kind, email.state, email.attempts) == (EmailKind.CONFIRMED, EmailState.SENT, 1)


def test_a_waitlisted_person_gets_the_position_and_an_invitation(client, event, outbox):
    RegistrationFactory.create_batch(2, event=event)

    sign_up(client, event)

    (message,) = outbox
    assert message.subject == "Du står på reservlistan till Presidiekonferens"
    assert "Du är nummer 1 i kön." in message.body
    assert len(list(invitation(message).walk("VEVENT"))) == 1
    assert manage_links(message)


def test_a_failing_mail_server_keeps_the_registration_and_gives_the_ordinary_answer(
    client, event, outbox, broken_mail_server
):
    response = sign_up(client, event)

    assert response.status_code == 200
    assert "Du är anmäld" in response.content.decode()
    registration = Registration.objects.get()
    (email,) = registration.emails.all()
    assert email.state == EmailState.PENDING
    assert email.attempts == 1
    assert "SMTPServerDisconnected" in email.last_error
    assert registration.confirmation_sent_at is None


def test_failed_e_mail_is_tried_again_with_growing_delays_until_it_is_marked_failed(
    client, event, broken_mail_server, settings
):
    settings.EMAIL_RETRY_BASE_SECONDS = 60
    settings.EMAIL_RETRY_MAX_SECONDS = 600
    settings.EMAIL_MAX_ATTEMPTS = 6
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        sign_up(client, event)
        email = OutgoingEmail.objects.get()
        delays = []
        while email.state == EmailState.PENDING:
            delays.append(round((email.next_attempt_at - timezone.now()).total_seconds()))
            # Nothing is tried before its time.
            clock.move_to(email.next_attempt_at - dt.timedelta(seconds=1))
            mail_outbox.send_due()
            email.refresh_from_db()
            assert email.attempts == len(delays)
            clock.move_to(email.next_attempt_at)
            mail_outbox.send_due()
            email.refresh_from_db()

    assert delays == [60, 120, 240, 480, 600]
    assert email.state == EmailState.FAILED
    assert email.attempts == 6
    # Once failed, no job tries it again, and the count stays where it stopped.
    with time_machine.travel(start + dt.timedelta(days=365), tick=False):
        mail_outbox.send_due()
    email.refresh_from_db()
    assert email.attempts == 6


def test_the_retry_delay_never_passes_its_cap_however_many_tries(settings):
    settings.EMAIL_RETRY_BASE_SECONDS = 60
    settings.EMAIL_RETRY_MAX_SECONDS = 6 * 3600

    assert [mail_outbox.retry_delay(n) for n in (1, 2, 3)] == [60, 120, 240]
    assert mail_outbox.retry_delay(10**6) == 6 * 3600


def test_e_mail_that_failed_is_sent_once_the_server_is_back(client, event, outbox, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", lambda self, messages: (_ for _ in ()).throw(OSError("nere")))
        sign_up(client, event)
    assert outbox == []

    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        mail_outbox.send_due()
        mail_outbox.send_due()

    (message,) = outbox
    assert message.to == ["anna@kommun.se"]
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is not None
    assert registration.emails.get().state == EmailState.SENT


def test_an_e_mail_held_by_a_worker_is_not_sent_by_another_and_a_sent_one_never_again(client, event, outbox):
    registration = RegistrationFactory(event=event)
    email = mail_outbox.queue(registration, EmailKind.CONFIRMED)
    now = timezone.now()

    assert mail_outbox.claim(email.pk, now)  # a worker takes it, then crashes before sending
    assert mail_outbox.deliver(email.pk) is None
    assert outbox == []
    with time_machine.travel(now + mail_outbox.claim_lease() + dt.timedelta(seconds=1)):
        assert mail_outbox.deliver(email.pk) == EmailState.SENT
        assert mail_outbox.deliver(email.pk) is None
    assert len(outbox) == 1


def test_editors_see_e_mail_that_failed_for_good_in_the_registrations_list(
    client, admin_client, event, broken_mail_server, settings
):
    settings.EMAIL_MAX_ATTEMPTS = 1
    sign_up(client, event, name="Anna Andersson")
    RegistrationFactory(event=event, name="Bertil Berg")

    listing = admin_client.get("/admin/anmalningar/?email_failed=true").content.decode()

    assert "Anna Andersson" in listing
    assert "Misslyckades" in listing
    assert "Bertil Berg" not in listing
    registration = Registration.objects.get(name="Anna Andersson")
    inspect = admin_client.get(f"/admin/anmalningar/inspect/{registration.pk}/").content.decode()
    assert "Bekräftelse: Misslyckades efter 1 försök" in inspect


@pytest.mark.parametrize("breaker", ["\n", "\r", "\r\n", "\x0b"])
def test_a_line_break_in_the_event_title_still_gets_every_e_mail_out(client, event, outbox, breaker):
    ConferencePage.objects.filter(pk=event.pk).update(title=f"Presidie{breaker}konferens")

    sign_up(client, event, email="anna@kommun.se")

    (message,) = outbox
    assert message.subject == "Du är anmäld till Presidie konferens"
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    (vevent,) = parse_ics(attachment[1]).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Presidie konferens"
    assert OutgoingEmail.objects.get().state == EmailState.SENT


def test_a_queue_that_is_down_loses_no_e_mail(client, event, outbox, monkeypatch):
    from django_tasks import task_backends

    def queue_down(*args):
        raise ConnectionError("Redis svarar inte")

    with monkeypatch.context() as patch:
        patch.setattr(task_backends["background"], "enqueue", queue_down)
        response = sign_up(client, event)
    assert response.status_code == 200
    assert outbox == []
    assert OutgoingEmail.objects.get().state == EmailState.PENDING

    mail_outbox.send_due()  # the periodic job

    (message,) = outbox
    assert message.subject == "Du är anmäld till Presidiekonferens"
