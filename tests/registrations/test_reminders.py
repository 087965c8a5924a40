"""Before an event, and before each part of a series, every confirmed registrant gets one reminder with
the time, the place or webcast link, the .ics and the cancel link; nobody else gets one, nobody twice."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

from events.models import EventStatus
from registrations import outbox as mail_outbox
from registrations.models import EmailKind, EmailState, OutgoingEmail, Status
from registrations.reminders import queue_due_reminders, reminder_time
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
from tests.registrations.conftest import manage_links
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def local(*args):
    return dt.datetime(*args, tzinfo=STOCKHOLM)


def reminders(outbox):
    return [message for message in outbox if message.subject.startswith("Påminnelse")]


def conference(event_index, start, **kwargs):
    with time_machine.travel(start - dt.timedelta(days=20), tick=False):
        return OnsiteConferenceFactory(
            parent=event_index,
            title="Presidiekonferens",
            slug=None,
            start=start,
            end=start + dt.timedelta(hours=6),
            **kwargs,
        )


@pytest.mark.parametrize(
    "start, expected",
    [
        # The clocks go forward on 28 March 2027: a day before 10.00 is 10.00 CET on the Saturday.
        (local(2027, 3, 28, 10, 0), local(2027, 3, 27, 10, 0)),
        (local(2027, 3, 29, 10, 0), local(2027, 3, 28, 10, 0)),
        # The clocks go back on 25 October 2026: a day before 10.00 CET is 10.00 CEST on the Saturday.
        (local(2026, 10, 25, 10, 0), local(2026, 10, 24, 10, 0)),
        (local(2026, 10, 26, 10, 0), local(2026, 10, 25, 10, 0)),
    ],
    ids=["spring day", "after spring", "autumn day", "after autumn"],
)
def test_a_reminder_goes_out_a_day_before_at_the_same_swedish_time_on_both_sides_of_a_clock_change(
    event_index, outbox, start, expected
):
    event = conference(event_index, start)
    RegistrationFactory(event=event, email="anna@kommun.se")
    assert reminder_time(start, 24) == expected

    with time_machine.travel(expected - dt.timedelta(minutes=1), tick=False):
        queue_due_reminders()
    assert reminders(outbox) == []

    with time_machine.travel(expected, tick=False):
        queue_due_reminders()
    (message,) = reminders(outbox)
    assert message.to == ["anna@kommun.se"]


def test_the_reminder_has_the_time_the_place_the_invitation_and_the_cancel_link(event_index, outbox):
    start = local(2027, 5, 12, 9, 30)
    event = conference(event_index, start)
    RegistrationFactory(event=event, email="anna@kommun.se")

    with time_machine.travel(start - dt.timedelta(hours=2), tick=False):
        queue_due_reminders()

    (message,) = reminders(outbox)
    assert message.subject == "Påminnelse: Presidiekonferens"
    assert "12 maj 2027" in message.body and "09.30" in message.body
    assert "Svenska Mässan, Göteborg" in message.body
    assert manage_links(message)
    assert [name for name, *_ in message.attachments if name.endswith(".ics")]


def test_only_confirmed_registrants_get_a_reminder_and_each_only_once(event_index, outbox):
    start = local(2027, 5, 12, 9, 30)
    event = conference(event_index, start, seat_limit=None)
    RegistrationFactory(event=event, email="confirmed@kommun.se")
    RegistrationFactory(event=event, email="waiting@kommun.se", status=Status.WAITLISTED)
    RegistrationFactory(event=event, email="cancelled@kommun.se", status=Status.CANCELLED)

    with time_machine.travel(start - dt.timedelta(hours=20), tick=False):
        queue_due_reminders()
        queue_due_reminders()
        mail_outbox.send_due()
    with time_machine.travel(start - dt.timedelta(hours=1), tick=False):
        queue_due_reminders()
        mail_outbox.send_due()

    assert [message.to for message in reminders(outbox)] == [["confirmed@kommun.se"]]
    assert OutgoingEmail.objects.filter(kind=EmailKind.REMINDER).count() == 1


def test_a_reminder_retried_after_a_worker_crash_is_sent_once(event_index, outbox):
    start = local(2027, 5, 12, 9, 30)
    event = conference(event_index, start)
    RegistrationFactory(event=event)
    with time_machine.travel(start - dt.timedelta(hours=3), tick=False):
        (email,) = queue_due_reminders()
        outbox.clear()
        # The task ran once and was retried by the queue after its worker died: it delivers nothing new.
        mail_outbox.deliver(email.pk)
        mail_outbox.deliver_email.enqueue(email.pk)
    assert outbox == []
    email.refresh_from_db()
    assert email.state == EmailState.SENT


def test_no_reminder_for_a_cancelled_event_nor_after_the_registration_was_cancelled(event_index, outbox):
    start = local(2027, 5, 12, 9, 30)
    cancelled_event = conference(event_index, start, status=EventStatus.CANCELLED)
    RegistrationFactory(event=cancelled_event)
    event = conference(event_index, start)
    registration = RegistrationFactory(event=event)
    with time_machine.travel(start - dt.timedelta(hours=3), tick=False):
        mail_outbox.queue(registration, EmailKind.REMINDER, reminder_for="event")
        registration.status = Status.CANCELLED
        registration.save()
        queue_due_reminders()
        mail_outbox.send_due()

    assert reminders(outbox) == []
    assert OutgoingEmail.objects.get(kind=EmailKind.REMINDER).state == EmailState.DROPPED


def test_the_editor_sets_how_long_before_and_zero_means_no_reminder(event_index, outbox):
    start = local(2027, 5, 12, 9, 30)
    early = conference(event_index, start, reminder_hours=72)
    never = conference(event_index, start, reminder_hours=0)
    RegistrationFactory(event=early, email="early@kommun.se")
    RegistrationFactory(event=never, email="never@kommun.se")

    with time_machine.travel(start - dt.timedelta(hours=71), tick=False):
        queue_due_reminders()

    assert [message.to for message in reminders(outbox)] == [["early@kommun.se"]]


def test_each_part_of_a_series_gets_its_own_reminder_with_its_webcast_link(event_index, outbox):
    with time_machine.travel(local(2027, 4, 1, 12, 0), tick=False):
        series = SeminarSeriesPageFactory.build(
            title="Svåra beslut", registration_url="", onsite_registration=True, ask_parts=True
        )
        series.parts = [
            SeminarPartFactory.build(date=dt.date(2027, 5, 3), theme="Mod", webcast_url="https://example.se/mod"),
            SeminarPartFactory.build(date=dt.date(2027, 5, 10), theme="Motstånd"),
        ]
        event_index.add_child(instance=series)
        series.save_revision().publish()
    mod, motstand = series.parts.order_by("date")
    whole = RegistrationFactory(event=series, email="whole@kommun.se")
    only_second = RegistrationFactory(event=series, email="second@kommun.se")
    only_second.parts.set([motstand])

    with time_machine.travel(local(2027, 5, 2, 13, 15), tick=False):
        queue_due_reminders()
    (first,) = reminders(outbox)
    assert first.to == ["whole@kommun.se"]
    assert "Mod" in first.body and "https://example.se/mod" in first.body
    assert OutgoingEmail.objects.filter(registration=whole).count() == 1

    with time_machine.travel(local(2027, 5, 9, 13, 15), tick=False):
        queue_due_reminders()
    assert sorted(message.to[0] for message in reminders(outbox)[1:]) == ["second@kommun.se", "whole@kommun.se"]
