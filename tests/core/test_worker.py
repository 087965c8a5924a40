"""The worker as a real process beside a real web server, on a database of their own (PostgreSQL when the
suite runs on it, else a SQLite file): a visitor's sign-up never waits for the mail server, the e-mail
arrives once the server answers, and a scheduled page goes live with no cron line.

Nothing but `manage.py run_worker` runs the periodic jobs here. The publishing interval is 2 s instead
of the production default of 60 s (asserted in test_scheduler.py) so the test does not wait a minute.
"""

import http.cookiejar
import json
import re
import shutil
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.servers import (
    HangingSmtp,
    SiteDatabase,
    SmtpSink,
    free_port,
    manage,
    server_env,
    shell,
    start_gunicorn,
    start_worker,
    stop,
)

PAGE_TIME = 3.0  # seconds: far below the 10 s an SMTP timeout would add


@pytest.fixture(scope="module")
def site():
    workdir = Path(tempfile.mkdtemp(prefix="worker-"))
    database = SiteDatabase(workdir, "worker")
    mail_port = free_port()
    env = server_env(
        workdir,
        database.url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_port),
        EMAIL_TIMEOUT="2",
        EMAIL_RETRY_BASE_SECONDS="1",
        SEND_DUE_EMAILS_SECONDS="1",
        PUBLISH_SCHEDULED_SECONDS="2",
        SCHEDULER_TICK_SECONDS="0.5",
        REGISTRATION_RATE_LIMIT="1000",
    )
    manage(env, "collectstatic", "--noinput")
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    event = shell(
        env,
        "import datetime as dt; from django.utils import timezone; from wagtail.models import Page; "
        "from events.models import ConferencePage; "
        "page = ConferencePage(title='Presidiekonferens', slug='presidiekonferens', onsite_registration=True, "
        "seat_limit=10, start=timezone.now() + dt.timedelta(days=30)); "
        "Page.objects.get(depth=2).add_child(instance=page); page.save_revision().publish(); print(page.pk)",
    )
    port = free_port()
    server = start_gunicorn(env, port)
    yield {"env": env, "url": f"http://127.0.0.1:{port}", "event": int(event), "mail_port": mail_port}
    stop(server)
    database.drop()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def worker(site):
    process = start_worker(site["env"])
    yield process
    stop(process)
    assert process.returncode == 0, "the worker stops cleanly on SIGTERM"


def sign_up(site, email):
    """Opens the form and sends it like a visitor; returns (status, seconds the answer took, page)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url = f"{site['url']}/anmalan/{site['event']}/"
    html = opener.open(url, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "name": "Anna", "email": email, "consent": "on"})
    started = time.monotonic()
    with opener.open(urllib.request.Request(url, data.encode()), timeout=30) as response:
        return response.status, time.monotonic() - started, response.read().decode()


def email_states(site, address):
    return json.loads(
        shell(
            site["env"],
            "import json; from registrations.models import OutgoingEmail; print(json.dumps(list("
            f"OutgoingEmail.objects.filter(registration__email='{address}').values('state', 'attempts'))))",
        )
    )


def test_a_sign_up_answers_at_once_while_the_mail_server_hangs_and_the_e_mail_arrives_when_it_answers(site, worker):
    hanging = HangingSmtp(site["mail_port"])
    try:
        status, seconds, html = sign_up(site, "anna@kommun.se")
        assert status == 200
        assert "Du är anmäld" in html
        assert seconds < PAGE_TIME
        # The worker's first try times out against the hung server; the registration and its e-mail wait.
        deadline = time.monotonic() + 60
        while not any(email["attempts"] for email in email_states(site, "anna@kommun.se")):
            assert time.monotonic() < deadline, "the worker never tried to send"
            assert worker.poll() is None, "the worker stopped"
            time.sleep(1)
        assert email_states(site, "anna@kommun.se")[0]["state"] == "pending"
    finally:
        hanging.stop()

    sink = SmtpSink(site["mail_port"])
    try:
        message = sink.wait_for(lambda message: message["To"] == "anna@kommun.se")
    finally:
        sink.stop()
    assert message["Subject"] == "Du är anmäld till Presidiekonferens"
    assert email_states(site, "anna@kommun.se")[0]["state"] == "sent"


def test_a_scheduled_page_goes_live_within_a_minute_with_no_cron_line(site, worker):
    page = shell(
        site["env"],
        "import datetime as dt; from django.utils import timezone; from wagtail.models import Page; "
        "from home.models import ContentPage; "
        "page = ContentPage(title='Nyhet', slug='nyhet', live=False); "
        "Page.objects.get(depth=2).add_child(instance=page); "
        "page.go_live_at = timezone.now() + dt.timedelta(seconds=5); page.save_revision().publish(); "
        "print(page.go_live_at.timestamp())",
    )
    go_live_at = float(page)
    url = f"{site['url']}/nyhet/"
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(url, timeout=10)

    while True:
        try:
            urllib.request.urlopen(url, timeout=10)
            break
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert time.time() < go_live_at + 60, "the page did not go live within a minute"
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.5)
    assert time.time() >= go_live_at
    outcomes = json.loads(
        shell(
            site["env"],
            "import json; from core.models import PeriodicJob; "
            "print(json.dumps(dict(PeriodicJob.objects.values_list('name', 'last_outcome'))))",
        )
    )
    # Every periodic job ran in the worker, the purges and the task-result pruning included, and none failed.
    assert set(outcomes) >= {
        "publish_scheduled",
        "purge_registrations",
        "purge_feedback_comments",
        "prune_task_results",
    }
    assert "failed" not in outcomes.values()
