"""When a series part moves, each confirmed registrant of it gets the new time and an updated .ics (same
UID, higher SEQUENCE) by e-mail through the outbox; nobody is told of a part they did not choose."""

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from icalendar import Calendar

from events.formatting import STOCKHOLM
from registrations.models import EmailKind, OutgoingEmail
from registrations.reminders import queue_due_reminders
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory, publish_part_change
from tests.registrations.conftest import sign_up
from tests.servers import SmtpSink

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2027, 3, 1, 12, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def series(event_index):
    with time_machine.travel(NOW, tick=False):
        page = SeminarSeriesPageFactory.build(
            title="Svåra beslut", slug="svara-beslut", registration_url="", onsite_registration=True, ask_parts=True
        )
        page.parts = [
            SeminarPartFactory.build(date=dt.date(2027, 3, 26), theme="Mod"),
            SeminarPartFactory.build(date=dt.date(2027, 4, 9), theme="Motstånd"),
        ]
        event_index.add_child(instance=page)
        page.save_revision().publish()
    return page


def moved_mail(outbox):
    return [message for message in outbox if message.subject.startswith("Ny tid")]


def test_registrants_of_a_moved_part_get_the_new_time_and_the_updated_invitation(
    client, series, outbox, django_capture_on_commit_callbacks
):
    mod = series.parts.get(theme="Mod")
    with time_machine.travel(NOW, tick=False):
        sign_up(client, series, email="anna@kommun.se", parts=[mod.pk])
        sign_up(client, series, email="bo@kommun.se", parts=[series.parts.get(theme="Motstånd").pk], ip="192.0.2.2")
        outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            publish_part_change(
                series, "Mod", date=dt.date(2027, 3, 30), start_time=dt.time(10, 0), end_time=dt.time(11, 0)
            )
    (message,) = moved_mail(outbox)
    assert message.to == ["anna@kommun.se"]
    assert message.subject == "Ny tid: Svåra beslut"
    assert "Delen Mod i Svåra beslut har fått en ny tid: 30 mars 2027 10.00–11.00." in message.body
    (attachment,) = [item for item in message.attachments if item[0].endswith(".ics")]
    (event,) = Calendar.from_ical(attachment[1]).walk("VEVENT")
    assert str(event["UID"]).startswith(f"seminar-part-{mod.pk}@")
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART") == dt.datetime(2027, 3, 30, 10, 0, tzinfo=STOCKHOLM)
    assert OutgoingEmail.objects.get(kind=EmailKind.MOVED).part_id == mod.pk


def test_a_new_link_or_text_sends_no_move_mail(client, series, outbox, django_capture_on_commit_callbacks):
    with time_machine.travel(NOW, tick=False):
        sign_up(client, series, email="anna@kommun.se", parts=[series.parts.get(theme="Mod").pk])
        with django_capture_on_commit_callbacks(execute=True):
            publish_part_change(series, "Mod", text="<p>Nytt upplägg.</p>", webcast_url="https://example.se/ny")
    assert moved_mail(outbox) == []


def test_the_move_mail_goes_over_real_smtp(client, series, django_capture_on_commit_callbacks):
    sink = SmtpSink()
    try:
        with time_machine.travel(NOW, tick=False):
            sign_up(client, series, email="anna@kommun.se", parts=[series.parts.get(theme="Mod").pk])
        with (
            override_settings(
                EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=sink.port,
            ),
            time_machine.travel(NOW, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            publish_part_change(series, "Mod", date=dt.date(2027, 3, 29))
        message = sink.wait_for(lambda message: message["Subject"] == "Ny tid: Svåra beslut", timeout=10)
    finally:
        sink.stop()
    assert message["To"] == "anna@kommun.se"
    assert any(part.get_content_type() == "text/calendar" for part in message.walk())


def test_a_cancelled_part_gets_no_reminder_and_cannot_be_chosen(client, series, outbox):
    mod = series.parts.get(theme="Mod")
    with time_machine.travel(NOW, tick=False):
        sign_up(client, series, email="anna@kommun.se", parts=[mod.pk])
        publish_part_change(series, "Mod", cancelled=True)
        assert f'value="{mod.pk}"' not in client.get(f"/anmalan/{series.pk}/").content.decode()
    # A day before the part would have started.
    with time_machine.travel(dt.datetime(2027, 3, 25, 14, 0, tzinfo=STOCKHOLM), tick=False):
        assert queue_due_reminders() == []
