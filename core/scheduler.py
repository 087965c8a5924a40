"""Periodic jobs without cron: a scheduler thread in each worker enqueues the jobs that are due.

settings.PERIODIC_JOBS lists (name, seconds between runs, target); a target is "command:<name> [args]"
for a management command or the dotted path of a function. When a job is due, the scheduler moves its
next_run_at on with a conditional UPDATE, so of several workers exactly one enqueues it, and the job
runs as the task run_periodic_job, which records when it ran and whether it failed (docs/tasks.md).
"""

import datetime as dt
import io
import logging
import shlex
import threading
import traceback

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from core.models import JobOutcome, PeriodicJob

logger = logging.getLogger(__name__)
ERROR_MAX_LENGTH = 2000


def periodic_jobs():
    """{name: (seconds, target)} of settings.PERIODIC_JOBS."""
    return {name: (seconds, target) for name, seconds, target in settings.PERIODIC_JOBS}


def call_target(target):
    """Runs a job's command or function; a command's output goes to the log, not to the worker's terminal."""
    if target.startswith("command:"):
        output = io.StringIO()
        call_command(*shlex.split(target.removeprefix("command:")), stdout=output, stderr=output)
        logger.info("%s: %s", target, output.getvalue().strip())
    else:
        import_string(target)()


@task(backend="background")
def run_periodic_job(name):
    """Runs one periodic job and records its start, end and outcome for the admin."""
    seconds, target = periodic_jobs()[name]
    rows = PeriodicJob.objects.filter(name=name)
    rows.update(last_started_at=timezone.now(), last_outcome=JobOutcome.RUNNING)
    try:
        call_target(target)
    except (Exception, SystemExit):  # A failing job is recorded and logged; the worker goes on.
        logger.exception("Periodic job %s failed", name)
        rows.update(
            last_finished_at=timezone.now(),
            last_outcome=JobOutcome.FAILED,
            last_error=traceback.format_exc()[-ERROR_MAX_LENGTH:],
        )
        return False
    now = timezone.now()
    rows.update(last_finished_at=now, last_succeeded_at=now, last_outcome=JobOutcome.SUCCEEDED, last_error="")
    return True


def claim(name, seconds, now):
    """True if this scheduler gets to enqueue the job now: it was due and nobody moved it on first."""
    job, _ = PeriodicJob.objects.get_or_create(name=name)
    if job.next_run_at is not None and job.next_run_at > now:
        return False
    rows = PeriodicJob.objects.filter(pk=job.pk)
    if job.next_run_at is None:
        rows = rows.filter(next_run_at__isnull=True)
    else:
        rows = rows.filter(next_run_at=job.next_run_at)
    return rows.update(next_run_at=now + dt.timedelta(seconds=seconds)) == 1


def enqueue_due_jobs(now=None):
    """Enqueues every job that is due; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for name, (seconds, _target) in periodic_jobs().items():
        if not claim(name, seconds, now):
            continue
        try:
            run_periodic_job.enqueue(name)
        except Exception:  # The queue is down (Redis): give the slot back so the next tick tries again.
            logger.exception("Could not enqueue periodic job %s", name)
            PeriodicJob.objects.filter(name=name).update(next_run_at=now)
            continue
        enqueued.append(name)
    return enqueued


class Scheduler(threading.Thread):
    """Looks for due jobs every SCHEDULER_TICK_SECONDS until stopped; runs beside a worker."""

    def __init__(self, tick=None):
        super().__init__(name="scheduler", daemon=True)
        self.tick = settings.SCHEDULER_TICK_SECONDS if tick is None else tick
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                enqueue_due_jobs()
            except Exception:  # The database is away for a moment: try again at the next tick.
                logger.exception("The scheduler could not look for due jobs")
            finally:
                close_old_connections()
            self.stopping.wait(self.tick)

    def stop(self):
        self.stopping.set()
