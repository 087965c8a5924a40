"""Periodic jobs need no cron line: the worker's scheduler enqueues each job when it is due, exactly once
among several workers, and records when it ran and whether it failed, which the admin shows."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from django_tasks import task_backends

from core import scheduler
from core.models import JobOutcome, PeriodicJob
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

CALLS = []


def record_call():
    CALLS.append(timezone.now())


def fail():
    raise RuntimeError("Databasen svarade inte")


@pytest.fixture
def jobs(settings):
    CALLS.clear()
    settings.PERIODIC_JOBS = [
        ("every_minute", 60, "tests.core.test_scheduler.record_call"),
        ("broken", 3600, "tests.core.test_scheduler.fail"),
    ]
    return settings.PERIODIC_JOBS


def test_a_job_runs_when_due_and_not_again_until_its_interval_has_passed(jobs):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert scheduler.enqueue_due_jobs() == ["every_minute", "broken"]
        clock.shift(59)
        assert scheduler.enqueue_due_jobs() == []
        clock.shift(1)
        assert scheduler.enqueue_due_jobs() == ["every_minute"]

    assert len(CALLS) == 2
    job = PeriodicJob.objects.get(name="every_minute")
    assert job.last_outcome == JobOutcome.SUCCEEDED
    assert job.next_run_at == start + dt.timedelta(seconds=120)


def test_of_two_schedulers_looking_at_once_only_one_enqueues_the_job(jobs):
    now = timezone.now()
    PeriodicJob.objects.create(name="every_minute", next_run_at=now)

    assert scheduler.claim("every_minute", 60, now)
    assert not scheduler.claim("every_minute", 60, now)


def test_a_failing_job_is_recorded_as_failed_with_its_error_and_the_others_still_run(jobs):
    scheduler.enqueue_due_jobs()

    broken = PeriodicJob.objects.get(name="broken")
    assert broken.last_outcome == JobOutcome.FAILED
    assert "Databasen svarade inte" in broken.last_error
    assert broken.last_succeeded_at is None
    assert PeriodicJob.objects.get(name="every_minute").last_outcome == JobOutcome.SUCCEEDED


def test_a_job_that_could_not_be_enqueued_is_tried_again_at_the_next_tick(jobs, monkeypatch):
    def queue_down(*args):
        raise ConnectionError("Redis svarar inte")

    monkeypatch.setattr(task_backends["background"], "enqueue", queue_down)
    assert scheduler.enqueue_due_jobs() == []
    monkeypatch.undo()

    assert scheduler.enqueue_due_jobs() == ["every_minute", "broken"]


def test_the_admin_shows_when_each_job_last_ran_and_whether_it_failed(jobs, admin_client):
    scheduler.enqueue_due_jobs()

    html = admin_client.get("/admin/schemalagda-jobb/").content.decode()

    assert "every_minute" in html and "broken" in html
    assert "Misslyckades" in html and "Lyckades" in html
    broken = PeriodicJob.objects.get(name="broken")
    inspect = admin_client.get(f"/admin/schemalagda-jobb/inspect/{broken.pk}/").content.decode()
    assert "Databasen svarade inte" in inspect


def test_the_site_schedules_publishing_every_minute_and_the_purges_daily(settings):
    jobs = {name: (seconds, target) for name, seconds, target in settings.PERIODIC_JOBS}

    assert jobs["publish_scheduled"] == (60, "command:publish_scheduled")
    for purge in ("purge_feedback_comments", "purge_registrations", "purge_search_terms"):
        assert jobs[purge] == (24 * 3600, f"command:{purge}")
    assert jobs["send_due_emails"][0] == jobs["queue_reminders"][0] == 60
    assert jobs["prune_task_results"] == (24 * 3600, "command:prune_db_task_results --backend background")


def test_a_command_job_gets_its_arguments(settings):
    settings.PERIODIC_JOBS = [
        ("count", 3600, "command:check --tag models"),
        ("refused", 3600, "command:check --tag no-such-tag"),
    ]

    scheduler.enqueue_due_jobs()

    assert PeriodicJob.objects.get(name="count").last_outcome == JobOutcome.SUCCEEDED
    refused = PeriodicJob.objects.get(name="refused")
    assert refused.last_outcome == JobOutcome.FAILED
    assert "no-such-tag" in refused.last_error


def test_the_publishing_job_publishes_a_page_whose_time_has_come(home_page, settings):
    settings.PERIODIC_JOBS = [("publish_scheduled", 60, "command:publish_scheduled")]
    page = ContentPageFactory(parent=home_page, title="Nyhet", live=False)
    page.go_live_at = timezone.now() + dt.timedelta(seconds=30)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live

    with time_machine.travel(timezone.now() + dt.timedelta(seconds=31)):
        scheduler.enqueue_due_jobs()

    page.refresh_from_db()
    assert page.live
