"""Purges and page deletes take the same few queries for thousands of rows as for a handful:
registrations and answers are deleted in bulk, never one by one, even after the admin has loaded."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.signals import post_delete
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from feedback.models import FeedbackResponse
from registrations import models as registration_models
from registrations.models import EmailKind, OutgoingEmail, Registration
from tests.events.factories import SeminarPartFactory, SeminarSeriesPageFactory
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
    """The statements an action sends, savepoints (each batch's transaction inside the test's) left out."""
    with CaptureQueriesContext(connection) as queries:
        action()
    return len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))])


def test_a_purge_of_many_registrations_takes_a_few_queries_per_batch(event_index, monkeypatch):
    monkeypatch.setattr(registration_models, "DELETE_BATCH", 100)
    few, many = ended_event(event_index), ended_event(event_index)
    add_registrations(few, 5)
    small = queries_of(lambda: call_command("purge_registrations", "--days", "0"))
    add_registrations(many, 1000)

    large = queries_of(lambda: call_command("purge_registrations", "--days", "0"))

    assert not Registration.objects.exists()
    # Ten batches of 100, each its ids and one DELETE per table (e-mails, parts, registrations); Django's own
    # delete would add a query loading the rows and a DELETE per hundred.
    assert large <= small + 10 * 4


def test_a_purge_builds_no_registration_and_deletes_what_hangs_on_it(event_index, monkeypatch):
    monkeypatch.setattr(registration_models, "DELETE_BATCH", 100)
    event = ended_event(event_index)
    add_registrations(event, 250)
    registration = Registration.objects.first()
    OutgoingEmail.objects.create(registration=registration, kind=EmailKind.CONFIRMED)
    series = SeminarSeriesPageFactory(parent=event_index)
    registration.parts.add(SeminarPartFactory(page=series))

    with CaptureQueriesContext(connection) as queries:
        call_command("purge_registrations", "--days", "0")

    assert not Registration.objects.exists() and not OutgoingEmail.objects.exists()
    assert not Registration.parts.through.objects.exists()
    selects = [q["sql"] for q in queries if q["sql"].startswith("SELECT") and "registrations_registration" in q["sql"]]
    assert not any('"registrations_registration"."email"' in sql for sql in selects)
    registration_deletes = [q for q in queries if q["sql"].startswith('DELETE FROM "registrations_registration" ')]
    assert len(registration_deletes) == 3  # 100 + 100 + 50


def test_a_delete_signal_on_registrations_is_still_sent(event_index):
    event = ended_event(event_index)
    add_registrations(event, 3)
    deleted = []

    def receiver(sender, instance, **kwargs):
        deleted.append(instance.pk)

    post_delete.connect(receiver, sender=Registration)
    try:
        call_command("purge_registrations", "--days", "0")
    finally:
        post_delete.disconnect(receiver, sender=Registration)

    assert len(deleted) == 3 and not Registration.objects.exists()


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


def test_deleting_a_page_in_the_admin_takes_as_many_queries_for_500_answers_as_for_5(admin_client, event_index):
    few, many = ended_event(event_index), ended_event(event_index)
    for page, count in ((few, 5), (many, 500)):
        FeedbackResponse.objects.bulk_create(
            FeedbackResponse(page=page, helpful=n % 2 == 0, token=f"svar-{page.pk}-{n}") for n in range(count)
        )

    def delete(page):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.post(f"/admin/pages/{page.pk}/delete/")
        assert response.status_code == 302
        return len(queries)

    small = delete(few)  # first, so that anything done once per process counts against the small one
    assert delete(many) <= small
    assert not FeedbackResponse.objects.exists()
