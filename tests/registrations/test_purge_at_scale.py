"""Purges and page deletes take the same few queries for thousands of rows as for a handful:
registrations and answers are deleted in bulk, never one by one, even after the admin has loaded."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feedback.models import FeedbackResponse
from registrations import models as registration_models
from registrations.models import Registration
from tests.registrations.factories import OnsiteConferenceFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def admin_loaded(admin_client):
    # Wagtail connects its reference index signals when the admin's viewsets are registered.
    assert admin_client.get("/admin/").status_code == 200


def ended_event(event_index):
    end = timezone.now() - dt.timedelta(days=400)
    return OnsiteConferenceFactory(parent=event_index, start=end - dt.timedelta(hours=6), end=end)


def add_registrations(event, count):
    Registration.objects.bulk_create(
        RegistrationFactory.build(event=event, email=f"p{event.pk}-{n}@kommun.se") for n in range(count)
    )


def queries_of(action):
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def test_a_purge_of_many_registrations_takes_a_few_queries_per_batch(event_index, monkeypatch):
    monkeypatch.setattr(registration_models, "DELETE_BATCH", 100)
    few, many = ended_event(event_index), ended_event(event_index)
    add_registrations(few, 5)
    small = queries_of(lambda: call_command("purge_registrations", "--days", "0"))
    add_registrations(many, 1000)

    large = queries_of(lambda: call_command("purge_registrations", "--days", "0"))

    assert not Registration.objects.exists()
    # Ten batches of 100, each a handful of queries; row by row would be thousands.
    assert large <= small + 10 * 8


def test_deleting_a_page_deletes_its_answers_by_page_not_one_by_one(event):
    FeedbackResponse.objects.bulk_create(
        FeedbackResponse(page=event, helpful=n % 2 == 0, token=f"svar-{n}") for n in range(500)
    )

    with CaptureQueriesContext(connection) as queries:
        event.delete()

    assert not FeedbackResponse.objects.exists()
    answer_deletes = [q["sql"] for q in queries if q["sql"].startswith('DELETE FROM "feedback_feedbackresponse"')]
    # By page, not by answer (Wagtail deletes the specific page and then the page, so it may be twice).
    assert answer_deletes and all('"page_id" IN' in sql for sql in answer_deletes)
    assert len(queries) < 150
