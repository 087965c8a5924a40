"""With TASKS_QUEUE=rq the same tasks go through Redis: a sign-up's e-mail and the periodic jobs are run
by `manage.py run_worker` (an RQ worker) as a real process, delivering to a real SMTP server.

It needs the Redis on 127.0.0.1:6379 (db 5, or RQ_TEST_REDIS_URL): CI starts it, and there the test
fails rather than skips when it is missing.
"""

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
import redis

from tests.servers import SiteDatabase, SmtpSink, manage, require, server_env, shell, start_worker, stop

REDIS_URL = os.environ.get("RQ_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def site():
    require(redis_answers(), f"needs Redis at {REDIS_URL}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="rq-worker-"))
    database = SiteDatabase(workdir, "rqworker")
    sink = SmtpSink()
    env = server_env(
        workdir,
        database.url,
        TASKS_QUEUE="rq",
        REDIS_URL=REDIS_URL,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.port),
        SCHEDULER_TICK_SECONDS="0.5",
    )
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    yield {"env": env, "sink": sink}
    sink.stop()
    database.drop()
    redis.Redis.from_url(REDIS_URL).flushdb()
    shutil.rmtree(workdir, ignore_errors=True)


def test_the_rq_worker_sends_a_sign_ups_e_mail_and_runs_the_periodic_jobs(site):
    worker = start_worker(site["env"])
    try:
        shell(
            site["env"],
            "import datetime as dt; from django.utils import timezone; from wagtail.models import Page; "
            "from events.models import ConferencePage; from registrations import outbox, services; "
            "page = ConferencePage(title='Presidiekonferens', slug='presidiekonferens', onsite_registration=True, "
            "start=timezone.now() + dt.timedelta(days=30)); Page.objects.get(depth=2).add_child(instance=page); "
            "page.save_revision().publish(); "
            "outbox.dispatch(services.register(page, name='Anna', email='anna@kommun.se').emails)",
        )
        message = site["sink"].wait_for(lambda message: message["To"] == "anna@kommun.se")
        assert message["Subject"] == "Du är anmäld till Presidiekonferens"

        deadline = time.monotonic() + 60
        while True:
            outcomes = json.loads(
                shell(
                    site["env"],
                    "import json; from core.models import PeriodicJob; "
                    "print(json.dumps(dict(PeriodicJob.objects.values_list('name', 'last_outcome'))))",
                )
            )
            if outcomes.get("publish_scheduled") == "succeeded":
                break
            assert time.monotonic() < deadline, f"no periodic job ran through RQ: {outcomes}"
            assert worker.poll() is None, "the worker stopped"
            time.sleep(1)
    finally:
        stop(worker)
