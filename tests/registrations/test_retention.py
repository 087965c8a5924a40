"""Registrations are deleted a configurable number of days after their event ends, and no earlier."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from registrations.models import Registration
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def ended(event_index, days_ago, title):
    end = timezone.now() - dt.timedelta(days=days_ago)
    return OnsiteConferenceFactory(parent=event_index, title=title, start=end - dt.timedelta(hours=6), end=end)


@pytest.fixture
def events(event_index, event):
    """Ended 31 and 29 days ago, and the upcoming conference."""
    old = ended(event_index, 31, "Gammal")
    recent = ended(event_index, 29, "Nyss")
    for page in (old, recent, event):
        RegistrationFactory.create_batch(2, event=page)
    return old, recent, event


def test_the_command_deletes_exactly_the_registrations_past_retention(events, capsys):
    old, recent, upcoming = events

    call_command("purge_registrations")

    assert not Registration.objects.filter(event=old).exists()
    assert Registration.objects.filter(event=recent).count() == 2
    assert Registration.objects.filter(event=upcoming).count() == 2
    assert "Tog bort 2 anmälningar" in capsys.readouterr().out


def test_the_retention_period_is_a_setting(events, settings):
    old, recent, upcoming = events
    settings.REGISTRATION_RETENTION_DAYS = 7

    call_command("purge_registrations")

    assert set(Registration.objects.values_list("event_id", flat=True)) == {upcoming.pk}


def test_a_dry_run_only_counts(events, capsys):
    call_command("purge_registrations", "--dry-run", "--days", "0")

    assert "4 anmälningar" in capsys.readouterr().out
    assert Registration.objects.count() == 6


def test_deleting_an_event_deletes_its_registrations(event):
    RegistrationFactory(event=event)

    event.delete()

    assert not Registration.objects.exists()
